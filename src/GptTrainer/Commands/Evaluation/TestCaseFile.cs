using System.Management.Automation.Language;
using GptTrainer.Commands;

namespace GptTrainer.Evaluation;

/// <summary>
/// Reads test cases from a .json, .csv or .psd1 file. A file that cannot be read, or whose content is not
/// test cases, is an error naming the file; nothing in it is ever run, since a .psd1 is read as data only.
/// </summary>
internal static class TestCaseFile
{
    public static readonly string[] Extensions = { ".json", ".csv", ".psd1" };

    /// <summary>The separator of several values in one CSV cell: "30 days | refund".</summary>
    public const char CsvListSeparator = '|';

    public static List<RawTestCase> Read(string path)
    {
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (Array.IndexOf(Extensions, extension) < 0)
        {
            throw new InputException(new ErrorRecord(
                new ArgumentException($"Test case file '{path}' is not a .json, .csv or .psd1 file, so its format is unknown."),
                "UnsupportedTestCaseFile",
                ErrorCategory.InvalidArgument,
                path));
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new InputException(new ErrorRecord(
                new IOException($"Test case file '{path}' could not be read: {ex.Message}", ex),
                "TestCaseFileNotReadable",
                ErrorCategory.ReadError,
                path));
        }

        try
        {
            List<object?> cases = extension switch
            {
                ".json" => FromJson(text),
                ".csv" => FromCsv(text),
                _ => FromDataFile(text, path),
            };
            return cases.Select((item, i) => item is IReadOnlyList<KeyValuePair<string, object?>> fields
                ? new RawTestCase(fields, i + 1, path, extension == ".csv")
                : new RawTestCase(Array.Empty<KeyValuePair<string, object?>>(), i + 1, path, false) { NotACase = (string?)item ?? "nothing" }).ToList();
        }
        catch (FormatException ex)
        {
            throw new InputException(new ErrorRecord(
                new FormatException($"Test case file '{path}' holds no test cases it can use: {ex.Message}", ex),
                "InvalidTestCaseFile",
                ErrorCategory.InvalidData,
                path));
        }
    }

    /// <summary>
    /// A list of case objects, an object whose "cases" is that list, or one case object. Each case is its
    /// fields, or, for an item that is no object, a description of what it is instead.
    /// </summary>
    private static List<object?> FromJson(string text)
    {
        object? json = JsonReader.Parse(text);
        if (json is JsonObject one && one.Keys.FirstOrDefault(k => string.Equals(k, "cases", StringComparison.OrdinalIgnoreCase)) is string key)
        {
            json = one[key] as List<object?> ?? throw new FormatException($"\"{key}\" is not a list of cases");
        }

        List<object?> items = json switch
        {
            List<object?> list => list,
            JsonObject single => new List<object?> { single },
            _ => throw new FormatException("it is neither a list of cases nor a case object"),
        };

        return items.Select(item => item is JsonObject o ? o.ToList() : (object?)JsonConvert.Describe(item)).ToList();
    }

    /// <summary>
    /// @{ Cases = @( @{...}, @{...} ) }, or one case's hashtable, read as data the way
    /// Import-PowerShellDataFile reads it: only constant values, never anything that runs.
    /// </summary>
    private static List<object?> FromDataFile(string text, string path)
    {
        ScriptBlockAst ast = Parser.ParseInput(text, path, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            throw new FormatException($"line {errors[0].Extent.StartLineNumber}: {errors[0].Message}");
        }

        if (ast.Find(a => a is HashtableAst, false) is not HashtableAst table)
        {
            throw new FormatException("it holds no hashtable: write @{ Cases = @( @{ Question = '...' } ) }");
        }

        object value;
        try
        {
            value = table.SafeGetValue();
        }
        catch (InvalidOperationException ex)
        {
            // The engine's message quotes the whole file; its first line says what is wrong.
            throw new FormatException("only constant values are allowed in a data file, not commands or variables (" + ex.Message.Split(new[] { ". " }, 2, StringSplitOptions.None)[0] + ")");
        }

        var root = (Hashtable)value;
        object? cases = root.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k as string, "Cases", StringComparison.OrdinalIgnoreCase)) is object key ? root[key] : null;
        if (cases is null)
        {
            return new List<object?> { TestCaseReader.Entries(root) };
        }

        IEnumerable items = cases as object[] ?? new[] { cases };
        return items.Cast<object?>().Select(item => item is Hashtable h ? TestCaseReader.Entries(h) : (object?)(item is null ? "nothing" : $"the value '{DisplayText.Safe(Convert.ToString(item, CultureInfo.InvariantCulture))}'")).ToList();
    }

    /// <summary>A header row of field names, then a case per row; empty cells are fields not given.</summary>
    private static List<object?> FromCsv(string text)
    {
        List<List<string>> rows = CsvRows(text);
        if (rows.Count == 0)
        {
            throw new FormatException("it is empty; the first row names the fields, such as Question,Contains");
        }

        List<string> header = rows[0];
        var cases = new List<object?>();
        for (int r = 1; r < rows.Count; r++)
        {
            List<string> row = rows[r];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.Count > header.Count)
            {
                throw new FormatException($"row {r + 1} has {row.Count} cells but the header names {header.Count} fields");
            }

            cases.Add(row.Select((cell, c) => new KeyValuePair<string, object?>(header[c].Trim(), cell))
                .Where(f => !string.IsNullOrWhiteSpace((string?)f.Value))
                .ToList());
        }

        return cases;
    }

    /// <summary>RFC 4180: commas between cells, quotes around cells that hold commas, quotes or line breaks.</summary>
    private static List<List<string>> CsvRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        bool any = false;
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    rows.Add(row);
                    row = new List<string>();
                    cell.Clear();
                    any = false;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("a quoted cell is never closed");
        }

        if (any || cell.Length > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
