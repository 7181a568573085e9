using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using SmtpServer;
using SmtpServer.Mail;
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
}
