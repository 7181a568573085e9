using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kto.Bench.Support;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port that keeps each message with its arrival time.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public SmtpSink()
    {
        Port = FreePort.Next();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListenerFactory());
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>Raw messages as received, with the <see cref="Stopwatch"/> timestamp of their arrival.</summary>
    public ConcurrentQueue<(long Arrived, byte[] Message)> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            sink.Received.Enqueue((Stopwatch.GetTimestamp(), buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
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

    /// <summary>The connection as pipes; no TLS here (the benchmark sends to loopback with Security=None).</summary>
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
            throw new NotSupportedException("The benchmark's SMTP server does not offer TLS.");

        public void Dispose() => client.Dispose();
    }
}
