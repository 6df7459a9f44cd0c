using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>The HMAC keys of the two chains, derived from the one configured secret (<see cref="SecurityLogOptions.LogKey"/>)
/// so that one key is kept outside the database, and the two chains never share a MAC.</summary>
public sealed class ChainKeys
{
    public ChainKeys(IOptions<SecurityLogOptions> options)
        : this(options.Value.LogKey ?? throw new InvalidOperationException("Security:LogKey is not set."))
    {
    }

    public ChainKeys(string secret)
    {
        var master = Encoding.UTF8.GetBytes(secret.Trim());
        SecurityLog = HMACSHA256.HashData(master, "govnetops/security-log"u8);
        TicketEvents = HMACSHA256.HashData(master, "govnetops/ticket-events"u8);
    }

    /// <summary>Keys the security log's entries, its chain head and its archive records.</summary>
    public byte[] SecurityLog { get; }

    /// <summary>Keys the ticket events written since the switch-over, and the ticket chain's head.</summary>
    public byte[] TicketEvents { get; }

    public static string Mac(byte[] key, string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares two hex MACs in constant time.</summary>
    public static bool SameMac(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
