using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
        return endpoints;
    }
}
