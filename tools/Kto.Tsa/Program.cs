using Kto.Tsa;

// ./kto up: dotnet Kto.Tsa.dll --urls http://127.0.0.1:3161 --certificate $KTO_DATA/tsa/tsa.pfx [--name NAME]
var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2) settings[args[i].TrimStart('-')] = args[i + 1];
var url = settings.GetValueOrDefault("urls", "http://127.0.0.1:3161");
var path = settings.GetValueOrDefault("certificate") ?? throw new ArgumentException("--certificate PATH (a PFX; made when missing) is required.");
var name = settings.GetValueOrDefault("name", "Lokale tijdstempeldienst");
using var certificate = TimestampAuthority.LoadOrCreate(path, name, DateTimeOffset.UtcNow);
await using var app = TimestampAuthority.Build(url, certificate);
await app.RunAsync();
