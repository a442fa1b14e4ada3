namespace GptTrainer.Emulator;

/// <summary>
/// One setting of the console program, known by a flag and by an environment variable, so that help and
/// parsing read the same table and cannot drift apart.
/// </summary>
/// <param name="Name">The flag without its dashes, such as "piece-delay-ms".</param>
/// <param name="Apply">Sets the option from text, throwing <see cref="FormatException"/> with the reason when the text does not fit.</param>
public sealed record EmulatorOption(string Name, string ValueName, string DefaultText, string Description, Action<EmulatorOptions, string> Apply)
{
    public const string EnvironmentPrefix = "GPTTRAINER_EMULATOR_";

    public string Flag => "--" + Name;

    /// <summary>GPTTRAINER_EMULATOR_ and the name in capitals, dashes as underscores.</summary>
    public string Variable => EnvironmentPrefix + Name.ToUpperInvariant().Replace('-', '_');
}
