namespace GptTrainer.Models;

/// <summary>What an import does to one item of the target chatbot.</summary>
public enum ChatbotImportAction
{
    Create,
    Change,

    /// <summary>Only with -Mode Mirror, and never after a failure in the same run.</summary>
    Remove,
}
