using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Accounts;

/// <summary>Issue 13: a user's display name, given when they are added, is who they are on a signed report.</summary>
public sealed class UserServiceTests
{
    private readonly InMemoryAccounts stores = new();
    private readonly UserService users;

    public UserServiceTests() =>
        users = new UserService(stores, new InMemoryCompanyStore(), stores, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task A_name_is_kept_trimmed_and_signs_for_the_user_and_without_one_the_address_signs()
    {
        var named = await users.AddAsync("test", "Jan@Bureau.nl", UserRole.Bureau, null, "  Dr. J. de Wit ", default);
        Assert.True(named.Done);
        Assert.Equal(("jan@bureau.nl", "Dr. J. de Wit", "Dr. J. de Wit"), (named.User!.Email, named.User.Name, named.User.Signer));
        Assert.Contains(stores.Audit, e => e.Detail == "jan@bureau.nl (Dr. J. de Wit) toegevoegd als bureaugebruiker");

        var unnamed = await users.AddAsync("test", "piet@bureau.nl", UserRole.Bureau, null, "   ", default);
        Assert.Equal((null, "piet@bureau.nl"), (unnamed.User!.Name, unnamed.User.Signer));
    }

    [Theory]
    [InlineData("Dr. J.\nde Wit")]
    [InlineData(null)]
    public async Task A_name_with_a_line_break_or_over_200_characters_is_refused_and_nothing_is_added(string? name)
    {
        var change = await users.AddAsync("test", "jan@bureau.nl", UserRole.Bureau, null, name ?? new string('x', 201), default);
        Assert.False(change.Done);
        Assert.Equal("invalid-name", change.Error);
        Assert.Empty(stores.Users);
        Assert.Empty(stores.Audit);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_user_is_sent_a_welcome_mail_once_and_a_mail_that_fails_keeps_the_account(bool accepted)
    {
        var mailer = new RecordingWelcomeMailer(accepted);
        var service = new UserService(stores, new InMemoryCompanyStore(), stores, new FakeTimeProvider(DateTimeOffset.UnixEpoch), mailer);

        var added = await service.AddAsync("test", "nieuw@bureau.nl", UserRole.Bureau, null, null, default);
        var again = await service.AddAsync("test", "nieuw@bureau.nl", UserRole.Bureau, null, null, default);
        var other = await service.AddAsync("test", "nieuw@bureau.nl", UserRole.Bureau, null, "Iemand Anders", default);

        Assert.True(added.Done);
        Assert.Equal(accepted, added.Welcomed);
        Assert.True(again.Done); // an identical repeat (a double click) answers as the first did ...
        Assert.False(again.Welcomed);
        Assert.False(other.Done); // ... another account under the address is refused
        Assert.Equal("user-exists", other.Error);
        Assert.Equal(["nieuw@bureau.nl"], mailer.Sent); // one mail: not for the repeat, not for the refused add
        Assert.Single(stores.Users);
    }

    private sealed class RecordingWelcomeMailer(bool accepted) : IWelcomeMailer
    {
        public List<string> Sent { get; } = [];

        public Task<bool> SendWelcomeAsync(PortalUser user, CancellationToken cancellationToken)
        {
            Sent.Add(user.Email);
            return Task.FromResult(accepted);
        }
    }
}
