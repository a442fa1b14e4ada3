using System.Text.RegularExpressions;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// Guards the module's layout: the engine knows no PowerShell, the API layer alone knows endpoints, the cmdlets
/// stay thin, and each type has its own file.
/// </summary>
public class LayoutTests
{
    // The text of a string literal that names an endpoint: a resource segment next to a '/'
    // (chatbot/{0}/update, data-sources/delete, ../data-sources/restart, agent/models).
    private static readonly Regex EndpointText = new(
        @"(?:^|/)(?:chatbots?|agents?|sessions?|messages?|data-sources?|source-tags?|session-document)/|/(?:delete|update|create|stream|non-stream|plain-text|re-scrape|restart|models|model-costs|upload|qa|url)$",
        RegexOptions.Compiled);

    private static readonly string Sources = Path.Combine(RepositoryRoot(), "src");

    /// <summary>The cmdlets, completion, assertions and state glue: what needs PowerShell.</summary>
    private static readonly string ModuleSource = Path.Combine(Sources, "GptTrainer");

    /// <summary>Everything beneath the cmdlets, in an assembly of its own.</summary>
    private static readonly string EngineSource = Path.Combine(Sources, "GptTrainer.Engine");

    private static IEnumerable<string> ShippedSourceFiles() => SourceFiles(ModuleSource).Concat(SourceFiles(EngineSource));

    private static string RepositoryRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "GptTrainer.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("The repository root (GptTrainer.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> SourceFiles(string root)
        => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static bool InApiLayer(string file) => file.StartsWith(Path.Combine(EngineSource, "Api") + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [Fact]
    public void TheEngineReferencesNoPowerShellAssembly()
    {
        System.Reflection.Assembly engine = typeof(GptTrainer.Api.GptTrainerApi).Assembly;
        Assert.Equal("GptTrainer.Engine", engine.GetName().Name);
        string[] references = engine.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.Contains("netstandard", references);
        string[] powerShell = references.Where(name => name.StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.PowerShell", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(powerShell.Length == 0, "The engine must not reference PowerShell: " + string.Join(", ", powerShell));
        Assert.Contains("GptTrainer.Engine", typeof(GptTrainer.Commands.GptTrainerCmdlet).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void NoFileOfTheCmdletsIsLongerThan300Lines()
    {
        var long_ = SourceFiles(ModuleSource)
            .Select(f => (File: Path.GetRelativePath(ModuleSource, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > 300)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(long_.Count == 0, "The cmdlets stay thin; what does not need PowerShell belongs in the engine:\n" + string.Join("\n", long_));
    }

    [Fact]
    public void TheApiLayerNamesEveryEndpointTheModuleCalls()
    {
        // Proves the pattern below finds endpoints at all: the API layer's own files must be full of them.
        var found = SourceFiles(EngineSource).Where(InApiLayer).SelectMany(f => EndpointLiterals(File.ReadAllText(f))).Distinct().ToList();
        Assert.Contains("chatbot/{0}/update", found);
        Assert.Contains("../data-sources/restart", found);
        Assert.True(found.Count >= 30, $"only {found.Count} endpoint literals found in the API layer: {string.Join(", ", found)}");
    }

    [Fact]
    public void NoEndpointPathAppearsOutsideTheApiLayer()
    {
        var strays = ShippedSourceFiles()
            .Where(f => !InApiLayer(f))
            .SelectMany(f => EndpointLiterals(File.ReadAllText(f)).Select(text => $"{Path.GetRelativePath(Sources, f)}: \"{text}\""))
            .ToList();
        Assert.True(strays.Count == 0, "Endpoint paths belong in src/GptTrainer.Engine/Api/ only; found:\n" + string.Join("\n", strays));
    }

    [Fact]
    public void TheLiteralReaderSkipsCommentsAndCharactersAndReadsEveryKindOfString()
    {
        const string code = "// \"chatbot/x/delete\" in a comment\n/* \"agent/models\" */ char q = '\"'; var a = \"one \\\" two\"; var b = @\"c:\\x \"\"q\"\"\"; var c = $\"session/{id}/delete\";";
        Assert.Equal(new[] { "one \\\" two", "c:\\x \"\"q\"\"", "session/{id}/delete" }, StringLiterals(code));
        Assert.Equal(new[] { "session/{id}/delete" }, EndpointLiterals(code));
    }

    private static IEnumerable<string> EndpointLiterals(string code) => StringLiterals(code).Where(text => EndpointText.IsMatch(text));

    /// <summary>The raw text of every string literal in C# source, comments and character literals skipped.</summary>
    private static List<string> StringLiterals(string code)
    {
        var literals = new List<string>();
        int i = 0;
        while (i < code.Length)
        {
            char c = code[i];
            if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                i = code.IndexOf('\n', i) is int end and >= 0 ? end : code.Length;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) is int end and >= 0 ? end + 2 : code.Length;
            }
            else if (c == '\'')
            {
                i++;
                while (i < code.Length && code[i] != '\'')
                {
                    i += code[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (c == '"' || ((c == '@' || c == '$') && i + 1 < code.Length && (code[i + 1] == '"' || code[i + 1] is '@' or '$')))
            {
                bool verbatim = false;
                while (code[i] != '"')
                {
                    verbatim |= code[i] == '@';
                    i++;
                }

                int start = ++i;
                while (i < code.Length)
                {
                    if (verbatim && code[i] == '"' && i + 1 < code.Length && code[i + 1] == '"')
                    {
                        i += 2;
                    }
                    else if (!verbatim && code[i] == '\\')
                    {
                        i += 2;
                    }
                    else if (code[i] == '"')
                    {
                        break;
                    }
                    else
                    {
                        i++;
                    }
                }

                literals.Add(code.Substring(start, Math.Min(i, code.Length) - start));
                i++;
            }
            else
            {
                i++;
            }
        }

        return literals;
    }

    [Fact]
    public void EachFileHoldsOneTopLevelTypeNamedAfterIt()
    {
        var topLevelType = new Regex(@"^(?:public|internal)\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:class|struct|interface|enum|record)\s+(\w+)", RegexOptions.Multiline);
        var wrong = new List<string>();
        foreach (string file in ShippedSourceFiles())
        {
            string[] types = topLevelType.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToArray();
            // Files that only import namespaces or supply compiler polyfills declare no type of ours.
            bool typeless = file.EndsWith("GlobalUsings.cs", StringComparison.Ordinal) || file.EndsWith("Polyfills.cs", StringComparison.Ordinal);
            if (!typeless && (types.Length != 1 || types[0] != Path.GetFileNameWithoutExtension(file)))
            {
                wrong.Add($"{Path.GetRelativePath(Sources, file)}: {string.Join(", ", types)}");
            }
        }

        Assert.True(wrong.Count == 0, "One top-level type per file, named after it:\n" + string.Join("\n", wrong));
    }
}
