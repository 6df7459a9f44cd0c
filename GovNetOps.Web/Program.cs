using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Account;
using GovNetOps.Web.Features.Admin;
using GovNetOps.Web.Features.Applications;
using GovNetOps.Web.Features.Admin.Users;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Features.Board;
using GovNetOps.Web.Features.Calendar;
using GovNetOps.Web.Features.Contacts;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Features.Maintenance;
using GovNetOps.Web.Features.Notifications;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Features.Policy;
using GovNetOps.Web.Features.Tickets;
using GovNetOps.Web.Infrastructure.Backup;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Hosting;
using GovNetOps.Web.Infrastructure.Jobs;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.SecurityLog;
using GovNetOps.Web.Infrastructure.Sla;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings(builder.Environment);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddLocalization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(mud =>
{
    // One message at a time: a new one replaces the last, the same one is never stacked.
    mud.SnackbarConfiguration.MaxDisplayedSnackbars = 1;
    mud.SnackbarConfiguration.PreventDuplicates = true;
    mud.SnackbarConfiguration.NewestOnTop = true;
    // A short fade in and out instead of the library's 1 s and 2 s: every frame of a fade is composited anew, so with
    // the defaults a carrier's 响应接单 drew 183 frames in the 8 s after the click (0.6 s of renderer and 0.3 s of
    // GPU-process CPU, traced), the fade-in's among them while every open board draws the change.
    mud.SnackbarConfiguration.ShowTransitionDuration = 200;
    mud.SnackbarConfiguration.HideTransitionDuration = 300;
});
builder.Services.AddData(builder.Configuration);
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddSecurityLog();
builder.Services.AddSlaPolicy();
builder.Services.AddTickets();
builder.Services.AddBoard();
builder.Services.AddJobs();
builder.Services.AddNotifications();
builder.Services.AddEscalation();
builder.Services.AddApprovals();
builder.Services.AddAdmin();
builder.Services.AddWorkingCalendar();
builder.Services.AddApplications();
builder.Services.AddMaintenance();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddUserAdmin();
builder.Services.AddPolicyPage();
builder.Services.AddSecurityContacts();
builder.Services.AddBackups();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseClientAddress();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAppLocalization();
app.UseAntiforgery();
app.UseSessionActivity();
app.UsePasswordChangeGate();

app.MapStaticAssets();
app.MapHealth();
app.MapCultureSwitch();
app.MapAccount();
app.MapAdmin();
app.MapJobDashboard();
app.MapReports();
app.MapSecurityLog();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.LogAddressesWhenStarted();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
