namespace GovNetOps.Domain.Maintenance;

/// <summary>Where a maintenance notice stands (Article 12: filed, approved by the management unit, carried out).</summary>
public enum MaintenanceStatus
{
    /// <summary>待审批: filed (or edited after approval), waiting for Ops.</summary>
    Pending = 1,

    /// <summary>已批准: the work may start at the planned start.</summary>
    Approved = 2,

    /// <summary>已驳回: the work must not be done.</summary>
    Rejected = 3,

    /// <summary>实施中: the carrier marked the work started.</summary>
    InProgress = 4,

    /// <summary>已完成: the carrier marked the work finished.</summary>
    Completed = 5,
}
