using System.Management.Automation.Language;

namespace GptTrainer.Completion;

/// <summary>
/// Completes a parameter from a known list without asking the service. For open sets such as a data source's
/// status, where ValidateSet would refuse values the service may add, these are the values seen so far.
/// </summary>
public abstract class FixedValuesCompleter : IArgumentCompleter
{
    private readonly string[] _values;

    private protected FixedValuesCompleter(params string[] values) => _values = values;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = ServiceListCompleter.Typed(wordToComplete);
        return _values
            .Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(NameCompleter.Quoted(v), v, CompletionResultType.ParameterValue, v));
    }
}
