using System.Globalization;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Resources;

namespace GovNetOps.Web.Features.Admin.Sites;

/// <summary>A site that passed <see cref="SiteRules.Check"/>: trimmed, numbers normalised, IPs in canonical form.</summary>
public sealed record CheckedSite(
    string Name, string PinyinInitials, SiteUserKind UserKind, string UserType, string Address,
    string NetworkAdminName, string NetworkAdminMobile, string TechContactName, string TechContactMobile,
    int IpCount, int BandwidthMbps, string NetworkPurpose, Domain.Sla.LocationClass LocationClass, int CarrierId,
    string IpAddresses, IReadOnlyList<IpRange> Ranges, SiteConnectionStatus Status)
{
    public void ApplyTo(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        site.Name = Name;
        site.PinyinInitials = PinyinInitials;
        site.UserKind = UserKind;
        site.UserType = UserType;
        site.Address = Address;
        site.NetworkAdminName = NetworkAdminName;
        site.NetworkAdminMobile = NetworkAdminMobile;
        site.TechContactName = TechContactName;
        site.TechContactMobile = TechContactMobile;
        site.IpCount = IpCount;
        site.BandwidthMbps = BandwidthMbps;
        site.NetworkPurpose = NetworkPurpose;
        site.LocationClass = LocationClass;
        site.CarrierId = CarrierId;
        site.IpAddresses = IpAddresses;
        site.Status = Status;
        site.IsActive = Status != SiteConnectionStatus.Revoked;
    }
}

/// <summary>The registry's checks of one site, shared by the form and every import row: one message per field, in
/// the UI language, naming the field. Phones and IPs are the Domain's rules (<see cref="ContactNumber"/>,
/// <see cref="IpAllocation"/>).</summary>
public static class SiteRules
{
    public const int NameMax = 64;
    public const int TypeMax = 32;
    public const int AddressMax = 128;
    public const int PersonMax = 32;
    public const int PurposeMax = 128;
    public const int IpTextMax = 256;
    public const int NumberMax = 1_000_000;

    public static (CheckedSite? Site, Dictionary<string, string> Errors) Check(SiteForm form, RegistrySnapshot registry)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(registry);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Text(form.Name, SiteFields.Name, NameMax, required: true, errors);
        if (name.Length > 0 && registry.SiteNamed(name) is { } holder && holder != form.Id)
        {
            errors[SiteFields.Name] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_NameTaken, SiteFields.Label(SiteFields.Name), name);
        }

        if (form.UserKind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[SiteFields.UserKind] = Choose(SiteFields.UserKind);
            kind = SiteUserKind.Other;
        }

        var other = Text(form.UserTypeOther, SiteFields.UserTypeOther, TypeMax, required: false, errors);
        if (form.UserKind == SiteUserKind.Other && other.Length == 0)
        {
            errors[SiteFields.UserTypeOther] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_UserTypeOtherRequired,
                SiteFields.Label(SiteFields.UserKind), SiteFields.Label(SiteFields.UserTypeOther));
        }

        var address = Text(form.Address, SiteFields.Address, AddressMax, required: true, errors);
        var adminName = Text(form.NetworkAdminName, SiteFields.NetworkAdminName, PersonMax, required: true, errors);
        var adminMobile = Phone(form.NetworkAdminMobile, SiteFields.NetworkAdminMobile, errors);
        var techName = Text(form.TechContactName, SiteFields.TechContactName, PersonMax, required: true, errors);
        var techMobile = Phone(form.TechContactMobile, SiteFields.TechContactMobile, errors);
        var ipCount = Number(form.IpCount, SiteFields.IpCount, errors);
        var bandwidth = Number(form.BandwidthMbps, SiteFields.BandwidthMbps, errors);
        var purpose = Text(form.NetworkPurpose, SiteFields.NetworkPurpose, PurposeMax, required: false, errors);
        if (form.LocationClass is not { } cls || !Enum.IsDefined(cls))
        {
            errors[SiteFields.LocationClass] = Choose(SiteFields.LocationClass);
            cls = default;
        }

        if (form.CarrierId is not { } carrierId || registry.Carriers.All(c => c.Id != carrierId))
        {
            errors[SiteFields.CarrierId] = Choose(SiteFields.CarrierId);
            carrierId = 0;
        }

        if (!Enum.IsDefined(form.Status))
        {
            errors[SiteFields.Status] = Choose(SiteFields.Status);
        }

        IReadOnlyList<IpRange> ranges = [];
        var ipText = form.IpAddresses?.Trim() ?? "";
        if (ipText.Length > IpTextMax)
        {
            errors[SiteFields.IpAddresses] = TooLong(SiteFields.IpAddresses, IpTextMax);
        }
        else
        {
            var parsed = IpAllocation.Parse(ipText);
            if (!parsed.IsSuccess)
            {
                errors[SiteFields.IpAddresses] = Labelled(SiteFields.IpAddresses, parsed.Error!);
            }
            else
            {
                ranges = parsed.Value!;
                var clash = IpAllocation.CheckNoOverlap(ranges, registry.AllocationsExcept(form.Id));
                if (!clash.IsSuccess)
                {
                    errors[SiteFields.IpAddresses] = Labelled(SiteFields.IpAddresses, clash.Error!);
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var userType = kind switch
        {
            SiteUserKind.PartyGovernment => "党政机关",
            SiteUserKind.PublicInstitution => "事业单位",
            _ => other,
        };
        return (new CheckedSite(name, PinyinInitials.Of(name), kind, userType, address, adminName, adminMobile!, techName,
            techMobile!, ipCount, bandwidth, purpose, cls, carrierId, IpAllocation.Format(ranges), ranges, form.Status), errors);
    }

    private static string Text(string? value, string field, int max, bool required, Dictionary<string, string> errors)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_Required, SiteFields.Label(field));
        }
        else if (text.Length > max)
        {
            errors[field] = TooLong(field, max);
        }

        return text;
    }

    private static string? Phone(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_Required, SiteFields.Label(field));
            return null;
        }

        var normalised = ContactNumber.Normalise(value);
        if (normalised is null)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_PhoneInvalid, SiteFields.Label(field));
        }

        return normalised;
    }

    private static int Number(int? value, string field, Dictionary<string, string> errors)
    {
        if (value is not { } number)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_Required, SiteFields.Label(field));
            return 0;
        }

        if (number is < 0 or > NumberMax)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_Range, SiteFields.Label(field), 0, NumberMax);
        }

        return number;
    }

    private static string TooLong(string field, int max) =>
        string.Format(CultureInfo.CurrentCulture, Registry.Msg_TooLong, SiteFields.Label(field), max);

    private static string Choose(string field) =>
        string.Format(CultureInfo.CurrentCulture, Registry.Msg_Choose, SiteFields.Label(field));

    // The Domain's own message (IP rules) prefixed with the field it concerns.
    private static string Labelled(string field, string message) =>
        string.Format(CultureInfo.CurrentCulture, Registry.Msg_Labelled, SiteFields.Label(field), message);
}
