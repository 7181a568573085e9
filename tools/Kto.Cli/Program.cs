using Kto.Cli;

// ./kto runs this for the commands that talk to a running stack; see KtoCommands for the list.
return await KtoCommands.RunAsync(args, CliSettings.FromEnvironment(), Console.Out, Console.Error,
    interactive: !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb"));
