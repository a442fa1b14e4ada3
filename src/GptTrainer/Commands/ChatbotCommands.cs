using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Json;
using GptTrainer.Models;

namespace GptTrainer.Commands;

/// <summary>Lists the account's chatbots, fetches one by uuid, or filters them by name.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerChatbot", DefaultParameterSetName = ListSet)]
[OutputType(typeof(Chatbot))]
public sealed class GetGptTrainerChatbotCommand : ApiCmdlet
{
    private const string ListSet = "List";
    private const string UuidSet = "ByUuid";

    [Parameter(ParameterSetName = UuidSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        if (ParameterSetName == UuidSet)
        {
            ErrorTarget = ChatbotUuid;
            string uuid = Uuid(ChatbotUuid, nameof(ChatbotUuid));
            WriteObject(Chatbot.FromJson(Await(Client.GetJsonAsync(Client.UriFor("chatbot/{0}", uuid), StopToken))));
            return;
        }

        ErrorTarget = Name;
        var chatbots = new List<Chatbot>();
        foreach (JsonObject item in ModelReader.AsObjects(Await(Client.GetJsonAsync(Client.UriFor("chatbots"), StopToken)), "chatbots"))
        {
            chatbots.Add(Chatbot.FromJson(item));
        }

        foreach (Chatbot chatbot in NameFilter.Apply(this, chatbots, Name, c => c.Name, "chatbot"))
        {
            WriteObject(chatbot);
        }
    }
}

/// <summary>-Name filtering the way Get-Process does it: wildcards filter quietly, a plain name that matches nothing is an error.</summary>
internal static class NameFilter
{
    public static IEnumerable<T> Apply<T>(Cmdlet cmdlet, IReadOnlyList<T> items, string[]? names, Func<T, string?> nameOf, string noun)
    {
        if (names is null || names.Length == 0)
        {
            return items;
        }

        var patterns = Array.ConvertAll(names, n => new WildcardPattern(n, WildcardOptions.IgnoreCase));
        var matched = new bool[names.Length];
        var result = new List<T>();
        foreach (T item in items)
        {
            string name = nameOf(item) ?? string.Empty;
            bool any = false;
            for (int i = 0; i < patterns.Length; i++)
            {
                if (patterns[i].IsMatch(name))
                {
                    matched[i] = true;
                    any = true;
                }
            }

            if (any)
            {
                result.Add(item);
            }
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (!matched[i] && !WildcardPattern.ContainsWildcardCharacters(names[i]))
            {
                cmdlet.WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No {noun} is named '{names[i]}'."),
                    "NameNotFound",
                    ErrorCategory.ObjectNotFound,
                    names[i]));
            }
        }

        return result;
    }
}

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
    public int RateLimitMessages { get; set; } = 20;

    [Parameter]
    [ValidateRange(1, 360)]
    public int RateLimitSeconds { get; set; } = 240;

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

        // The service's defaults are undocumented, so every setting is sent explicitly.
        var body = new Dictionary<string, object?>
        {
            ["name"] = Name,
            ["visibility"] = Visibility,
            ["rate_limit"] = new[] { RateLimitMessages, RateLimitSeconds },
            ["rate_limit_message"] = RateLimitMessage,
            ["show_citations"] = ShowCitations.IsPresent,
        };
        WriteObject(Chatbot.FromJson(Post(Client.UriFor("chatbot/create"), body)));
    }
}

/// <summary>Changes a chatbot's name or settings; only the parameters given are sent.</summary>
[Cmdlet(VerbsCommon.Set, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Chatbot))]
public sealed class SetGptTrainerChatbotCommand : ApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

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
        ErrorTarget = ChatbotUuid;
        string chatbot = Uuid(ChatbotUuid, nameof(ChatbotUuid));
        var body = new Dictionary<string, object?>();
        if (Bound(nameof(Name))) body["name"] = Name;
        if (Bound(nameof(Visibility))) body["visibility"] = Visibility;
        if (Bound(nameof(RateLimitMessage))) body["rate_limit_message"] = RateLimitMessage;
        if (Bound(nameof(ShowCitations))) body["show_citations"] = ShowCitations.IsPresent;
        bool rateLimit = Bound(nameof(RateLimitMessages)) || Bound(nameof(RateLimitSeconds));
        if (body.Count == 0 && !rateLimit)
        {
            throw new InputException(InputError("NothingToChange", "Give at least one setting to change, such as -Name or -ShowCitations.", ErrorCategory.InvalidArgument, ChatbotUuid));
        }

        if (!ShouldProcess($"chatbot {chatbot}", "Change " + string.Join(", ", ChangedParameters())))
        {
            return;
        }

        if (rateLimit)
        {
            // The API takes the limit as one [messages, seconds] pair; a half given is completed from the chatbot.
            Chatbot current = Bound(nameof(RateLimitMessages)) && Bound(nameof(RateLimitSeconds))
                ? new Chatbot()
                : Chatbot.FromJson(Await(Client.GetJsonAsync(Client.UriFor("chatbot/{0}", chatbot), StopToken)));
            body["rate_limit"] = new[]
            {
                Bound(nameof(RateLimitMessages)) ? RateLimitMessages : current.RateLimitMessages ?? 20,
                Bound(nameof(RateLimitSeconds)) ? RateLimitSeconds : current.RateLimitSeconds ?? 240,
            };
        }

        Chatbot updated = Chatbot.FromJson(Post(Client.UriFor("chatbot/{0}/update", chatbot), body));
        if (PassThru)
        {
            WriteObject(updated);
        }
    }

    private IEnumerable<string> ChangedParameters()
    {
        foreach (string name in new[] { nameof(Name), nameof(Visibility), nameof(RateLimitMessages), nameof(RateLimitSeconds), nameof(RateLimitMessage), nameof(ShowCitations) })
        {
            if (Bound(name))
            {
                yield return name;
            }
        }
    }
}

/// <summary>Deletes a chatbot and everything under it: agents, sessions, messages, sources, tags.</summary>
[Cmdlet(VerbsCommon.Remove, "GptTrainerChatbot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveGptTrainerChatbotCommand : RemoveOneCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ChatbotUuidCompleter))]
    public string? ChatbotUuid { get; set; }

    private protected override string? UuidValue => ChatbotUuid;

    private protected override string ParameterName => nameof(ChatbotUuid);

    private protected override string ItemName => "chatbot";

    private protected override string Action => "Remove the chatbot with all its agents, sessions, messages, data sources and tags";

    private protected override HttpMethod Method => HttpMethod.Delete;

    private protected override string PathFormat => "chatbot/{0}/delete";

    private protected override void Removed(string uuid)
    {
        if (State.ChatbotUuid == uuid)
        {
            State.ChatbotUuid = null;
            State.SessionUuid = null;
        }
    }
}
