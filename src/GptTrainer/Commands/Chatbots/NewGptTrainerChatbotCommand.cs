namespace GptTrainer.Commands;

/// <summary>Creates a chatbot; the service adds a default "General Q&amp;A" agent to it.</summary>
[Cmdlet(VerbsCommon.New, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Chatbot))]
public sealed class NewGptTrainerChatbotCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    [Parameter]
    [ValidateSet("private", "public", "hybrid")]
    public string Visibility { get; set; } = "private";

    [Parameter]
    [ValidateRange(1, 100)]
    public int RateLimitMessages { get; set; } = ChatbotsApi.DefaultRateLimitMessages;

    [Parameter]
    [ValidateRange(1, 360)]
    public int RateLimitSeconds { get; set; } = ChatbotsApi.DefaultRateLimitSeconds;

    [Parameter]
    public string RateLimitMessage { get; set; } = "Too many messages";

    [Parameter]
    public SwitchParameter ShowCitations { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        if (!ShouldProcess($"chatbot '{Name}'", "Create"))
        {
            return;
        }

        var settings = new ChatbotSettings
        {
            Name = Name,
            Visibility = Visibility,
            RateLimitMessages = RateLimitMessages,
            RateLimitSeconds = RateLimitSeconds,
            RateLimitMessage = RateLimitMessage,
            ShowCitations = ShowCitations.IsPresent,
        };
        WriteObject(Call((api, token) => api.Chatbots.CreateAsync(settings, token)));
    }
}
