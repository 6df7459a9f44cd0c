using GovNetOps.Domain.Common;
using GovNetOps.Web.Components;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using A = GovNetOps.Web.Resources.Accounts;

namespace GovNetOps.Web.Features.Admin.Users;

public enum UserAction { Disable, Enable, ResetPassword, Unlock, ResetSecondFactor }

/// <summary>The user list and its actions; every action is decided again by <see cref="UserAdminHandler"/> on the
/// server, the buttons only hide what would be refused.</summary>
public sealed partial class UsersPage
{
    [Inject] private UserAdminHandler Handler { get; set; } = default!;
    [Inject] private CurrentActors Actors { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> DbFactory { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<UserRow> _rows = [];
    private IReadOnlyList<string> _grantable = [];
    private List<Infrastructure.Data.Carrier> _carriers = [];
    private Actor? _actor;
    private NewUser _new = new();
    private bool _creating;
    private bool _busy;
    private string? _error;
    private TemporaryPassword? _temporary;
    private UserRow? _editing;
    private string? _editRole;
    private int? _editCarrier;
    private (UserRow Row, UserAction Action)? _confirm;

    protected override async Task OnInitializedAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _carriers = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        }
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        var user = (await AuthState).User;
        _actor = await Actors.ResolveAsync(user);
        _rows = await Handler.ListAsync(user) ?? [];
        _grantable = await Handler.GrantableRolesAsync(user);
    }

    private bool MayManage(UserRow row) =>
        _actor is { } actor && actor.UserId != row.Id && UserAdminHandler.MayManage(actor.Role, row.Role);

    private static string RoleName(string? role) =>
        role is not null && Enum.TryParse<Role>(role, out var parsed) ? Labels.Role(parsed) : A.NoRole;

    private static string ActionName(UserAction action) => action switch
    {
        UserAction.Disable => A.Disable,
        UserAction.Enable => A.Enable,
        UserAction.ResetPassword => A.ResetPassword,
        UserAction.ResetSecondFactor => A.ResetSecondFactor,
        _ => A.Unlock,
    };

    private void StartEdit(UserRow row)
    {
        _editing = row;
        _editRole = row.Role;
        _editCarrier = row.CarrierId;
        _confirm = null;
    }

    private void Ask(UserRow row, UserAction action)
    {
        _confirm = (row, action);
        _editing = null;
    }

    private async Task CreateAsync()
    {
        await RunAsync(async user =>
        {
            var created = await Handler.CreateAsync(_new, user);
            if (created.IsSuccess)
            {
                _temporary = created.Value;
                _new = new NewUser();
                _creating = false;
            }
            return created;
        });
    }

    private async Task ChangeRoleAsync()
    {
        var row = _editing!;
        await RunAsync(async user =>
        {
            var changed = await Handler.ChangeRoleAsync(row.Id, _editRole, _editCarrier, user);
            if (changed.IsSuccess)
            {
                _editing = null;
            }
            return changed;
        });
    }

    private async Task ConfirmAsync()
    {
        var (row, action) = _confirm!.Value;
        await RunAsync(async user =>
        {
            Result result;
            if (action == UserAction.ResetPassword)
            {
                var reset = await Handler.ResetPasswordAsync(row.Id, user);
                _temporary = reset.IsSuccess ? reset.Value : null;
                result = reset;
            }
            else
            {
                result = action switch
                {
                    UserAction.Disable => await Handler.DisableAsync(row.Id, user),
                    UserAction.Enable => await Handler.EnableAsync(row.Id, user),
                    UserAction.ResetSecondFactor => await Handler.ResetSecondFactorAsync(row.Id, user),
                    _ => await Handler.UnlockAsync(row.Id, user),
                };
            }
            _confirm = null;
            return result;
        });
    }

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<Result>> action)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await action((await AuthState).User);
            _error = result.IsSuccess ? null : result.Error;
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
