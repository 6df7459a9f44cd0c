namespace GovNetOps.Domain.Maintenance;

/// <summary>A filing the rules accept, and how: on time, or as late notice (未按时报备, a violation on the carrier's record).</summary>
/// <param name="IsLate">Filed less than 2 h before the planned start (Article 12).</param>
/// <param name="IsLong">Longer than the configured maximum window (accepted with a reason).</param>
public sealed record FilingAssessment(bool IsLate, bool IsLong);
