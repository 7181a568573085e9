namespace Kto.Core.Fieldwork;

/// <summary>Why a mail run stopped, in plain Dutch for the bureau (the codes are <see cref="MailJobResult.StopReasons"/>).</summary>
public static class StopReasonTexts
{
    public static string Dutch(MailRun run) => run.Status switch
    {
        MailRunStatus.Queued => "Wacht op start",
        MailRunStatus.Running => "Loopt nog",
        MailRunStatus.Failed => "Afgebroken door een fout" + (run.Error is { } e ? $" ({e})" : ""),
        _ => run.Stopped switch
        {
            MailJobResult.StopReasons.Done => "Klaar: alles verstuurd wat nu kon",
            MailJobResult.StopReasons.QuietTime => "Gestopt: buiten de verzendtijden (avond, nacht of weekend)",
            MailJobResult.StopReasons.Throttled => "Gestopt: de verzendlimiet per minuut of uur was bereikt",
            MailJobResult.StopReasons.TimeLimit => "Gestopt: de maximale looptijd van een run was om",
            MailJobResult.StopReasons.MailServerUnavailable => "Gestopt: de mailserver was niet bereikbaar",
            { } other => $"Gestopt ({other})",
            null => "Onbekend",
        },
    };
}
