using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class EmailAddressesTests
{
    [Theory]
    [InlineData("jan@example.nl", true)]
    [InlineData("j.de.vries+kto@sub.example.com", true)]
    [InlineData("jan@", false)]
    [InlineData("jan example.nl", false)]
    [InlineData("jan@@example.nl", false)]
    [InlineData("jan@example", false)]
    [InlineData("jan@example..nl", false)]
    [InlineData("Jan <jan@example.nl>", false)]
    public void Plain_addresses_are_recognised(string email, bool expected) =>
        Assert.Equal(expected, EmailAddresses.IsValid(email));

    [Theory]
    [InlineData("a\u0001b@example.nl")]
    [InlineData("jan\u0000@example.nl")]
    [InlineData("jan@exa\u0007mple.nl")]
    [InlineData("jan\u007F@example.nl")]
    [InlineData("jan\u0085@example.nl")]
    [InlineData("jan\u200B@example.nl")]
    public void An_address_with_a_control_character_is_not_usable(string email) =>
        Assert.False(EmailAddresses.IsValid(email));

    [Theory]
    [InlineData("a\u0001b@example.nl")]
    [InlineData("jan\u0085@example.nl")]
    [InlineData("jan@example.nl")]
    [InlineData("zoë@example.nl")]
    [InlineData("jan@exämple.nl")]
    [InlineData("\"jan\"@example.nl")]
    [InlineData("jan(x)@example.nl")]
    [InlineData("jan.@example.nl")]
    [InlineData(".jan@example.nl")]
    [InlineData("jan@-example.nl")]
    public void Every_address_kept_as_usable_is_one_the_mail_sender_can_address(string email)
    {
        // What SmtpMailSender does with a stored address (Kto.Infrastructure/Mail): new MailboxAddress(name, address).
        var senderCan = true;
        try
        {
            _ = new MimeKit.MailboxAddress("", email);
        }
        catch (MimeKit.ParseException)
        {
            senderCan = false;
        }
        if (EmailAddresses.IsValid(email)) Assert.True(senderCan, "accepted at ingest, but the sender cannot address it");
        if (email == "a\u0001b@example.nl") Assert.False(EmailAddresses.IsValid(email));
        if (email == "jan@example.nl") Assert.True(EmailAddresses.IsValid(email));
    }

    [Theory]
    [InlineData("@example.nl")]
    [InlineData("jan@.nl")]
    [InlineData("jan@example.n")]
    [InlineData("jan@example.n1")]
    [InlineData("jan@ex_ample.nl")]
    [InlineData("zoë\u00A0x@example.nl")]
    [InlineData("jan@exa\u200Emple.nl")]
    public void An_address_without_a_local_part_a_real_domain_or_with_debris_is_not_used(string email)
    {
        // A top-level domain is two or more letters; an underscore or invisible characters are export errors.
        Assert.False(EmailAddresses.IsValid(email));
    }

    [Fact]
    public void An_address_of_254_characters_is_the_longest_that_is_used()
    {
        // 254 is the longest address SMTP carries: one character more and no mail server takes it.
        var domain = string.Join(".", Enumerable.Repeat(new string('b', 60), 4)) + ".nl"; // 246 characters
        var longest = "jansens@" + domain;

        Assert.Equal(254, longest.Length);
        Assert.True(EmailAddresses.IsValid(longest));
        Assert.False(EmailAddresses.IsValid("x" + longest));
    }

    [Fact]
    public void An_address_that_needs_the_full_check_is_used_up_to_254_characters_as_well()
    {
        // The "!" takes the address past the quick check to the rules and MimeKit, which itself takes 255 characters:
        // the limit of 254 must hold on that path too.
        var domain = string.Join(".", Enumerable.Repeat(new string('b', 60), 4)) + ".nl"; // 246 characters
        var longest = "jansen!@" + domain;

        Assert.Equal(254, longest.Length);
        Assert.True(EmailAddresses.IsValid(longest));
        Assert.False(EmailAddresses.IsValid("x" + longest));
    }
}
