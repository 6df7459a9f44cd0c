namespace GovNetOps.Domain.Tickets;

/// <summary>One broken rule of a fault report, naming the <see cref="ReportFault"/> property it concerns (for the form's field).</summary>
public sealed record ReportViolation(string Field, string Message);
