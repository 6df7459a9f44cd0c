using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Tickets.Components;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Tickets.Intake;

public partial class ReportTimeField
{
    /// <summary>How often the untouched field catches up with the clock.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(15);

    [Inject] private TimeProvider Time { get; set; } = default!;

    /// <summary>The form whose <see cref="IntakeForm.ReportedAtChina"/> and <see cref="IntakeForm.ReportedNow"/> this field sets.</summary>
    [Parameter, EditorRequired] public IntakeForm Form { get; set; } = default!;

    /// <summary>The message from the last submission (e.g. the Domain's "not in the future"), if any.</summary>
    [Parameter] public string? Error { get; set; }

    /// <summary>Set once the operator has tried to submit: a malformed time is then reported even without leaving the field.</summary>
    [Parameter] public bool Submitted { get; set; }

    /// <summary>Raised whenever the time changes (the page shows the back-dating reason from it).</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private string? _text;
    private bool _blurred;
    private ITimer? _follow;

    /// <summary>True when the text is neither blank nor a time (the form must not be submitted as it is).</summary>
    public bool IsMalformed { get; private set; }

    private string? ErrorText => IsMalformed && (_blurred || Submitted) ? TicketText.Intake_ReportedAtMalformed : Error;

    private string? PickerValue => Form.ReportedAtChina?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    protected override void OnInitialized()
    {
        Form.ReportedNow = true;
        FollowClock();
        _follow = Time.Every(FollowInterval, () => _ = InvokeAsync(() =>
        {
            if (Form.ReportedNow)
            {
                FollowClock();
                StateHasChanged();
            }
        }));
    }

    private void FollowClock()
    {
        var now = ChinaTime.ToChina(Time.GetUtcNow());
        Form.ReportedAtChina = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        _text = Show(Form.ReportedAtChina.Value);
    }

    private Task OnTypedAsync(string? text)
    {
        _text = text;
        Form.ReportedNow = false;
        IsMalformed = !CallTimeText.TryParseChina(text, out var china);
        Form.ReportedAtChina = china;
        return Changed.InvokeAsync();
    }

    private Task OnPickedAsync(ChangeEventArgs e)
    {
        // The picker sends "yyyy-MM-ddTHH:mm(:ss)" whatever the browser's language: the same parser reads it.
        if (!CallTimeText.TryParseChina(e.Value as string, out var china) || china is null)
        {
            return Task.CompletedTask;
        }

        _blurred = false;
        return OnTypedAsync(Show(china.Value));
    }

    private static string Show(DateTime china) =>
        china.ToString(china.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public void Dispose() => _follow?.Dispose();
}
