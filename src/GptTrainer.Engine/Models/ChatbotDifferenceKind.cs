namespace GptTrainer.Models;

/// <summary>How the compared chatbot differs from the reference (an export folder or another chatbot).</summary>
public enum ChatbotDifferenceKind
{
    /// <summary>The reference has the item and the chatbot does not.</summary>
    Missing,

    /// <summary>The chatbot has an item the reference does not.</summary>
    Extra,

    /// <summary>Both have the item, with different values of one property.</summary>
    Changed,
}
