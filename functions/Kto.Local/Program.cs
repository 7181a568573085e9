using Kto.Local;

var app = LocalApp.Build(args);
await app.RunAsync();
