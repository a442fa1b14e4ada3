namespace GptTrainer.Json;

/// <summary>A value that cannot be written as JSON: a cycle, nesting beyond the limit, or a type JSON has no form for.</summary>
internal sealed class JsonWriteException(string path, string problem)
    : Exception($"{problem} (at {path})")
{
    /// <summary>Where in the value the problem is, such as $value.settings[2].</summary>
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
