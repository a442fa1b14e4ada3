namespace GptTrainer.Models;

/// <summary>The file formats a conversation export writes.</summary>
public enum ConversationFormat
{
    /// <summary>One JSON object per line (.jsonl): every field exact, objects and lists kept whole; for scripts and tools.</summary>
    JsonLines,

    /// <summary>Comma-separated values for a spreadsheet: UTF-8 with a byte order mark, RFC 4180 quoting, no cell that runs as a formula.</summary>
    Csv,
}
