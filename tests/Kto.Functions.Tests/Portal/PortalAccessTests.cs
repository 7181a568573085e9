using System.Net;
using System.Reflection;
using Kto.Functions.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// Portal access is declared on each function (<see cref="PortalPageAttribute"/>) and decided in one place before
/// it runs (<c>AccessGate</c> → <see cref="PortalGate.EnterAsync"/>): every portal function declares it, and the
/// answers to who may not are those of a page: sign in first, the same 404 for "not yours" and "does not exist",
/// 403 for a forged form.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PortalAccessTests(LocalStack stack)
{
    private static IEnumerable<(MethodInfo Method, string Verb, string Route)> HttpFunctions() =>
        from type in typeof(PortalGate).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        where method.IsDefined(typeof(FunctionAttribute))
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where trigger is not null
        select (method, trigger.Methods!.Single(), trigger.Route ?? "");

    private static bool IsPortal(string route) => route == "portal" || route.StartsWith("portal/", StringComparison.Ordinal);

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    [Fact]
    public void Every_portal_function_declares_its_access_and_a_post_how_its_body_is_checked()
    {
        var portal = HttpFunctions().Where(f => IsPortal(f.Route)).ToList();
        Assert.True(portal.Count > 40, $"only {portal.Count} portal functions found: the reflection missed them");

        var undeclared = portal.Where(f => f.Method.GetCustomAttribute<PortalPageAttribute>() is null).Select(f => Name(f.Method)).ToList();
        // A post must say whether the gate checks its url-encoded form, or the function its multipart upload's token.
        var uncheckedPosts = portal.Where(f => f.Verb == "post" && f.Method.GetCustomAttribute<PortalPageAttribute>() is not (PortalFormAttribute or PortalUploadAttribute))
            .Select(f => Name(f.Method)).ToList();
        var getsWithBody = portal.Where(f => f.Verb == "get" && f.Method.GetCustomAttribute<PortalPageAttribute>() is PortalFormAttribute or PortalUploadAttribute)
            .Select(f => Name(f.Method)).ToList();
        // A company's page is never open to anyone: its {company} is checked against the signed-in user.
        var openCompanyPages = portal.Where(f => f.Route.Contains("{company}") &&
                f.Method.GetCustomAttribute<PortalPageAttribute>()?.Access is PortalAccess.Public or PortalAccess.Anyone)
            .Select(f => Name(f.Method)).ToList();

        Assert.True(undeclared.Count == 0, "portal functions without [PortalPage]: " + string.Join(", ", undeclared));
        Assert.True(uncheckedPosts.Count == 0, "portal posts without [PortalForm] or [PortalUpload]: " + string.Join(", ", uncheckedPosts));
        Assert.True(getsWithBody.Count == 0, "portal gets declared as a form or upload: " + string.Join(", ", getsWithBody));
        Assert.True(openCompanyPages.Count == 0, "company pages open to anyone: " + string.Join(", ", openCompanyPages));
    }

    [Fact]
    public void Only_a_route_that_names_the_company_has_its_company_checked()
    {
        Assert.True(PortalPageAttribute.HasCompanyRoute(typeof(CompanyPagesFunction).GetMethod(nameof(CompanyPagesFunction.PortalCompanyDeliveries))!));
        Assert.True(PortalPageAttribute.HasCompanyRoute(typeof(LettersPageFunction).GetMethod(nameof(LettersPageFunction.PortalLetters))!));
        // No {company} in the route: a query string ?company=… (binding data in the worker) is not checked as one.
        Assert.False(PortalPageAttribute.HasCompanyRoute(typeof(AccountPageFunction).GetMethod(nameof(AccountPageFunction.PortalAccount))!));
        Assert.False(PortalPageAttribute.HasCompanyRoute(typeof(BureauPagesFunction).GetMethod(nameof(BureauPagesFunction.PortalBureauOverview))!));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_before_any_page_or_form_is_read()
    {
        var (company, _) = await stack.NewCompanyAsync("anon");
        var anonymous = new PortalClient(stack);

        foreach (var path in new[] { $"/portal/companies/{company}", $"/portal/companies/{company}/progress", "/portal/account", "/portal/bureau", $"/portal/bureau/reports/{company}" })
        {
            var response = await anonymous.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/portal", response.Headers.Location?.OriginalString);
        }
        // A form is not read (nor refused) before the visitor is known: sign in first.
        var post = await anonymous.PostFormAsync("/portal/bureau/refresh", new() { ["_csrf"] = "nagemaakt" });
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal("/portal", post.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_company_user_gets_the_not_found_page_for_another_company_and_for_bureau_pages()
    {
        var (own, _) = await stack.NewCompanyAsync("eigen");
        var (other, _) = await stack.NewCompanyAsync("ander");
        var email = $"gebruiker@{own}.example.nl";
        await PortalClient.AddUserAsync(stack, email, own);
        var user = new PortalClient(stack);
        await user.SignInAsync(email);

        var ownPage = await user.Http.GetAsync($"/portal/companies/{own}");
        var otherPage = await user.Http.GetAsync($"/portal/companies/{other}");
        var missingPage = await user.Http.GetAsync("/portal/companies/bestaat-niet-99");
        var bureauPage = await user.Http.GetAsync($"/portal/bureau/reports/{own}");
        var otherForm = await user.PostFormAsync($"/portal/bureau/population/{other}", new() { ["_csrf"] = "nagemaakt" });

        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        Assert.Contains("Pagina niet gevonden", await otherPage.Content.ReadAsStringAsync());
        // "Not yours" and "does not exist" are the same page, so a company cannot probe for others.
        // (the only difference: the page's own address in its language link).
        Assert.Equal((await missingPage.Content.ReadAsStringAsync()).Replace("bestaat-niet-99", "ID"),
            (await otherPage.Content.ReadAsStringAsync()).Replace(other, "ID"));
        Assert.Equal(HttpStatusCode.NotFound, bureauPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherForm.StatusCode);
    }

    [Fact]
    public async Task The_bureau_opens_every_company_and_a_forged_bureau_form_is_refused()
    {
        var (company, _) = await stack.NewCompanyAsync("bur");
        var email = $"medewerker-{company}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var bureau = new PortalClient(stack);
        await bureau.SignInAsync(email);

        var page = await bureau.Http.GetAsync($"/portal/companies/{company}");
        var forged = await bureau.PostFormAsync("/portal/bureau/refresh", new() { ["_csrf"] = "nagemaakt" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Formulier geweigerd", await forged.Content.ReadAsStringAsync());
    }
}
