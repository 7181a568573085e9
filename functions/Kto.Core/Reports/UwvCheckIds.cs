namespace Kto.Core.Reports;

/// <summary>The ids of UWV's seven conditions for a correct survey (the report JSON contract).</summary>
public static class UwvCheckIds
{
    public const string OnTime = "on-time";
    public const string BureauMembership = "bureau-membership";
    public const string Signed = "signed";
    public const string MandatoryQuestions = "mandatory-questions";
    public const string AllApproached = "all-approached";
    public const string MethodAccount = "method-account";
    public const string MinimumResponse = "minimum-response";
}
