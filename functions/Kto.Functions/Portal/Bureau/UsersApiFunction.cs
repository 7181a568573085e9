using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;

namespace Kto.Functions.Portal;

/// <summary>
/// Portal accounts for automation (<c>./kto user add</c>): add a user with the bureau key, and, outside production,
/// a sign-in link without a mail (what <c>./kto up</c> prints for the local bureau user).
/// </summary>
public sealed class UsersApiFunction(AccessService access, UserService users, SignInService signIn, KtoSettings settings)
{
    public sealed record NewUser(string? Email, string? Role, string? Company, string? Name = null);

    public sealed record LinkRequest(string? Email);

    [Function(nameof(AddUser))]
    public async Task<IActionResult> AddUser(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/users")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessBureauAsync(request, cancellationToken) is { } denied) return denied;
        var body = await JsonBody.ReadAsync<NewUser>(request, cancellationToken);
        UserRole? role = body?.Role switch { "bureau" => UserRole.Bureau, "company" => UserRole.Company, _ => null };
        if (body is null || role is null)
            return ApiResults.BadRequest("invalid-body", "Stuur { \"email\", \"role\": \"bureau\" | \"company\", \"company\", \"name\" } als JSON.");

        var change = await users.AddAsync(AuditActions.BureauKey, body.Email, role.Value, body.Company, body.Name, cancellationToken);
        if (!change.Done)
            return ApiResults.Error(change.Error == "user-exists" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, change.Error!, change.Message!.ToString());
        var user = change.User!;
        return ApiResults.Json(new { email = user.Email, role = body.Role, company = user.CompanyId, name = user.Name }, StatusCodes.Status201Created);
    }

    [Function(nameof(CreateSignInLink))]
    public async Task<IActionResult> CreateSignInLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/users/sign-in-link")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessBureauAsync(request, cancellationToken) is { } denied) return denied;
        if (settings.IsProduction)
            return ApiResults.Error(StatusCodes.Status403Forbidden, "not-in-production", "In productie gaan inloglinks alleen per mail.");
        var body = await JsonBody.ReadAsync<LinkRequest>(request, cancellationToken);
        var link = body?.Email is null ? null : await signIn.CreateLinkAsync(body.Email, cancellationToken);
        return link is null
            ? ApiResults.NotFound("Voor dit e-mailadres bestaat geen account.")
            : ApiResults.Json(new { url = link });
    }
}
