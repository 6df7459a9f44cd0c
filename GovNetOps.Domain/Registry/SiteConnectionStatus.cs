namespace GovNetOps.Domain.Registry;

/// <summary>A site's connection to the extranet (annex 1, Articles 9 and 15).</summary>
public enum SiteConnectionStatus
{
    /// <summary>已接入: connected; faults here are carrier faults.</summary>
    Connected = 1,

    /// <summary>断网整改中: disconnected by the management unit until a security finding is rectified (Article 9).</summary>
    DisconnectedForRectification = 2,

    /// <summary>已撤销: removed (拆机) or retired; kept because tickets refer to it, never deleted.</summary>
    Revoked = 3,
}
