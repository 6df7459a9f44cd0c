using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Applications.Actions;
using GovNetOps.Web.Features.Applications.Queries;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Pages;

public partial class ApplicationActions
{
    [Parameter, EditorRequired] public ApplicationDetails Details { get; set; } = default!;
    [Parameter] public IReadOnlyList<Infrastructure.Data.Carrier> Carriers { get; set; } = [];
    [Parameter] public EventCallback Done { get; set; }
    [Parameter] public EventCallback<string> OnError { get; set; }
    [Inject] private ApplicationActionHandler Handler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private readonly ApprovalInput _approval = new();
    private string _reason = "";
    private string _note = "";
    private bool _busy;

    private Task ApproveAsync() => RunAsync((h, id, v, u) => h.ApproveAsync(id, v, _approval, u), T.Done_Approved);

    private Task RejectAsync() => RunAsync((h, id, v, u) => h.RejectAsync(id, v, _reason, u), T.Done_Rejected);

    private Task PauseAsync() => RunAsync((h, id, v, u) => h.PauseAsync(id, v, _reason, u), T.Done_Paused);

    private Task ResumeAsync() => RunAsync((h, id, v, u) => h.ResumeAsync(id, v, u), T.Done_Resumed);

    private Task CompleteAsync() => RunAsync((h, id, v, u) => h.CompleteAsync(id, v, _note, u), T.Done_Completed);

    private async Task RunAsync(Func<ApplicationActionHandler, Guid, int, System.Security.Claims.ClaimsPrincipal, Task<Result>> action, string done)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await action(Handler, Details.Application.Id, Details.Application.Version, (await AuthState).User);
            if (result.IsSuccess)
            {
                Snackbar.Add(done, Severity.Success);
                _reason = "";
                _note = "";
                await Done.InvokeAsync();
            }
            else
            {
                await OnError.InvokeAsync(result.Error!);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
