using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Calendar;

public static class CalendarFeature
{
    /// <summary>The working-day calendar: its one source (seeded and loaded at start-up), the admin's edit and the
    /// missing-notice reminder (section "Calendar").</summary>
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendarSource>();
        services.AddScoped<IDataSeeder, CalendarSeeder>();
        services.AddScoped<SaveCalendarYearHandler>();
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CalendarNoticeStatus>();
        return services;
    }
}
