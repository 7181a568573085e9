using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// Fault injection around the real adapters, for failures a real server cannot be made to produce on cue: each
/// wrapper passes everything through and throws only for the clients named.
/// </summary>
public static class MailFaults
{
    /// <summary>The token write fails for these services.</summary>
    public sealed class TokenStore(ISurveyTokenStore inner, params ServiceRef[] failFor) : ISurveyTokenStore
    {
        public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken) =>
            failFor.Contains(service)
                ? throw new Azure.RequestFailedException(503, "injected: token write failed")
                : inner.SaveAsync(tokenHash, service, purpose, cancellationToken);

        public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken) =>
            inner.FindAsync(tokenHash, purpose, cancellationToken);
    }

    /// <summary>The template fails for mails to these addresses (as a broken template edited by the bureau would).</summary>
    public sealed class Composer(IMailComposer inner, params string[] failFor) : IMailComposer
    {
        public OutgoingMail Compose(MailContent content) =>
            failFor.Contains(content.Email, StringComparer.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("injected: template error")
                : inner.Compose(content);
    }

    /// <summary>Sending to these addresses throws as a reconnect that dies half-way would (not mapped by the adapter).</summary>
    public sealed class Sender(IMailSender inner, params string[] failFor) : IMailSender
    {
        public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
            new Session(await inner.OpenAsync(cancellationToken), failFor);

        private sealed class Session(IMailSession inner, string[] failFor) : IMailSession
        {
            public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
                failFor.Contains(mail.To, StringComparer.OrdinalIgnoreCase)
                    ? throw new ObjectDisposedException("SmtpClient", "injected: connection dropped during reconnect")
                    : inner.SendAsync(mail, cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    /// <summary>A throttle that makes the run wait once, before its second mail, as a full minute window does.</summary>
    public sealed class WaitOnceThrottle(TimeSpan wait) : IMailThrottle
    {
        private int calls;

        public Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken) =>
            Task.FromResult<TimeSpan?>(Interlocked.Increment(ref calls) == 2 ? wait : null);

        public Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken) => Task.FromResult(new ThrottleUse(0, 1, 0, 1));
    }

    /// <summary>Recording a sent mail fails for these services, every time (the mail has gone out by then).</summary>
    public sealed class Store(IFieldworkStore inner, params ServiceRef[] failSentFor) : IFieldworkStore
    {
        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) =>
            inner.CandidatesAsync(company, year, cancellationToken);

        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => inner.GetAsync(service, cancellationToken);

        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.TryClaimAsync(candidate, step, until, cancellationToken);

        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => inner.GetContactAsync(service, cancellationToken);

        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
            attempt.Outcome == AttemptOutcome.Sent && failSentFor.Contains(attempt.Service)
                ? throw new Azure.RequestFailedException(500, "injected: record failed")
                : inner.RecordAsync(attempt, update, cancellationToken);

        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) =>
            inner.AttemptsAsync(company, year, cancellationToken);
    }
}
