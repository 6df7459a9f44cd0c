using System.Globalization;
using System.Text.RegularExpressions;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Admin.Changes;

namespace GovNetOps.Tests.Web.Admin;

/// <summary>The change list (/admin/changes, each record's history) shows every audited entity type and action in the
/// UI language: the codes every feature passes to ChangeLog are read from the sources, so a feature that audits a new
/// action without a label fails here instead of showing "FileOnBehalf" in the Chinese UI.</summary>
public sealed partial class ChangeLabelsFacts
{
    [Fact]
    public void EveryAuditedEntityTypeAndAction_HasALabel_InChineseAndEnglish()
    {
        var codes = AuditedCodes();
        // The scan finds the registry's own codes and those of every later feature (guards the scan itself).
        Assert.Contains("Site", codes);
        Assert.Contains("FileOnBehalf", codes);
        Assert.Contains("NetworkApplicationRecord", codes);
        Assert.Contains("ResetPassword", codes);

        // In Chinese a code without a label shows as itself (Latin); in English the label may equal the code
        // ("Created"), so there it must only be free of Chinese (the resource parity is ResourceFacts').
        var unlabelled = new List<string>();
        foreach (var (culture, chinese) in new[] { ("zh-CN", true), ("en", false) })
        {
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                unlabelled.AddRange(codes
                    .Select(code => (code, label: Label(code)))
                    .Where(x => x.label.Any(IsChinese) != chinese)
                    .Select(x => $"{culture}: {x.code} → {x.label}"));
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }

        Assert.Empty(unlabelled);
    }

    [Theory]
    // A new SLA policy version's after-image reads as on the policy page: the matrix cells and the ladder.
    [InlineData("Escalation:Warning", "0.7", "预警比例", "70%")]
    [InlineData("Escalation:Reminder", "0.125", "提醒比例", "12.5%")]
    [InlineData("Escalation:RenotifyEvery", "01:30:00", "重复通知间隔", "1 小时 30 分钟")]
    [InlineData("RepairTownship", "08:00:00", "修复时限 · 乡镇区域", "8 小时")]
    [InlineData("EffectiveFrom", "2026-12-01T01:00:00.0000000+00:00", "生效时间（北京时间）", "2026-12-01 09:00")]
    public void PolicyVersionFields_ReadInChinese(string field, string stored, string label, string value)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            Assert.Equal(label, ChangeLabels.Field("SlaPolicy", field));
            Assert.Equal(value, ChangeLabels.Value("SlaPolicy", field, stored));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    private static string Label(string code) =>
        ChangeLabels.EntityType(code) is var type && type != code ? type : ChangeLabels.Action(code);

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>String codes (and nameof entity types) on the lines that hand a change to ChangeLog or to a feature's
    /// own audit helper, and on the argument lines that continue such a call.</summary>
    private static SortedSet<string> AuditedCodes()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var web = Path.Combine(TestPaths.RepositoryRoot, "GovNetOps.Web", "Features");
        foreach (var file in Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            if (!lines.Any(l => AuditCall().IsMatch(l)))
            {
                continue;
            }
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var isAudit = AuditCall().IsMatch(line) || HelperCall().IsMatch(line) || EntityConst().IsMatch(line)
                    || (i > 0 && AuditCall().IsMatch(lines[i - 1]) && !lines[i - 1].TrimEnd().EndsWith(';'));
                if (!isAudit)
                {
                    continue;
                }
                var withoutKeys = DictionaryKey().Replace(line, "");
                foreach (Match m in Code().Matches(withoutKeys))
                {
                    codes.Add(m.Groups[1].Value);
                }
                foreach (Match m in EntityNameof().Matches(withoutKeys))
                {
                    codes.Add(m.Groups[1].Value);
                }
            }
        }
        return codes;
    }

    [GeneratedRegex(@"(?:changeLog|changes)\.Add\(\s*db,\s*actor,")]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"\b(?:Audit\(db, actor|MoveAsync\(|ActAsync\(|ChangeAsync\(user)")]
    private static partial Regex HelperCall();

    [GeneratedRegex(@"const string (?:EntityType|ImportEntity|ExportEntity) =")]
    private static partial Regex EntityConst();

    [GeneratedRegex(@"\[""[^""]*""\]")]
    private static partial Regex DictionaryKey();

    [GeneratedRegex(@"""([A-Z][A-Za-z]+)""")]
    private static partial Regex Code();

    [GeneratedRegex(@"actor,\s*nameof\((\w+)\)")]
    private static partial Regex EntityNameof();
}
