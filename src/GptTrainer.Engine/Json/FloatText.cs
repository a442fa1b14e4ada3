using System.Text.RegularExpressions;

namespace GptTrainer.Json;

/// <summary>
/// Reads a floating-point number the same way on both runtimes the module runs on. .NET reads a number
/// too large for a double (1e400) as an infinity; .NET Framework, under Windows PowerShell 5.1, refuses it
/// (Parse throws OverflowException, TryParse fails), so the same answer from the service would be an
/// unexpected crash there and a value here. Here it is an infinity on both, for the callers to judge.
/// </summary>
internal static class FloatText
{
    private static readonly Regex Number = new(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$", RegexOptions.CultureInvariant);

    public static bool TryParse(string text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // Well-formed digits that still fail to parse can only have overflowed.
        if (Number.IsMatch(text))
        {
            value = text.TrimStart().StartsWith("-", StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return false;
    }
}
