using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The identity of a service within a company, and the shape check on ids that come in through a route.</summary>
public sealed class ServiceKeyTests
{
    private static readonly DateOnly March = new(2025, 3, 15);

    [Fact]
    public void The_id_of_a_service_never_changes_between_versions()
    {
        // Stored ids are compared with every later delivery: a changed formula would make every re-delivered client a new one.
        // SHA-256 of "K1001|NaarWerk|2025-03-15", first 32 hex digits.
        Assert.Equal("37d54b636748a79b7bdae3a5dcca6cf5", new ServiceKey("K1001", Perceel.NaarWerk, March).Id());
    }

    [Fact]
    public void A_klantnummer_in_other_case_or_with_spaces_around_it_is_the_same_service()
    {
        // Exports differ in case and padding from month to month; the client stays one service.
        var id = new ServiceKey("K1001", Perceel.NaarWerk, March).Id();
        Assert.Equal(id, new ServiceKey(" k1001 ", Perceel.NaarWerk, March).Id());
    }

    [Fact]
    public void Another_klantnummer_perceel_or_end_date_is_another_service()
    {
        // All three parts make the identity: a client can end two services, in two percelen or at two dates.
        var id = new ServiceKey("K1001", Perceel.NaarWerk, March).Id();
        Assert.NotEqual(id, new ServiceKey("K1002", Perceel.NaarWerk, March).Id());
        Assert.NotEqual(id, new ServiceKey("K1001", Perceel.WerkfitMaken, March).Id());
        Assert.NotEqual(id, new ServiceKey("K1001", Perceel.NaarWerk, March.AddDays(1)).Id());
    }

    [Fact]
    public void An_id_is_32_lower_case_hex_digits_and_passes_the_shape_check()
    {
        // Ids become table keys and route values: only characters storage and URLs take as they are.
        var id = new ServiceKey("K1001", Perceel.NaarWerk, March).Id();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.True(ServiceKey.LooksLikeId(id));
        Assert.True(ServiceKey.LooksLikeId("0123456789abcdef0123456789abcdef"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")] // 31
    [InlineData("0123456789abcdef0123456789abcdef0")] // 33
    [InlineData("0123456789ABCDEF0123456789abcdef")] // upper case
    [InlineData("0123456789abcdeg0123456789abcdef")] // 'g', just past 'f'
    [InlineData("0123456789abcde`0123456789abcdef")] // '`', just before 'a'
    [InlineData("0123456789abcde/0123456789abcdef")] // '/', just before '0'
    [InlineData("0123456789abcde:0123456789abcdef")] // ':', just past '9'
    [InlineData("0123456789abcde٣0123456789abcdef")] // an Arabic-Indic digit
    [InlineData("../../../../../../../../../../..")]
    public void A_value_that_is_not_an_id_never_reaches_storage(string? value)
    {
        // A route's value is checked before it is used as a key: anything but 32 lower-case hex digits is refused.
        Assert.False(ServiceKey.LooksLikeId(value));
    }
}
