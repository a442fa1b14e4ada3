namespace GptTrainer.Emulator;

/// <summary>
/// One setting of the console program, known by a flag and by an environment variable, so that help and
/// parsing read the same table and cannot drift apart.
/// </summary>
public sealed class EmulatorOption
{
    public const string EnvironmentPrefix = "GPTTRAINER_EMULATOR_";

    public EmulatorOption(string name, string valueName, string defaultText, string description, Action<EmulatorOptions, string> apply)
    {
        Name = name;
        ValueName = valueName;
        DefaultText = defaultText;
        Description = description;
        Apply = apply;
    }

    /// <summary>The flag without its dashes, such as "piece-delay-ms".</summary>
    public string Name { get; }

    public string Flag => "--" + Name;

    /// <summary>GPTTRAINER_EMULATOR_ and the name in capitals, dashes as underscores.</summary>
    public string Variable => EnvironmentPrefix + Name.ToUpperInvariant().Replace('-', '_');

    public string ValueName { get; }

    public string DefaultText { get; }

    public string Description { get; }

    /// <summary>Sets the option from text, throwing <see cref="FormatException"/> with the reason when the text does not fit.</summary>
    public Action<EmulatorOptions, string> Apply { get; }
}
