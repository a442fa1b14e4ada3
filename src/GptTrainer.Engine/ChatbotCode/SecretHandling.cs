using System.Text.RegularExpressions;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// Secrets in a chatbot as code: the values of tool functions' headers, which is where a function's key or
/// token for the service it calls goes (Authorization, X-Api-Key...). Every header value counts, since a
/// header's name does not tell a key from a harmless setting. An export writes each as a placeholder naming an
/// environment variable, <c>${env:GPTTRAINER_SECRET_BILLING_LOOKUP_ORDER_AUTHORIZATION}</c>, unless it is told to
/// include them; an import replaces every placeholder with its variable's value and refuses, before any
/// change, when one is not set. A placeholder may also stand inside a value, as in <c>Bearer ${env:CRM_TOKEN}</c>.
/// </summary>
/// <remarks>Nothing else is treated as a secret: a key written into a function's URL is exported as it is.</remarks>
internal sealed class SecretHandling
{
    public const string SecretProperty = "headers";
    private static readonly Regex Placeholder = new(@"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant);

    private SecretHandling(bool placeholders) => WritesPlaceholders = placeholders;

    /// <summary>Secrets as they are: for a copy in memory, or an export with -IncludeSecret.</summary>
    public static SecretHandling Included => new(placeholders: false);

    public static SecretHandling AsPlaceholders => new(placeholders: true);

    public bool WritesPlaceholders { get; }

    /// <summary>The variables the placeholders written name, in order.</summary>
    public List<string> Variables { get; } = new();

    /// <summary>Replaces every header value with a placeholder of its own variable, when placeholders are wanted.</summary>
    public void Apply(ChatbotDocument document)
    {
        if (!WritesPlaceholders)
        {
            return;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (CodeItem function in document.Functions)
        {
            if (function[SecretProperty] is not SortedDictionary<string, object?> headers)
            {
                continue;
            }

            foreach (string header in headers.Keys.ToList())
            {
                string variable = VariableName(function, header);
                for (int n = 2; !taken.Add(variable); n++)
                {
                    variable = VariableName(function, header) + "_" + n.ToString(CultureInfo.InvariantCulture);
                }

                headers[header] = "${env:" + variable + "}";
                Variables.Add(variable);
            }
        }
    }

    /// <summary>
    /// Puts each variable's value in place of its placeholder, and returns the placeholders whose variable is
    /// not set, each with where it is used; those stay as they are.
    /// </summary>
    public static List<(string Variable, string Where)> Resolve(ChatbotDocument document, Func<string, string?> environment)
    {
        var missing = new List<(string, string)>();
        foreach (CodeItem function in document.Functions)
        {
            if (function[SecretProperty] is not SortedDictionary<string, object?> headers)
            {
                continue;
            }

            foreach (string header in headers.Keys.ToList())
            {
                if (headers[header] is string value)
                {
                    headers[header] = Placeholder.Replace(value, m =>
                    {
                        if (environment(m.Groups[1].Value) is string set)
                        {
                            return set;
                        }

                        missing.Add((m.Groups[1].Value, $"header '{header}' of tool function {function.Display}"));
                        return m.Value;
                    });
                }
            }
        }

        return missing;
    }

    /// <summary>For an import: every placeholder resolved, or a refusal naming each variable not set, before any request.</summary>
    public static void ResolveOrRefuse(ChatbotDocument document, Func<string, string?> environment, string from)
    {
        List<(string Variable, string Where)> missing = Resolve(document, environment);
        if (missing.Count > 0)
        {
            throw new Operations.OperationRefusedException(
                "SecretNotSet",
                ErrorKind.ObjectNotFound,
                $"{from} names secrets by environment variables that are not set: "
                + string.Join("; ", missing.Select(m => $"{m.Variable} (for the {DisplayText.Safe(m.Where)})"))
                + ". Set them (in CI, from the pipeline's secrets) and import again; nothing was changed.");
        }
    }

    /// <summary>Whether a value still holds a placeholder (its variable was not set), so it cannot be compared.</summary>
    public static bool IsUnresolved(object? value) => value is string text && Placeholder.IsMatch(text);

    private static string VariableName(CodeItem function, string header)
    {
        var name = new StringBuilder("GPTTRAINER_SECRET");
        foreach (string part in new[] { function.Parent?.Name ?? string.Empty, function.Name, header })
        {
            name.Append('_');
            foreach (char c in part.ToUpperInvariant())
            {
                name.Append(c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
            }
        }

        return Regex.Replace(name.ToString(), "_+", "_").TrimEnd('_');
    }
}
