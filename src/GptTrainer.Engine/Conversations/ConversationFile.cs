namespace GptTrainer.Conversations;

/// <summary>
/// The file an export writes, record by record as sessions are fetched, so that memory holds one session's
/// messages per worker and never the whole export. Callable from any worker; one session's records go in
/// together and reach the disk before the next session's, so a file cut short by a crash ends on whole lines.
/// </summary>
/// <remarks>
/// JSON Lines is UTF-8 without a byte order mark, one object per line ended by LF, as the format asks. CSV is
/// UTF-8 with a byte order mark and CRLF line ends (RFC 4180): Excel opens a .csv file without the mark in the
/// machine's ANSI code page, which garbles every accented letter, and with it as UTF-8; LibreOffice and Google
/// Sheets read either. (Readers that do not skip the mark, such as Python's csv module opened as "utf-8"
/// rather than "utf-8-sig", see it before the first column's name.)
/// </remarks>
internal sealed class ConversationFile : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly object _gate = new();
    private readonly StreamWriter _writer;
    private readonly ConversationFormat _format;

    private ConversationFile(string path, ConversationFormat format, StreamWriter writer)
    {
        Path = path;
        _format = format;
        _writer = writer;
    }

    public string Path { get; }

    /// <summary>Records written so far.</summary>
    public long Records { get; private set; }

    /// <summary>The header of a CSV export: its field names.</summary>
    public static string CsvHeader => CsvText.Line(ConversationRecord.Fields);

    /// <summary>Opens the file, new or (with <paramref name="append"/>) added to; a new CSV file gets its byte order mark and header.</summary>
    public static ConversationFile Open(string path, ConversationFormat format, bool append)
    {
        try
        {
            var stream = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);

            // A pipe or a device (/dev/stdout) has no length and no end to look at: it starts fresh.
            bool fresh = !stream.CanSeek || stream.Length == 0;
            bool endsWithoutBreak = !fresh && EndsWithoutLineBreak(path);
            var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" };
            if (fresh && format == ConversationFormat.Csv)
            {
                writer.Write('\uFEFF');
                writer.Write(CsvHeader);
            }
            else if (endsWithoutBreak)
            {
                // A file whose last line was cut off (a crash, a full disk) still gets whole lines from here on.
                writer.Write(format == ConversationFormat.Csv ? "\r\n" : "\n");
            }

            writer.Flush();
            return new ConversationFile(path, format, writer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw NotWritten(path, ex);
        }
    }

    /// <summary>Writes one session's records and puts them on disk before returning.</summary>
    public void Write(IReadOnlyList<ConversationRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            try
            {
                foreach (ConversationRecord record in records)
                {
                    _writer.Write(_format == ConversationFormat.Csv ? record.ToCsvLine() : record.ToJsonLine());
                }

                _writer.Flush();
                Records += records.Count;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw NotWritten(Path, ex);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // What could not be flushed was reported by the write that failed.
            }
        }
    }

    /// <summary>
    /// Checks, before any request, that a file can be written where <paramref name="path"/> says, without
    /// changing a file that is there: the folder exists, the path is not a folder, and the file opens for
    /// writing (a file made to find out is removed again).
    /// </summary>
    /// <param name="shown">The path as the user gave it, for messages.</param>
    public static void CheckWritable(string path, string shown, string parameterName)
    {
        if (Directory.Exists(path))
        {
            throw new LocalFileException("PathIsAFolder", ErrorKind.InvalidArgument, path, $"-{parameterName} '{shown}' is a folder; give the path of a file to write.");
        }

        string? folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw new LocalFileException("FolderNotFound", ErrorKind.ObjectNotFound, path, $"-{parameterName} '{shown}' is in a folder that does not exist: {folder}.");
        }

        bool existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            ErrorKind kind = ex is IOException ? ErrorKind.WriteError : ErrorKind.PermissionDenied;
            throw new LocalFileException("PathNotWritable", kind, path, $"-{parameterName} '{shown}' cannot be written: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Checks, before any request, that records of <paramref name="format"/> can be added to the file: a CSV
    /// file must start with this export's header, so that every line of it has the same columns.
    /// </summary>
    public static void CheckAppendable(string path, string shown, ConversationFormat format)
    {
        if (format != ConversationFormat.Csv || !File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return;
        }

        string? first;
        try
        {
            using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
            first = reader.ReadLine();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalFileException("PathNotWritable", ErrorKind.ReadError, path, $"-Path '{shown}' cannot be read to check its header: {ex.Message}", ex);
        }

        if (first + "\r\n" != CsvHeader)
        {
            throw new LocalFileException(
                "NotAnExportFile",
                ErrorKind.InvalidData,
                path,
                $"-Path '{shown}' does not start with this export's CSV header, so records added to it would not match its columns. Append to a file this command wrote, or write a new one.");
        }
    }

    private static bool EndsWithoutLineBreak(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() != '\n';
    }

    private static LocalFileException NotWritten(string path, Exception ex)
        => new("ExportNotWritten", ErrorKind.WriteError, path, $"Could not write the export to '{path}': {ex.Message}", ex);
}
