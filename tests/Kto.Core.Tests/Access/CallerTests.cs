using Kto.Core.Access;

namespace Kto.Core.Tests.Access;

public class CallerTests
{
    [Fact]
    // Rule: the bureau sees every company's data.
    public void The_bureau_may_see_any_company()
    {
        Assert.True(Caller.Bureau.MaySee("acme"));
        Assert.True(Caller.Bureau.MaySee("other"));
    }

    [Fact]
    // Rule: a company sees only its own data.
    public void A_company_may_see_only_itself()
    {
        var acme = new Caller(CallerKind.Company, "acme");

        Assert.True(acme.MaySee("acme"));
        Assert.False(acme.MaySee("other"));
    }

    [Fact]
    // Rule: an anonymous caller sees no company data, whatever company id it carries.
    public void An_anonymous_caller_may_see_no_company()
    {
        Assert.False(Caller.Anonymous.MaySee("acme"));
        Assert.False(new Caller(CallerKind.Anonymous, "acme").MaySee("acme"));
    }
}
