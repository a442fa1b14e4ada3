using GptTrainer.Operations;

namespace GptTrainer.ChatbotCode;

/// <summary>
/// What is wrong with an export folder, each problem with its file and the place in it (agents.json at
/// [2].temperature). An import reports them all at once and changes nothing, so that one run of fixes suffices.
/// </summary>
internal sealed class ExportProblems(string folder)
{
    private const int Shown = 20;
    private readonly List<string> _problems = new();

    public void Add(string file, string path, string message) => _problems.Add($"{ExportLayout.Where(file, path)}: {message}");

    public void ThrowIfAny()
    {
        if (_problems.Count == 0)
        {
            return;
        }

        string more = _problems.Count > Shown ? $"{Environment.NewLine}- and {_problems.Count - Shown} more" : string.Empty;
        throw new OperationRefusedException(
            "InvalidExportFolder",
            ErrorKind.InvalidData,
            $"{folder} is not an export that can be read; nothing was changed. Fix {(_problems.Count == 1 ? "this" : $"these {_problems.Count} problems")} (or export the chatbot again):{Environment.NewLine}- "
            + string.Join(Environment.NewLine + "- ", _problems.Take(Shown).Select(DisplayText.Safe)) + more);
    }
}
