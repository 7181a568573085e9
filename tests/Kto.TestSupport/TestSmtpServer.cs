using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kto.TestSupport;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port. Keeps what it receives with its arrival
/// time; refuses recipients on request: permanently (550) or for now (452, once per address).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    /// <param name="idleTimeout">Closes a connection that sends no command for this long, as real servers do.</param>
    public TestSmtpServer(TimeSpan? idleTimeout = null)
    {
        Port = FreePort.Next();
        var builder = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)));
        if (idleTimeout is { } timeout) builder = builder.CommandWaitTimeout(timeout);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new NoDelayListenerFactory());
        running = new SmtpServer.SmtpServer(builder.Build(), services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Addresses answered with 550 (a bounce).</summary>
    public ConcurrentDictionary<string, bool> RejectPermanently { get; } = new(StringComparer.OrdinalIgnoreCase);

    private TaskCompletionSource? held;
    private int waiting;

    /// <summary>
    /// Stalls every message at the end of DATA (the sender waits for the server's 250) until <see cref="Release"/>: a
    /// mail server that hangs. Messages are kept only once released.
    /// </summary>
    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref held, null)?.TrySetResult();

    /// <summary>Messages sent and now stalled by <see cref="Hold"/>.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Addresses answered with 452 the first time (try again later).</summary>
    public ConcurrentDictionary<string, bool> RejectOnce { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<MimeMessage> To(string domain) =>
        Received.Select(m => m.Message)
            .Where(m => m.To.Mailboxes.Any(a => a.Address.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        Release();
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
    }

    /// <summary>A message as received, with the <see cref="Stopwatch"/> timestamp of its arrival; parsed only when read.</summary>
    public sealed class ReceivedMail(long arrived, byte[] raw)
    {
        private readonly Lazy<MimeMessage> message = new(() => MimeMessage.Load(new MemoryStream(raw)));

        public long Arrived { get; } = arrived;
        public MimeMessage Message => message.Value;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            if (Volatile.Read(ref server.held) is { } gate)
            {
                Interlocked.Increment(ref server.waiting);
                await gate.Task.WaitAsync(cancellationToken);
                Interlocked.Decrement(ref server.waiting);
            }
            // Parsing waits until a test reads the message, so the benchmarks measure the sender, not MimeKit.
            server.Received.Enqueue(new ReceivedMail(Stopwatch.GetTimestamp(), raw));
            return SmtpResponse.Ok;
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

    /// <summary>
    /// Accepts connections with Nagle's algorithm off. The package's own listener leaves it on, and its small
    /// replies then wait for the client's delayed ACK (~40 ms on Linux): the server, not the sender, would set the rate.
    /// </summary>
    private sealed class NoDelayListenerFactory : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : IEndpointListener
        {
            public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                context.Properties.Add(EndpointListener.LocalEndPointKey, client.Client.LocalEndPoint!);
                context.Properties.Add(EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
                return new PlainPipe(client);
            }

            public void Dispose() => listener.Stop();
        }
    }

    /// <summary>The connection as pipes; no TLS (mail goes to loopback with Security=None).</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream stream = client.GetStream();
        private PipeReader? input;
        private PipeWriter? output;

        public PipeReader Input => input ??= PipeReader.Create(stream);
        public PipeWriter Output => output ??= PipeWriter.Create(stream);
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The test SMTP server does not offer TLS.");

        public void Dispose() => client.Dispose();
    }
}
