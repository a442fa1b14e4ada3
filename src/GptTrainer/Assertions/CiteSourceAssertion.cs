using GptTrainer.Evaluation;

namespace GptTrainer.Assertions;

/// <summary>
/// Should -CiteSource: the test behind Pester's operator. Takes what was piped to Should (a message, an
/// evaluation result, or the whole output of Send-GptTrainerMessage -PassThru, whose text pieces it passes
/// over) and answers Pester's way: Succeeded, and a FailureMessage that lists the sources actually cited.
/// </summary>
public static class CiteSourceAssertion
{
    private const string WhatItTakes = "a GptTrainer message or evaluation result (from Send-GptTrainerMessage -PassThru or -AsMessage, Get-GptTrainerMessage, or Invoke-GptTrainerEvaluation)";

    public static PSObject Test(object? actualValue, object? expectedValue, bool negate, string? because)
    {
        string[] wanted = Flatten(expectedValue).OfType<string>().Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        if (wanted.Length == 0)
        {
            return Result(false, "Should -CiteSource needs the title or uuid of at least one data source, such as Should -CiteSource 'Returns policy'.");
        }

        List<object?> given = Flatten(actualValue).ToList();
        List<PSObject> replies = given.Where(HasCitations).Select(PSObject.AsPSObject).ToList();
        if (replies.Count == 0)
        {
            return Result(false, $"Expected {WhatItTakes} to cite {CitedSources.List(wanted)},{Because(because)} but got {Describe(given)}.");
        }

        for (int i = 0; i < replies.Count; i++)
        {
            Citation[] cited = CitationsOf(replies[i]);
            string which = replies.Count == 1 ? "the reply" : $"reply {i + 1} of {replies.Count}";
            if (negate)
            {
                string[] unwanted = wanted.Where(w => CitedSources.Cite(cited, w)).ToArray();
                if (unwanted.Length > 0)
                {
                    Citation[] offending = cited.Where(c => unwanted.Any(u => CitedSources.Names(c, u))).ToArray();
                    string others = offending.Length == cited.Length ? string.Empty : $" Every source it cited: {CitedSources.Describe(cited)}.";
                    return Result(false, $"Expected {which} not to cite {CitedSources.List(wanted)},{Because(because)} but it cited {CitedSources.Describe(offending)}.{others}");
                }
            }
            else
            {
                string[] missing = wanted.Where(w => !CitedSources.Cite(cited, w)).ToArray();
                if (missing.Length > 0)
                {
                    string gap = missing.Length == wanted.Length ? "but it cited " : $"but {CitedSources.List(missing)} {(missing.Length == 1 ? "is" : "are")} not among what it cited: ";
                    return Result(false, $"Expected {which} to cite {CitedSources.List(wanted)},{Because(because)} {gap}{CitedSources.Describe(cited)}.");
                }
            }
        }

        return Result(true, string.Empty);
    }

    private static IEnumerable<object?> Flatten(object? value)
    {
        object? unwrapped = PowerShellValues.Unwrap(value);
        if (unwrapped is IEnumerable items and not string and not IDictionary)
        {
            foreach (object? item in items)
            {
                foreach (object? inner in Flatten(item))
                {
                    yield return inner;
                }
            }
        }
        else if (unwrapped is not null)
        {
            yield return value;
        }
    }

    private static bool HasCitations(object? value) => value is not null and not string && PSObject.AsPSObject(value).Properties["Citations"] is not null;

    /// <summary>Citations of a module object, or of one that went through a file or a remote session and came back as plain properties.</summary>
    private static Citation[] CitationsOf(PSObject reply)
        => Flatten(reply.Properties["Citations"]?.Value)
            .Select(c => c is PSObject { BaseObject: Citation typed } ? typed : c as Citation ?? FromProperties(PSObject.AsPSObject(c)))
            .ToArray();

    private static Citation FromProperties(PSObject item) => new()
    {
        Title = item.Properties["Title"]?.Value?.ToString(),
        DataSourceUuid = item.Properties["DataSourceUuid"]?.Value?.ToString(),
    };

    private static string Describe(List<object?> given) => given.Count switch
    {
        0 => "nothing",
        1 => Describe(given[0]),
        _ => $"{given.Count} objects, none of them a message (the first: {Describe(given[0])})",
    };

    private static string Describe(object? value)
    {
        object? unwrapped = PowerShellValues.Unwrap(value);
        return unwrapped switch
        {
            string text => $"the text '{DisplayText.Safe(text.Length > 60 ? text.Substring(0, 60) + "..." : text)}'",
            PSCustomObject => "an object without a Citations property",
            _ => $"a {unwrapped?.GetType().FullName}",
        };
    }

    /// <summary>", because ..." as Pester writes it, or nothing.</summary>
    private static string Because(string? because)
        => string.IsNullOrWhiteSpace(because) ? string.Empty : " because " + System.Text.RegularExpressions.Regex.Replace(because!.Trim(), @"^because\s", string.Empty) + ",";

    private static PSObject Result(bool succeeded, string failureMessage)
    {
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("Succeeded", succeeded));
        result.Properties.Add(new PSNoteProperty("FailureMessage", failureMessage));
        return result;
    }
}
