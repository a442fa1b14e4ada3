namespace GptTrainer.Emulator;

/// <summary>
/// A reply and its citation map travel together: the stream carries only the text, but the message
/// stored afterwards needs both, as clients fetch citations from the message list.
/// </summary>
public sealed record ComposedReply(string Text, string CiteDataJson);
