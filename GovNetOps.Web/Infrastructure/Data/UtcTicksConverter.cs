using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Stores instants as UTC ticks: SQLite cannot compare or order DateTimeOffset text,
/// and deadlines are compared and ordered in almost every query.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
