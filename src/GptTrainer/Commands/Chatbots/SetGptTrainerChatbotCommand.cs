namespace GptTrainer.Commands;

/// <summary>Changes chatbots' names or settings; only the parameters given are sent.</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Chatbot))]
public sealed class SetGptTrainerChatbotCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ChatbotUuidCompleter))]
    public string[]? ChatbotUuid { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateSet("private", "public", "hybrid")]
    public string? Visibility { get; set; }

    [Parameter]
    [ValidateRange(1, 100)]
    public int RateLimitMessages { get; set; }

    [Parameter]
    [ValidateRange(1, 360)]
    public int RateLimitSeconds { get; set; }

    [Parameter]
    public string? RateLimitMessage { get; set; }

    [Parameter]
    public SwitchParameter ShowCitations { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessApiRecord()
    {
        var changes = new ChatbotSettings
        {
            Name = Bound(nameof(Name)) ? Name : null,
            Visibility = Bound(nameof(Visibility)) ? Visibility : null,
            RateLimitMessages = Bound(nameof(RateLimitMessages)) ? RateLimitMessages : null,
            RateLimitSeconds = Bound(nameof(RateLimitSeconds)) ? RateLimitSeconds : null,
            RateLimitMessage = Bound(nameof(RateLimitMessage)) ? RateLimitMessage : null,
            ShowCitations = Bound(nameof(ShowCitations)) ? ShowCitations.IsPresent : null,
        };
        List<string> changed = BoundOf(nameof(Name), nameof(Visibility), nameof(RateLimitMessages), nameof(RateLimitSeconds), nameof(RateLimitMessage), nameof(ShowCitations));
        ForEachUuid(ChatbotUuid, nameof(ChatbotUuid), chatbot =>
            Changes.SendChange(KnownNames.Describe("chatbot", chatbot), changed, "-Name or -ShowCitations", PassThru, (api, token) => api.Chatbots.UpdateAsync(chatbot, changes, token)));
    }
}
