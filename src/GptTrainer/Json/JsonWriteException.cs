namespace GptTrainer.Json;

/// <summary>A value that cannot be written as JSON: a cycle, nesting beyond the limit, or a type JSON has no form for.</summary>
internal sealed class JsonWriteException : Exception
{
    public JsonWriteException(string path, string problem)
        : base($"{problem} (at {path})")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Where in the value the problem is, such as $value.settings[2].</summary>
    public string Path { get; }

    public string Problem { get; }
}
