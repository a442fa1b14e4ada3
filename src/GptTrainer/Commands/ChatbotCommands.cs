using System;
using System.Collections.Generic;
using System.Management.Automation;
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
