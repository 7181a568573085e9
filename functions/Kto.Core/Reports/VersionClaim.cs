namespace Kto.Core.Reports;

/// <summary>
/// What claiming a version number for one signing (a draft, a signer and a conclusion) came to, decided in storage:
/// the first request gets a new number to write; a repeat gets the number the first got, done or still being written.
/// </summary>
public sealed record VersionClaim(int Version, VersionClaim.States State)
{
    public enum States
    {
        /// <summary>This request holds the claim: it writes the version.</summary>
        New,
        /// <summary>The same signing was done before: this version is what it gave.</summary>
        Done,
        /// <summary>The same signing is being written by another request (or host): wait for it.</summary>
        Busy,
    }
}
