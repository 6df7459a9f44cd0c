using System.Globalization;
using GovNetOps.Domain.Common;
using Text = GovNetOps.Web.Resources.Disputes;

namespace GovNetOps.Web.Features.Reports.Disputes;

/// <summary>A file the carrier attaches to a dispute, as uploaded.</summary>
public sealed record DisputeUpload(string FileName, byte[] Content);

/// <summary>
/// What a dispute may carry: at most <see cref="MaxFiles"/> files of at most <see cref="MaxBytes"/> each, photos (JPG,
/// PNG), PDF and Word/Excel documents only. The type is decided by the extension AND the file's first bytes (a renamed
/// executable is refused), and the content type served back comes from this list, never from the uploader's browser.
/// </summary>
public static class DisputeFiles
{
    public const int MaxFiles = 5;
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>For the file input's accept attribute.</summary>
    public const string Accept = ".jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, (string ContentType, byte[] Magic, string Kind)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", Jpeg, "JPG"),
        [".jpeg"] = ("image/jpeg", Jpeg, "JPG"),
        [".png"] = ("image/png", Png, "PNG"),
        [".pdf"] = ("application/pdf", Pdf, "PDF"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip, "Word"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip, "Excel"),
        [".doc"] = ("application/msword", Ole, "Word"),
        [".xls"] = ("application/vnd.ms-excel", Ole, "Excel"),
    };

    /// <summary>The file count, then each file: a Chinese message naming the file when one is refused.</summary>
    public static Result CheckAll(IReadOnlyList<DisputeUpload> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > MaxFiles)
        {
            return Result.Fail(Format(Text.Files_TooMany, MaxFiles, files.Count));
        }

        foreach (var file in files)
        {
            if (Check(file.FileName, file.Content.LongLength, file.Content) is { IsSuccess: false } refused)
            {
                return refused;
            }
        }

        var duplicate = files.GroupBy(f => SafeName(f.FileName), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? Result.Ok() : Result.Fail(Format(Text.Files_Duplicate, duplicate.Key));
    }

    /// <summary>One file by name and size (and its content once read; null before reading, as the page checks the size first).</summary>
    public static Result Check(string fileName, long size, byte[]? content)
    {
        var name = SafeName(fileName);
        if (name.Length == 0)
        {
            return Result.Fail(Text.Files_NoName);
        }

        if (!Allowed.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Result.Fail(Format(Text.Files_Type, name));
        }

        if (size == 0)
        {
            return Result.Fail(Format(Text.Files_Empty, name));
        }

        if (size > MaxBytes)
        {
            return Result.Fail(Format(Text.Files_TooLarge, name, MaxBytes / 1024 / 1024));
        }

        if (content is not null && !content.AsSpan().StartsWith(type.Magic))
        {
            return Result.Fail(Format(Text.Files_NotWhatItSays, name, type.Kind));
        }

        return Result.Ok();
    }

    /// <summary>The content type of an allowed file name.</summary>
    public static string ContentType(string fileName) =>
        Allowed.TryGetValue(Path.GetExtension(fileName), out var type) ? type.ContentType : "application/octet-stream";

    /// <summary>The last path segment, without control characters, at most 255 characters (keeping the extension).</summary>
    public static string SafeName(string? fileName)
    {
        var name = new string(Path.GetFileName((fileName ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length <= 255)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        return name[..(255 - extension.Length)] + extension;
    }

    /// <summary>A size as people read it: "820 KB", "3.4 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Format(CultureInfo.InvariantCulture, "{0} KB", Math.Max(1, (bytes + 1023) / 1024))
        : string.Format(CultureInfo.InvariantCulture, "{0:0.0} MB", bytes / 1024.0 / 1024.0);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
