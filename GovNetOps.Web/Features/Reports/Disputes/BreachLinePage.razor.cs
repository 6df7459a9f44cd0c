using System.Globalization;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Text = GovNetOps.Web.Resources.Disputes;

namespace GovNetOps.Web.Features.Reports.Disputes;

/// <summary>One line of the breach ledger: the breach, its dispute (reason, attachments, decision) and its audit history;
/// the carrier disputes it here, Ops upholds or waives it here. What is offered comes from the handler, which checks
/// every action again on the server.</summary>
public partial class BreachLinePage
{
    [Inject] private BreachDisputeHandler Disputes { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    [Parameter] public string Number { get; set; } = "";
    [Parameter] public string ClockKey { get; set; } = "";

    private BreachLineView? _view;
    private bool _loaded;
    private bool _busy;
    private string? _reason;
    private string? _decision;
    private string? _error;
    private string? _message;
    private readonly List<DisputeUpload> _files = [];

    protected override async Task OnParametersSetAsync()
    {
        _view = BreachLine.ParseClock(ClockKey) is { } clock ? await Disputes.LineAsync((await Auth).User, Number, clock) : null;
        _loaded = true;
    }

    private async Task AddFilesAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        if (_files.Count + e.FileCount > DisputeFiles.MaxFiles)
        {
            _error = string.Format(CultureInfo.CurrentCulture, Text.Files_TooMany, DisputeFiles.MaxFiles, _files.Count + e.FileCount);
            return;
        }

        _busy = true;
        try
        {
            foreach (var file in e.GetMultipleFiles(DisputeFiles.MaxFiles))
            {
                // The size first, before reading a byte of a file that is too large.
                if (DisputeFiles.Check(file.Name, file.Size, null) is { IsSuccess: false } refused)
                {
                    _error = refused.Error;
                    return;
                }

                using var buffer = new MemoryStream();
                await using (var stream = file.OpenReadStream(DisputeFiles.MaxBytes))
                {
                    await stream.CopyToAsync(buffer);
                }

                var upload = new DisputeUpload(DisputeFiles.SafeName(file.Name), buffer.ToArray());
                if (DisputeFiles.CheckAll([.. _files, upload]) is { IsSuccess: false } bad)
                {
                    _error = bad.Error;
                    return;
                }
                _files.Add(upload);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RaiseAsync()
    {
        if (_view is null)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            var user = (await Auth).User;
            var raised = await Disputes.RaiseAsync(user, Number, _view.Line.Clock, _reason, _files);
            if (!raised.IsSuccess)
            {
                _error = raised.Error;
                return;
            }

            _files.Clear();
            _reason = null;
            _message = Text.Submitted;
            _view = await Disputes.LineAsync(user, Number, _view.Line.Clock);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DecideAsync(bool waive)
    {
        if (_view?.Dispute is not { } dispute)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            var user = (await Auth).User;
            var decided = await Disputes.DecideAsync(user, dispute.Id, waive, _decision);
            if (!decided.IsSuccess)
            {
                _error = decided.Error;
                return;
            }

            _decision = null;
            _view = await Disputes.LineAsync(user, Number, _view.Line.Clock);
            _message = string.Format(CultureInfo.CurrentCulture, Text.Decided, BreachDisputeHandler.StateLabel(_view?.Dispute?.State));
        }
        finally
        {
            _busy = false;
        }
    }

    private static string ClockName(ClockKind clock) => clock == ClockKind.Response ? Text.ClockResponse : Text.ClockRepair;

    private static Color StateColor(BreachDisputeState? state) => state switch
    {
        BreachDisputeState.Pending => Color.Warning,
        BreachDisputeState.Upheld => Color.Error,
        BreachDisputeState.Waived => Color.Success,
        _ => Color.Default,
    };

    private static string ActionLabel(string action) => action switch
    {
        "Disputed" => Text.Action_Disputed,
        "Upheld" => Text.Action_Upheld,
        "Waived" => Text.Action_Waived,
        _ => action,
    };
}
