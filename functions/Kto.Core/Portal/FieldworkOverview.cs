using Kto.Core.Fieldwork;

namespace Kto.Core.Portal;

/// <summary>The figures of the bureau's fieldwork page: recent mail runs, the throttle's use now, and per company who e-mail cannot reach.</summary>
public sealed record FieldworkOverview(IReadOnlyList<MailRun> Runs, ThrottleUse Throttle, IReadOnlyList<CompanyFieldwork> Companies);
