using System.Collections;
using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Functions.Portal;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// Issue 22, "a presentation layer for the portal": pages hand typed view models (records) to the renderer, which
/// the templates read in snake_case. Every page model is rendered here with a hostile text in every value, through
/// the real renderer and its frame: the text reaches the page (so the names resolve) and never as markup.
/// </summary>
public sealed class PageModelEncodingTests
{
    private const string Hostile = "<script>alert(1)</script>\"'&";

    /// <summary>Each page model and the body template it is made for.</summary>
    internal static readonly Dictionary<Type, string> Templates = new()
    {
        [typeof(AccountPage)] = "account.liquid",
        [typeof(AnswerFormPage)] = "answers.liquid",
        [typeof(BureauAuditPage)] = "bureau-audit.liquid",
        [typeof(BureauOverviewPage)] = "bureau-overview.liquid",
        [typeof(BureauReportConfirmPage)] = "bureau-report-confirm.liquid",
        [typeof(BureauReportPage)] = "bureau-report.liquid",
        [typeof(BureauUsersPage)] = "bureau-users.liquid",
        [typeof(CallListPage)] = "calls.liquid",
        [typeof(CallSheetPage)] = "call-sheet.liquid",
        [typeof(DeliveriesPage)] = "deliveries.liquid",
        [typeof(FieldworkOverviewPage)] = "fieldwork-overview.liquid",
        [typeof(FieldworkPage)] = "fieldwork.liquid",
        [typeof(LettersPage)] = "letters.liquid",
        [typeof(MessagePage)] = "message.liquid",
        [typeof(OpenAnswersPage)] = "bureau-open-answers.liquid",
        [typeof(PaperPage)] = "paper.liquid",
        [typeof(PopulationPage)] = "population.liquid",
        [typeof(ProcessingPage)] = "processing.liquid",
        [typeof(ProgressPage)] = "progress.liquid",
        [typeof(ReceiptPage)] = "receipt.liquid",
        [typeof(ReportCheckPage)] = "verify.liquid",
        [typeof(ReportsPage)] = "reports.liquid",
        [typeof(SignInConfirmPage)] = "signin-confirm.liquid",
        [typeof(SignInPage)] = "signin.liquid",
    };

    private static readonly PortalPageRenderer Renderer = new(new PageTemplates(new LiquidTemplates()), new BureauSettings { Name = "Bureau" });

    public static TheoryData<string, bool> Pages()
    {
        var pages = new TheoryData<string, bool>();
        foreach (var type in Templates.Keys)
        {
            pages.Add(type.Name, true);
            pages.Add(type.Name, false);
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_model_reaches_its_page_and_every_value_is_encoded(string page, bool flags)
    {
        var type = Templates.Keys.Single(t => t.Name == page);
        var user = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");
        foreach (var lang in new[] { "nl", "en" })
        {
            var html = Renderer.Render(new PortalView(Templates[type], "Pagina", user, "token", Make(type, flags)!) { Language = lang }).ToString();
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Hostile, html);
            Assert.DoesNotContain("\"'&", html);
            // Only the model holds the hostile text: found encoded, the template read the model by its snake_case names.
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }

    /// <summary>
    /// A page model holds its dates as <see cref="ShownDate"/>, so each page writes them in its own language: every page
    /// with a date shows it in English on an English page and in Dutch on a Dutch one (never the other language's).
    /// </summary>
    [Theory]
    [MemberData(nameof(PagesWithDates))]
    public void A_date_on_a_page_reads_in_the_page_language(string page)
    {
        var type = Templates.Keys.Single(t => t.Name == page);
        var user = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");
        var model = Make(type, flags: true)!;
        var english = Renderer.Render(new PortalView(Templates[type], "Pagina", user, "token", model) { Language = "en" }).ToString();
        var dutch = Renderer.Render(new PortalView(Templates[type], "Pagina", user, "token", model) { Language = "nl" }).ToString();
        Assert.Contains("7 December 2026 at 06:52", english);
        Assert.DoesNotContain("december 2026 om", english);
        Assert.Contains("7 december 2026 om 06:52", dutch);
        Assert.DoesNotContain("December 2026 at", dutch);
    }

    /// <summary>
    /// Likewise a number (a grade, a count): every page with one writes it in its own language, "1,250" in English where
    /// Dutch writes "1.250" (which an English reader takes for one and a quarter).
    /// </summary>
    [Theory]
    [MemberData(nameof(PagesWithNumbers))]
    public void A_number_on_a_page_reads_in_the_page_language(string page)
    {
        var type = Templates.Keys.Single(t => t.Name == page);
        var user = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");
        var model = Make(type, flags: true)!;
        var english = Renderer.Render(new PortalView(Templates[type], "Pagina", user, "token", model) { Language = "en" }).ToString();
        var dutch = Renderer.Render(new PortalView(Templates[type], "Pagina", user, "token", model) { Language = "nl" }).ToString();
        Assert.Contains("1,250", english);
        Assert.DoesNotContain("1.250", english);
        Assert.Contains("1.250", dutch);
        Assert.DoesNotContain("1,250", dutch);
    }

    public static TheoryData<string> PagesWithNumbers() => [.. Templates.Keys.Where(t => Holds(t, typeof(ShownNumber), [])).Select(t => t.Name).Order()];

    public static TheoryData<string> PagesWithDates() => [.. Templates.Keys.Where(t => HoldsDate(t, [])).Select(t => t.Name).Order()];

    private static bool HoldsDate(Type type, HashSet<Type> seen) => Holds(type, typeof(ShownDate), seen);

    /// <summary>Whether a value of <paramref name="type"/> holds a <paramref name="wanted"/> anywhere, in a list too.</summary>
    private static bool Holds(Type type, Type wanted, HashSet<Type> seen)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == wanted) return true;
        if (inner == typeof(string) || inner.IsPrimitive || inner == typeof(ShownDate) || inner == typeof(ShownNumber) || !seen.Add(inner)) return false;
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() is var list && (list == typeof(List<>) || list == typeof(IReadOnlyList<>)))
            return Holds(inner.GetGenericArguments()[0], wanted, seen);
        return inner.GetProperties().Any(p => Holds(p.PropertyType, wanted, seen));
    }

    [Fact]
    public void Every_page_model_is_rendered_here()
    {
        var pages = typeof(AccountPage).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AccountPage).Namespace && !t.IsNested && t.Name.EndsWith("Page", StringComparison.Ordinal)
                        && !typeof(Attribute).IsAssignableFrom(t))
            .OrderBy(t => t.Name);
        Assert.Equal(pages.Select(t => t.Name), Templates.Keys.Select(t => t.Name).Order());
    }

    [Theory]
    [InlineData("AtRisk", "at_risk")]
    [InlineData("Sha256", "sha256")]
    [InlineData("RefusalColumn", "refusal_column")]
    [InlineData("Year", "year")]
    public void A_member_is_read_by_its_snake_case_name(string member, string name) =>
        Assert.Equal(name, TemplateNames.SnakeCase(member));

    /// <summary>
    /// A value of the type with the hostile text in every string: a record through its widest constructor (then
    /// its other settable properties), a list with one item, every flag <paramref name="flags"/>, every number 1.
    /// </summary>
    private static object? Make(Type type, bool flags)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(string)) return Hostile;
        if (inner == typeof(bool)) return flags;
        if (inner == typeof(int)) return 1;
        if (inner == typeof(long)) return 1L;
        if (inner == typeof(PageText)) return new PageText("{0}", Hostile);
        if (inner == typeof(ShownNumber)) return ShownNumber.Count(1250);
        if (inner == typeof(ShownDate)) return ShownDate.MinuteAt(new DateTimeOffset(2026, 12, 7, 5, 52, 0, TimeSpan.Zero));
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() is var list && (list == typeof(List<>) || list == typeof(IReadOnlyList<>)))
        {
            var item = inner.GetGenericArguments()[0];
            var items = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            items.Add(Make(item, flags));
            return items;
        }
        var constructor = inner.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var value = constructor.Invoke([.. parameters.Select(p => Make(p.ParameterType, flags))]);
        foreach (var property in inner.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && parameters.All(a => a.Name != p.Name)))
            property.SetValue(value, Make(property.PropertyType, flags));
        return value;
    }
}
