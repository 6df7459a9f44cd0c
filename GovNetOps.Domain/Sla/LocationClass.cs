namespace GovNetOps.Domain.Sla;

/// <summary>Where a site sits, which decides its repair time limit (Article 12).</summary>
public enum LocationClass
{
    /// <summary>县直单位 — general repair within 2 h.</summary>
    CountyDirect = 1,
    /// <summary>乡镇区域 — general repair within 6 h.</summary>
    Township = 2,
    /// <summary>核心机房 — general repair within 4 h.</summary>
    CoreRoom = 3,
}
