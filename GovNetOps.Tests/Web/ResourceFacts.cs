using System.Text.RegularExpressions;
using System.Xml.Linq;
using GovNetOps.Tests.Support;

namespace GovNetOps.Tests.Web;

/// <summary>The UI text files: every Chinese key has its English twin and the other way round, English texts are
/// English, and no key is left behind when the code stops using it.</summary>
public sealed partial class ResourceFacts
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "GovNetOps.Web", "Resources");

    // The language switch names the other language in that language: on an English page it reads 中文.
    private static readonly HashSet<string> ChineseOnPurpose = ["Text.SwitchLanguage"];

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Folder, "*.resx").Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order());

    [Theory]
    [MemberData(nameof(Files))]
    public void EnglishFile_HasExactlyTheChineseKeys(string name)
    {
        var chinese = Read(name + ".resx");
        var english = Read(name + ".en.resx");

        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EnglishTexts_HaveNoChineseCharacter(string name)
    {
        var chinese = Read(name + ".en.resx")
            .Where(e => Cjk().IsMatch(e.Value) && !ChineseOnPurpose.Contains($"{name}.{e.Key}"))
            .Select(e => $"{e.Key} = {e.Value}");

        Assert.Empty(chinese);
    }

    // A key counts as used when the source names it through its resource class or an alias of it
    // (Text.X, TicketText.X, BoardText.X, nameof(Res.X), ...). Cheap, and strict enough for a forgotten key.
    [Theory]
    [MemberData(nameof(Files))]
    public void EveryKey_IsUsedByTheWeb(string name)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "GovNetOps.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var aliases = sources.SelectMany(s => Alias().Matches(s)).Where(m => m.Groups["class"].Value == name)
            .Select(m => m.Groups["alias"].Value).Append(name).Distinct().ToList();
        var aliasPattern = string.Join("|", aliases.Select(Regex.Escape));

        var unused = Read(name + ".resx").Keys
            .Where(key => !sources.Any(s => Regex.IsMatch(s, $@"(?<![\w])(?:{aliasPattern})\.{Regex.Escape(key)}\b")))
            .ToList();

        Assert.Empty(unused);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"using\s+(?<alias>\w+)\s*=\s*GovNetOps\.Web\.Resources\.(?<class>\w+)\s*;?")]
    private static partial Regex Alias();
}
