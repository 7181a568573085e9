using Kto.Core.Companies;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Company ids and file names become blob paths and table keys: the whole value must match, to its very end.</summary>
public class NameValidationTests
{
    [Theory]
    [InlineData("acme", true)]
    [InlineData("acme-2", true)]
    [InlineData("acme\n", false)]
    [InlineData("acme\r\n", false)]
    [InlineData("Acme", false)]
    public void A_company_id_with_a_trailing_newline_is_not_valid(string id, bool expected) =>
        Assert.Equal(expected, CompanyId.IsValid(id));

    [Theory]
    [InlineData("levering-2026-03.csv", true)]
    [InlineData("export maart.xlsx", true)]
    [InlineData("levering.csv\n", false)]
    [InlineData("levering.csv\r\n", false)]
    [InlineData("../levering.csv", false)]
    public void A_file_name_with_a_trailing_newline_is_not_valid(string name, bool expected) =>
        Assert.Equal(expected, DeliveryFileName.IsValid(name));
}
