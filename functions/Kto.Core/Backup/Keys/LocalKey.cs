namespace Kto.Core.Backup;

/// <summary>A key file that gives stored data its meaning, by its name in the data folder and what it is for (named in messages).</summary>
public sealed record LocalKey(string Name, string Meaning);
