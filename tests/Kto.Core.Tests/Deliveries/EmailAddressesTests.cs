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
}
