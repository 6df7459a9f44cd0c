using GovNetOps.Domain.Applications;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Applications.Queries;

/// <summary>An application's page: the record, both clocks now, and its audited history.</summary>
public sealed record ApplicationDetails(
    NetworkApplicationRecord Application,
    WorkingDayClock Review,
    WorkingDayClock Implementation,
    IReadOnlyList<ChangeRecord> History,
    bool CanDecide,
    bool CanComplete);
