using System.Management.Automation.Host;

namespace GptTrainer.Commands;

/// <summary>
/// Whether a host can ask its user something. A runbook, `pwsh -NonInteractive` or a CI job whose input is
/// redirected cannot, and reading there would fail or, worse, wait forever, so commands that would ask
/// check first and say why they cannot.
/// </summary>
internal static class InteractiveHost
{
    public static string? WhyCannotAsk(PSHost host)
    {
        if (host.UI is null)
        {
            return $"the host '{host.Name}' has no user interface";
        }

        if (host.Name != "ConsoleHost")
        {
            // Other hosts (editors, runbook workers) say for themselves: asking them throws if they cannot.
            return null;
        }

        if (Console.IsInputRedirected)
        {
            return "PowerShell's input is redirected, so nobody can type an answer";
        }

        return RunsNonInteractive(Environment.GetCommandLineArgs()) ? "PowerShell runs with -NonInteractive" : null;
    }

    /// <summary>
    /// pwsh takes any prefix of -NonInteractive down to -noni, with one or two dashes (or a slash on Windows),
    /// among its own options, which end where -Command or -File begins.
    /// </summary>
    internal static bool RunsNonInteractive(string[] arguments)
    {
        foreach (string argument in arguments.Skip(1))
        {
            string option = argument.TrimStart('-', '/').ToLowerInvariant();
            if (option.Length == argument.Length)
            {
                continue;
            }

            if (option is "c" or "command" or "f" or "file" or "ec" or "encodedcommand" || (option.Length >= 2 && ("command".StartsWith(option, StringComparison.Ordinal) || "file".StartsWith(option, StringComparison.Ordinal))))
            {
                return false;
            }

            if (option.Length >= 4 && "noninteractive".StartsWith(option, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
