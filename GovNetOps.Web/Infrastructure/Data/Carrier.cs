namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>运营商 — a carrier's county branch that repairs backbone faults (Article 12).</summary>
public sealed class Carrier
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string ManagerName { get; set; } = "";
    public string ManagerMobile { get; set; } = "";
    public string DutyPhone { get; set; } = "";
}
