namespace GptTrainer.Text;

/// <summary>
/// Cells of a CSV file meant for a spreadsheet. Quoting follows RFC 4180: every non-empty cell is quoted and a
/// quote inside is doubled, so commas, quotes and line breaks in a value stay inside its cell. Text from a
/// language model or an end user must not run in the spreadsheet of whoever opens the file (CSV injection,
/// OWASP): a cell that a spreadsheet would take as a formula gets a leading apostrophe, which makes it text.
/// </summary>
internal static class CsvText
{
    /// <summary>
    /// What starts a formula in Excel, LibreOffice or Google Sheets: OWASP's list (=, +, -, @, tab, carriage
    /// return), and the full-width forms some spreadsheets read as the same characters.
    /// </summary>
    private const string FormulaStarts = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    /// <summary>A quoted cell, neutralised when it would start a formula; empty for null or empty text.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        string text = StartsFormula(value!) ? "'" + value : value!;
        return "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>One record: its cells joined by commas, ended by CRLF as RFC 4180 has it.</summary>
    public static string Line(IEnumerable<string?> values) => string.Join(",", values.Select(Cell)) + "\r\n";

    /// <summary>
    /// Whether a spreadsheet could take the text as a formula: its first character is one that starts one, or
    /// it is one after leading white space, which some spreadsheets trim on import.
    /// </summary>
    public static bool StartsFormula(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (FormulaStarts.IndexOf(text[0]) >= 0)
        {
            return true;
        }

        string trimmed = text.TrimStart();
        return trimmed.Length > 0 && trimmed.Length < text.Length && FormulaStarts.IndexOf(trimmed[0]) >= 0;
    }
}
