using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Calendar;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Applications;

/// <summary>Between the stored application and the Domain's <see cref="ApplicationProgress"/>: the Domain decides every
/// move and every clock; the record keeps the result and the next deadline (for ordering lists).</summary>
public static class ApplicationProgressMapping
{
    public static ApplicationProgress ToProgress(this NetworkApplicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ApplicationProgress(record.State, record.ReceivedAt, record.DecidedAt, record.CompletedAt,
            record.Pauses.OrderBy(p => p.From).Select(p => new ApplicationPause(p.From, p.To, p.Reason)).ToList());
    }

    /// <summary>Writes an accepted move back (state, stamps, pauses) and recomputes the next deadline.</summary>
    public static void Apply(this NetworkApplicationRecord record, ApplicationProgress progress, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(progress);
        record.State = progress.State;
        record.DecidedAt = progress.DecidedAt;
        record.CompletedAt = progress.CompletedAt;
        foreach (var pause in progress.Pauses)
        {
            var stored = record.Pauses.FirstOrDefault(p => p.From == pause.From);
            if (stored is null)
            {
                record.Pauses.Add(new ApplicationPauseRecord { ApplicationId = record.Id, From = pause.From, To = pause.To, Reason = pause.Reason });
            }
            else
            {
                stored.To = pause.To;
            }
        }

        record.NextDeadlineAt = NextDeadline(progress, calendar);
        record.Version++;
    }

    /// <summary>The deadline of the clock that runs now (review while received, implementation while implementing).</summary>
    public static DateTimeOffset? NextDeadline(ApplicationProgress progress, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.State switch
        {
            ApplicationState.Received => progress.ReviewClock(calendar).DeadlineAt,
            ApplicationState.Implementing => progress.ImplementationClock(calendar).DeadlineAt,
            _ => null,
        };
    }
}
