using System.Globalization;
using System.Text.RegularExpressions;

namespace GptTrainer.Emulator;

/// <summary>
/// The models agents may use and what a message costs with each. Every entry is one the service was
/// seen to offer, with the cost it was seen to charge (docs/gpt-trainer-api.md, "Models"); the context
/// size is read from the name, as the service's names carry it.
/// </summary>
public static class ModelCatalogue
{
    /// <summary>In the order the catalogue answers them: by family, then by context.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, int>> Costs = new KeyValuePair<string, int>[]
    {
        new("gpt-4o-mini-4k", 1), new("gpt-4o-mini-16k", 2), new("gpt-4o-mini-32k", 6), new("gpt-4o-mini-64k", 10), new("gpt-4o-mini-128k", 15),
        new("gpt-4o-8k", 20), new("gpt-4o-16k", 40), new("gpt-4o-32k", 60), new("gpt-4o-128k", 160),
        new("gpt-4-1106-preview-16k", 60),
        new("gpt-5-2k", 2), new("gpt-5-4k", 5), new("gpt-5-8k", 10), new("gpt-5-16k", 19), new("gpt-5-32k", 39), new("gpt-5-128k", 155),
        new("claude-3.5-sonnet-32k", 45), new("claude-4.5-sonnet-128k", 264),
        new("gemini-1.5-pro-64k", 80),
    };

    public static readonly IReadOnlyList<string> Names = Costs.Select(c => c.Key).ToArray();

    /// <summary>What every chatbot's "General Q&amp;A" agent starts with.</summary>
    public const string DefaultModel = "gpt-4o-mini-4k";

    private static readonly Regex ContextSuffix = new(@"-(\d+)k$", RegexOptions.Compiled);

    public static bool Contains(string model) => Names.Contains(model, StringComparer.Ordinal);

    /// <summary>Tokens of context, counting "k" as a thousand: "gpt-4o-mini-16k" holds 16,000.</summary>
    public static int ContextTokens(string model)
        => ContextSuffix.Match(model) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000 : ContextTokens(DefaultModel);
}
