namespace Kto.Core.Reports;

/// <summary>Norms for the annual report (configuration section <c>Kto:Report</c>). The bureau itself is <see cref="Settings.BureauSettings"/>.</summary>
public sealed class ReportSettings
{
    public const string Section = "Report";

    /// <summary>UWV KPI: the mean rapportcijfer per perceel must be at least this (seed: "minimaal een 7").</summary>
    public double KpiMinimumMeanGrade { get; set; } = 7.0;

    /// <summary>
    /// Minimum response rate per perceel (respondents / ended services). <b>Unconfirmed</b>: UWV defines the
    /// value in its "Richtlijn voor onderzoeksbureaus", which is not public. 0.30 is a placeholder in the range
    /// such client surveys usually reach with e-mail plus two reminders; the bureau must set the real value.
    /// </summary>
    public double MinimumResponseRate { get; set; } = 0.30;

    /// <summary>Minimum number of respondents per perceel, in addition to the rate. <b>Unconfirmed</b>; 0 = not used.</summary>
    public int MinimumRespondents { get; set; }

    /// <summary>A perceel with fewer ended services than this in the whole year may ask for exemption (seed: "minder dan 5").</summary>
    public int ExemptionThreshold { get; set; } = 5;

    /// <summary>Month of the submission deadline in the year after the measurement year (seed: 1 March).</summary>
    public int SubmissionDeadlineMonth { get; set; } = 3;

    /// <summary>Day of the submission deadline; the deadline day itself is still on time.</summary>
    public int SubmissionDeadlineDay { get; set; } = 1;

    /// <summary>Fewer respondents than this marks a perceel's figures as indicative.</summary>
    public int IndicativeBelowRespondents { get; set; } = 10;

    /// <summary>
    /// The daily timer drafts last year's reports once fieldwork of that year has closed and a company has no draft
    /// yet. Off: the bureau starts them itself (POST /api/reports/{year}).
    /// </summary>
    public bool DraftPreviousYearAutomatically { get; set; } = true;

    /// <summary>
    /// How many companies' years one report run reads at a time (<see cref="ReportRunReads"/>); each draft is a read
    /// (storage) followed by a render (CPU), and a few reads at a time let each render run while the next ones are read.
    /// </summary>
    public int ConcurrentReads { get; set; } = 4;

    public DateOnly SubmissionDeadline(int measurementYear) =>
        new(measurementYear + 1, SubmissionDeadlineMonth, SubmissionDeadlineDay);
}
