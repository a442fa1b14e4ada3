namespace GptTrainer.Commands;

/// <summary>
/// Checks on what a command was given, each raising the same InvalidArgument error wherever it is used,
/// before any request. Imported into every file of the module (GlobalUsings), so cmdlets call them by name.
/// </summary>
internal static class InputChecks
{
    /// <summary>A uuid parameter in the API's form, or an InvalidArgument error naming the parameter.</summary>
    public static string Uuid(string? value, string parameterName)
    {
        if (string.IsNullOrEmpty(value))
        {
            // Given, but empty: most often the uuid of something an earlier command did not find.
            throw new InputException(ErrorRecords.InputError(
                "EmptyUuid",
                $"-{parameterName} was given, but empty ($null or ''), so there is nothing to work on; a value found by an earlier command may be missing. Pass a uuid, or leave -{parameterName} out to use the current one.",
                ErrorCategory.InvalidArgument,
                value));
        }

        string? normalized = InputRules.NormalizeUuid(value);
        if (normalized is null)
        {
            throw new InputException(ErrorRecords.InputError(
                "InvalidUuid",
                $"-{parameterName} '{value}' is not a GPT-trainer uuid: expected 32 hex digits (a dashed GUID is also accepted).",
                ErrorCategory.InvalidArgument,
                value));
        }

        return normalized;
    }

    /// <summary>
    /// A value the user passes as (part of) a request body, written as JSON before any request: a value containing
    /// itself, nested too deep, or of a type JSON has no form for is an InvalidArgument error naming the parameter.
    /// </summary>
    /// <returns>The JSON text, for callers that can send it as written.</returns>
    public static string CheckWritableAsJson(object? value, string parameterName)
    {
        try
        {
            return JsonWriter.Serialize(PowerShellValues.ToPlain(value));
        }
        catch (JsonWriteException ex)
        {
            throw new InputException(ErrorRecords.InputError(
                "BodyNotWritable",
                $"-{parameterName} cannot be sent as JSON: {ex.Problem} (at {ex.Path.Replace("$value", "-" + parameterName)}).",
                ErrorCategory.InvalidArgument,
                value));
        }
    }

    /// <summary>The strings in a piped object (a string, or an array of them); nothing for any other object.</summary>
    public static IEnumerable<string> PipedStrings(object? input)
    {
        object? value = PowerShellValues.Unwrap(input);
        if (value is string text)
        {
            return new[] { text };
        }

        return value is IEnumerable items and not IDictionary
            ? items.Cast<object?>().Select(PowerShellValues.Unwrap).OfType<string>()
            : Enumerable.Empty<string>();
    }

    /// <summary>
    /// A creation window whose start is later than its end selects nothing, and says nothing about why: refused
    /// before any request, as an error that ends the command. Compared in UTC, as both are sent.
    /// </summary>
    public static void TimeWindow(DateTime? createdAfter, DateTime? createdBefore)
    {
        if (createdAfter is DateTime after && createdBefore is DateTime before && after.ToUniversalTime() > before.ToUniversalTime())
        {
            throw ErrorRecords.CommandEnding(ErrorRecords.InputError(
                "InvalidTimeWindow",
                $"-CreatedAfter ({after.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}) is later than -CreatedBefore ({before.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}), so no session could be selected. Swap the two, or leave one out.",
                ErrorCategory.InvalidArgument,
                after));
        }
    }

    /// <summary>Each value of a uuid-list parameter in the API's form.</summary>
    public static string[] UuidList(string[] values, string parameterName)
        => Array.ConvertAll(values, value => Uuid(value, parameterName));

    /// <summary>
    /// Values of a filter whose set is fixed (a data source's status or type): each must be one of the known
    /// values or a wildcard, which may match values the service adds later. A typo would otherwise find
    /// nothing and say nothing, so it is refused, with the list, before any request.
    /// </summary>
    public static void KnownOrWildcard(string[]? values, string parameterName, IReadOnlyCollection<string> known, string what)
    {
        foreach (string value in values ?? Array.Empty<string>())
        {
            if (WildcardPattern.ContainsWildcardCharacters(value) || known.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InputException(ErrorRecords.InputError(
                "UnknownValue",
                $"-{parameterName} '{value}' is not {what}{Spelling.Suggestion(value, known)}. Give one of {string.Join(", ", known)}, or a wildcard (such as 'error*'), which also matches values the service may add.",
                ErrorCategory.InvalidArgument,
                value));
        }
    }
}
