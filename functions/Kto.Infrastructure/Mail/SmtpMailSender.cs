using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kto.Infrastructure.Mail;

/// <summary>
/// Sends over SMTP with MailKit: Azure Communication Services in production (STARTTLS on 587), any SMTP server
/// locally. Maps the server's answer to accepted / try later / bounce.
/// </summary>
public sealed class SmtpMailSender(MailSettings settings, BureauSettings bureau) : IMailSender
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var session = new Session(settings, bureau);
        await session.ConnectAsync(cancellationToken);
        return session;
    }

    private sealed class Session(MailSettings settings, BureauSettings bureau) : IMailSession
    {
        private SmtpClient? client;
        private long lastUsed = Environment.TickCount64;

        /// <summary>
        /// A connection idle this long (a run waiting for a throttle slot) may have been closed by the server
        /// without MailKit noticing; it is checked with NOOP first, which sends nothing that could become a mail.
        /// </summary>
        private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(10);

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            client?.Dispose();
            client = new SmtpClient { Timeout = 30_000 };
            var security = Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true);
            // Our own socket with Nagle's algorithm off: MailKit leaves it on, and the last small write of each
            // message then waits for the server's delayed ACK (~40 ms a mail; 22 instead of thousands a second locally).
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(client.Timeout); // as MailKit's own connect would
                    try
                    {
                        await socket.ConnectAsync(settings.Host, settings.Port, connectTimeout.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new TimeoutException($"No connection to the mail server within {client.Timeout / 1000} s.");
                    }
                }
                await client.ConnectAsync(socket, settings.Host, settings.Port, security, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
        }

        public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            // Built before the connection is touched: an address MimeKit refuses (ParseException) is this client's
            // problem, thrown to the job (which defers the client), and leaves the connection as it was.
            var message = ToMime(mail);
            try
            {
                await EnsureConnectedAsync(cancellationToken);
                await client!.SendAsync(message, cancellationToken);
                lastUsed = Environment.TickCount64;
                return MailSendResult.Accepted;
            }
            catch (SmtpCommandException e)
            {
                var code = (int)e.StatusCode;
                // Only a refused recipient is a bounce; a refused sender or message is our problem, not the client's.
                var permanent = code >= 500 && e.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
                return new MailSendResult(permanent ? MailOutcome.Permanent : MailOutcome.Transient, code);
            }
            catch (Exception e) when (e is SmtpProtocolException or IOException or ServiceNotConnectedException or SocketException
                                          or TimeoutException or AuthenticationException or SslHandshakeException)
            {
                // The connection (or a reconnect) failed: no answer about this client, try again later.
                Drop();
                return new MailSendResult(MailOutcome.Transient);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Anything else mid-transaction leaves the session in an unknown state: the next mail reconnects.
                Drop();
                throw;
            }
        }

        private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
        {
            if (client is { IsConnected: true } && Environment.TickCount64 - lastUsed > IdleCheck.TotalMilliseconds)
            {
                try { await client.NoOpAsync(cancellationToken); }
                catch (Exception e) when (e is SmtpProtocolException or IOException or ServiceNotConnectedException or SocketException or SmtpCommandException)
                {
                    Drop();
                }
            }
            if (client is not { IsConnected: true }) await ConnectAsync(cancellationToken);
            lastUsed = Environment.TickCount64;
        }

        private void Drop()
        {
            client?.Dispose();
            client = null;
        }

        private MimeMessage ToMime(OutgoingMail mail)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(bureau.Name, settings.FromAddress));
            message.To.Add(new MailboxAddress("", mail.To));
            message.Subject = mail.Subject;
            if (!string.IsNullOrEmpty(mail.UnsubscribeUrl)) // empty for a portal sign-in mail: nothing to opt out of
            {
                message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
                message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.Body = new MultipartAlternative
            {
                new TextPart("plain") { Text = mail.Text },
                new TextPart("html") { Text = mail.Html },
            };
            return message;
        }

        public async ValueTask DisposeAsync()
        {
            if (client is null) return;
            if (client.IsConnected)
            {
                try { await client.DisconnectAsync(true); }
                catch (Exception e) when (e is IOException or SmtpProtocolException) { }
            }
            client.Dispose();
        }
    }
}
