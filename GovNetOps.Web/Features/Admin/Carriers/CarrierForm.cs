namespace GovNetOps.Web.Features.Admin.Carriers;

/// <summary>A carrier as the admin edits it.</summary>
public sealed class CarrierForm
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? ManagerName { get; set; }

    /// <summary>The manager's mobile: the robots' @-mention and the 80 % warning go to it.</summary>
    public string? ManagerMobile { get; set; }
    public string? DutyPhone { get; set; }
}
