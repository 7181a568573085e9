namespace Kto.Core.Keurmerk;

/// <summary>The results norm from "reden beëindiging": completed and successfully completed trajectories.</summary>
public sealed record KeurmerkResults(int Ended, int Completed, int Successful, double? SuccessRate,
    IReadOnlyList<string> SuccessWords, IReadOnlyList<string> FailureWords);
