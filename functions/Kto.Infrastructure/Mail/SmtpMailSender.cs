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
            try
            {
                if (client is not { IsConnected: true }) await ConnectAsync(cancellationToken);
                await client!.SendAsync(ToMime(mail), cancellationToken);
                return MailSendResult.Accepted;
            }
            catch (SmtpCommandException e)
            {
                var code = (int)e.StatusCode;
                // Only a refused recipient is a bounce; a refused sender or message is our problem, not the client's.
                var permanent = code >= 500 && e.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
                return new MailSendResult(permanent ? MailOutcome.Permanent : MailOutcome.Transient, code);
            }
            catch (Exception e) when (e is SmtpProtocolException or IOException or ServiceNotConnectedException or System.Net.Sockets.SocketException)
            {
                client?.Dispose();
                client = null;
                return new MailSendResult(MailOutcome.Transient);
            }
        }

        private MimeMessage ToMime(OutgoingMail mail)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(bureau.Name, settings.FromAddress));
            message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
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
