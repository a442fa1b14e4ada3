namespace GptTrainer.Models;

/// <summary>What part of a chatbot an export, an import step or a difference is about.</summary>
public enum ChatbotItemType
{
    /// <summary>The chatbot's own settings.</summary>
    Chatbot,
    Agent,
    ToolFunction,
    SourceTag,
    DataSource,
}
