using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free port. Keeps what it receives; refuses recipients on
/// request: permanently (550) or for now (452, once per address).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    /// <param name="idleTimeout">Closes a connection that sends no command for this long, as real servers do.</param>
    public TestSmtpServer(TimeSpan? idleTimeout = null)
    {
        Port = FreePort.Next();
        var builder = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)));
        if (idleTimeout is { } timeout) builder = builder.CommandWaitTimeout(timeout);
        var options = builder.Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Addresses answered with 550 (a bounce).</summary>
    public ConcurrentDictionary<string, bool> RejectPermanently { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Addresses answered with 452 the first time (try again later).</summary>
    public ConcurrentDictionary<string, bool> RejectOnce { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<MimeMessage> To(string domain) =>
        Received.Where(m => m.To.Mailboxes.Any(a => a.Address.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken token)
        {
            var address = to.AsAddress();
            if (server.RejectOnce.TryRemove(address, out _))
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.InsufficientStorage, "try again later"));
            return Task.FromResult(!server.RejectPermanently.ContainsKey(address));
        }
    }
}
