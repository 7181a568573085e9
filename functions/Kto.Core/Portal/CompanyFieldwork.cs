namespace Kto.Core.Portal;

/// <summary>One company on the bureau's fieldwork page.</summary>
/// <param name="Bounced">Open clients whose e-mail bounced: to follow up by letter or phone.</param>
/// <param name="WithoutEmail">Open clients without a usable e-mail address (none, or it bounced): the offline list.</param>
public sealed record CompanyFieldwork(string CompanyId, string CompanyName, int Bounced, int WithoutEmail);
