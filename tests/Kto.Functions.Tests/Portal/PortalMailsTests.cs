using Kto.Core.Accounts;
using Kto.Core.Settings;
using Kto.Infrastructure.Mail;
using Kto.Infrastructure.Portal;
using Kto.Infrastructure.Templates;
using Kto.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The portal's mails go out through one sender (<see cref="PortalMails"/>) over real SMTP: a mail is made from its
/// kind's three templates; a failure to send throws (sign-in: the queued mail is sent again later) or, where the
/// mailer only tries, reads as not sent (welcome: the account stays, the page says to pass the address on).
/// </summary>
public sealed class PortalMailsTests
{
    private static readonly BureauSettings Bureau = new() { Name = "Bureau Test", ContactEmail = "vragen@bureau.example" };
    private static readonly PortalUser User = new("nieuw@acme.example", UserRole.Company, "acme", DateTimeOffset.UnixEpoch, "test", Name: "Sam");

    private static PortalMails Mails(int port) => new(
        new SmtpMailSender(new MailSettings { Host = "127.0.0.1", Port = port, Security = "None" }, Bureau),
        new LiquidTemplates(), NullLogger<PortalMails>.Instance);

    [Fact]
    public async Task A_sign_in_mail_is_made_from_its_three_templates()
    {
        await using var smtp = new TestSmtpServer();
        var mailer = new SignInMailer(Mails(smtp.Port), Bureau);

        Assert.True(await mailer.SendAsync(User.Email, "https://portal.example/portal/login?t=abc", new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), default));

        var mail = Assert.Single(smtp.Received).Message;
        Assert.Equal(User.Email, mail.To.Mailboxes.Single().Address);
        Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
        Assert.Contains("https://portal.example/portal/login?t=abc", mail.TextBody);
        Assert.Contains("https://portal.example/portal/login?t=abc", mail.HtmlBody);
        Assert.Contains("13:00", mail.TextBody); // the link's end, in Dutch time
    }

    [Fact]
    public async Task Without_a_mail_server_a_sign_in_mail_throws_so_it_is_sent_again_and_a_welcome_reads_as_not_sent()
    {
        var closed = FreePort.Next(); // nothing listens here
        var mails = Mails(closed);

        await Assert.ThrowsAnyAsync<Exception>(() => new SignInMailer(mails, Bureau).SendAsync(User.Email, "https://portal.example/x", DateTimeOffset.UnixEpoch, default));
        Assert.False(await new WelcomeMailer(mails, Bureau, new KtoSettings { PublicBaseUrl = "https://portal.example" }).SendWelcomeAsync(User, default));
    }
}
