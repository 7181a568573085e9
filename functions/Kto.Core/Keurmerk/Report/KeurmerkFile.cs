namespace Kto.Core.Keurmerk;

/// <summary>One rendered Keurmerk report file.</summary>
public sealed record KeurmerkFile(string FileName, string ContentType, byte[] Content);
