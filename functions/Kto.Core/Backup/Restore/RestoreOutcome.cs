namespace Kto.Core.Backup;

public enum RestoreOutcome
{
    Restored,
    /// <summary>The manifest is missing or a file is missing or changed: nothing was written.</summary>
    Damaged,
    /// <summary>The stack holds data and the restore was not forced: nothing was written.</summary>
    NotEmpty,
    /// <summary>The snapshot lacks keys the stack needs (named in the problems): nothing was written.</summary>
    KeysMissing,
    PassphraseNeeded,
    /// <summary>The keys do not open with the passphrase given (or their file was changed).</summary>
    WrongPassphrase,
}
