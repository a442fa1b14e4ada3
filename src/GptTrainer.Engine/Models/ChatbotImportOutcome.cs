namespace GptTrainer.Models;

/// <summary>What became of one step of an import.</summary>
public enum ChatbotImportOutcome
{
    /// <summary>-WhatIf: the step would be taken.</summary>
    Planned,
    Done,
    Failed,

    /// <summary>Not taken because an earlier step failed; a run after the cause is fixed takes it.</summary>
    NotDone,

    /// <summary>The API cannot carry it (an uploaded file's content without -SourcePath, a Google Drive source).</summary>
    NotCopied,

    /// <summary>Not confirmed at the -Confirm prompt.</summary>
    Skipped,
}
