using Kto.Core.Digest;

namespace Kto.Core.Tests.Digest;

/// <summary>The sending rule the digest and the delivery reminder share (<see cref="ClaimedMails"/>).</summary>
public sealed class ClaimedMailsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_mail_goes_once_per_period_and_a_refused_or_failing_one_gives_its_claim_back_without_stopping_the_others()
    {
        var ledger = new InMemoryDigestParts();
        var mails = new ClaimedMails(ledger, "digest", Now);
        var sentTo = new List<string>();
        Func<Task<bool>> Accept(string email) => () => { sentTo.Add(email); return Task.FromResult(true); };

        await mails.SendOnceAsync("2026-W47", "a@x.nl", Accept("a@x.nl"), CancellationToken.None);
        await mails.SendOnceAsync("2026-W47", "a@x.nl", Accept("a@x.nl"), CancellationToken.None);
        await mails.SendOnceAsync("2026-W47", "refused@x.nl", () => Task.FromResult(false), CancellationToken.None);
        await mails.SendOnceAsync("2026-W47", "broken@x.nl", () => throw new InvalidOperationException("template"), CancellationToken.None);
        await mails.SendOnceAsync("2026-W47", "b@x.nl", Accept("b@x.nl"), CancellationToken.None);
        await mails.SendOnceAsync("2026-W48", "a@x.nl", Accept("a@x.nl"), CancellationToken.None);

        Assert.Equal(["a@x.nl", "b@x.nl", "a@x.nl"], sentTo);
        Assert.Equal((3, 1, 2), (mails.Sent, mails.Already, mails.Failed));
        // Only the mails that went keep their claim: the refused and the failing one are tried again by a later run.
        Assert.Equal(["digest|2026-W47|a@x.nl", "digest|2026-W47|b@x.nl", "digest|2026-W48|a@x.nl"], ledger.Claims.Keys.Order());
    }

    [Fact]
    public async Task A_cancelled_run_stops_instead_of_counting_the_mail_as_failed()
    {
        var mails = new ClaimedMails(new InMemoryDigestParts(), "delivery", Now);

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            mails.SendOnceAsync("2026-10", "a@x.nl", () => throw new OperationCanceledException(), CancellationToken.None));
        Assert.Equal(0, mails.Failed);
    }
}
