namespace GovNetOps.Domain.Sla;

/// <summary>Where a site sits; picks the Article 12 general repair limit.</summary>
public enum LocationClass
{
    /// <summary>县直单位: repair within 2 h (Article 12).</summary>
    CountyDirect = 1,

    /// <summary>乡镇区域: repair within 6 h (Article 12).</summary>
    Township = 2,

    /// <summary>核心机房: repair within 4 h (Article 12).</summary>
    CoreRoom = 3,
}
