using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using GptTrainer.State;

namespace GptTrainer.Completion;

/// <summary>
/// What tab completion shows, fetched from the service at most every few seconds per connection and list.
/// Completion must never throw or hang the prompt, so every failure or slow answer yields nothing.
/// </summary>
internal static class CompletionCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private static readonly ConcurrentDictionary<string, (DateTime Expires, IReadOnlyList<Candidate> Items)> Entries = new();

    internal readonly struct Candidate
    {
        public Candidate(string value, string label)
        {
            Value = value;
            Label = label;
        }

        public string Value { get; }

        public string Label { get; }
    }

    /// <summary>Any change made through the module may add or remove what completion offers.</summary>
    public static void Clear() => Entries.Clear();

    public static IReadOnlyList<Candidate> Get(string list, Func<ApiClient, CancellationToken, Task<IReadOnlyList<Candidate>>> fetch)
    {
        try
        {
            ConnectionSettings? connection = ConnectionResolver.Resolve(ModuleState.Current, out _);
            if (connection is null)
            {
                return Array.Empty<Candidate>();
            }

            string key = connection.Fingerprint + "|" + list;
            if (Entries.TryGetValue(key, out var entry) && entry.Expires > DateTime.UtcNow)
            {
                return entry.Items;
            }

            RequestPolicy quick = connection.Policy.With(maximumRetryCount: 0, connectTimeout: Budget, idleTimeout: Budget);
            var client = new ApiClient(connection, quick, NullApiLog.Instance);
            using var cancel = new CancellationTokenSource(Budget);
            Task<IReadOnlyList<Candidate>> task = fetch(client, cancel.Token);
            if (!task.Wait(Budget) || task.Status != TaskStatus.RanToCompletion)
            {
                task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                return Array.Empty<Candidate>();
            }

            Entries[key] = (DateTime.UtcNow + Lifetime, task.Result);
            return task.Result;
        }
        catch (Exception)
        {
            return Array.Empty<Candidate>();
        }
    }
}

/// <summary>Completes a uuid parameter from a list the service returns, matching typed text against uuid or name.</summary>
public abstract class UuidCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        IReadOnlyList<CompletionCache.Candidate> candidates;
        try
        {
            candidates = Candidates(fakeBoundParameters);
        }
        catch (Exception)
        {
            yield break;
        }

        foreach (CompletionCache.Candidate candidate in candidates
            .Where(c => c.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || c.Label.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase))
        {
            yield return new CompletionResult(candidate.Value, candidate.Label, CompletionResultType.ParameterValue, $"{candidate.Label} ({candidate.Value})");
        }
    }

    private protected abstract IReadOnlyList<CompletionCache.Candidate> Candidates(IDictionary fakeBoundParameters);

    /// <summary>The chatbot the command line names, else the current one; null when there is none.</summary>
    private protected static string? ChatbotOf(IDictionary fakeBoundParameters)
    {
        object? given = fakeBoundParameters.Contains("ChatbotUuid") ? fakeBoundParameters["ChatbotUuid"] : null;
        if (given is PSObject wrapped)
        {
            given = wrapped.BaseObject;
        }

        return given is string text ? InputRules.NormalizeUuid(text) : ModuleState.Current.ChatbotUuid;
    }

    private protected static IReadOnlyList<CompletionCache.Candidate> ListUnderChatbot(IDictionary fakeBoundParameters, string pathFormat, Func<JsonObject, string> label)
    {
        string? chatbot = ChatbotOf(fakeBoundParameters);
        if (chatbot is null)
        {
            return Array.Empty<CompletionCache.Candidate>();
        }

        return CompletionCache.Get(pathFormat + "|" + chatbot, async (client, token) =>
        {
            object? json = await client.GetJsonAsync(client.UriFor(pathFormat, chatbot), token).ConfigureAwait(false);
            return ModelReader.AsObjects(json, "items")
                .Select(o => new CompletionCache.Candidate(o.GetString("uuid") ?? string.Empty, label(o)))
                .ToList();
        });
    }
}

public sealed class ChatbotUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCache.Candidate> Candidates(IDictionary fakeBoundParameters)
        => CompletionCache.Get("chatbots", async (client, token) =>
        {
            object? json = await client.GetJsonAsync(client.UriFor("chatbots"), token).ConfigureAwait(false);
            return ModelReader.AsObjects(json, "chatbots")
                .Select(o => new CompletionCache.Candidate(o.GetString("uuid") ?? string.Empty, o.GetString("name") ?? string.Empty))
                .ToList();
        });
}

public sealed class SessionUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCache.Candidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "chatbot/{0}/sessions", o => "session of " + (ModelReader.Timestamp(o, "created_at")?.ToString("yyyy-MM-dd HH:mm:ss") ?? "unknown time"));
}

public sealed class AgentUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCache.Candidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "chatbot/{0}/agents", o => o.GetString("name") ?? string.Empty);
}

public sealed class DataSourceUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCache.Candidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "chatbot/{0}/data-sources", o => o.GetString("title") ?? string.Empty);
}

public sealed class SourceTagUuidCompleter : UuidCompleter
{
    private protected override IReadOnlyList<CompletionCache.Candidate> Candidates(IDictionary fakeBoundParameters)
        => ListUnderChatbot(fakeBoundParameters, "chatbot/{0}/source-tags", o => o.GetString("name") ?? string.Empty);
}

/// <summary>Completes -Model from the service's model catalogue, showing each model's credit cost.</summary>
public sealed class ModelCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        IReadOnlyList<CompletionCache.Candidate> models = CompletionCache.Get("models", async (client, token) =>
        {
            IReadOnlyList<ModelInfo> catalogue = await ModelCatalogue.FetchAsync(client, token).ConfigureAwait(false);
            return catalogue
                .Where(m => m.Selectable)
                .Select(m => new CompletionCache.Candidate(m.Model, m.CreditsPerMessage is long credits ? $"{m.Model} ({credits} credits per message)" : m.Model))
                .ToList();
        });

        return models
            .Where(m => m.Value.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(m => new CompletionResult(m.Value, m.Value, CompletionResultType.ParameterValue, m.Label));
    }
}

/// <summary>The model catalogue and the credit costs, two undocumented endpoints read as one list.</summary>
internal static class ModelCatalogue
{
    public static async Task<IReadOnlyList<ModelInfo>> FetchAsync(ApiClient client, CancellationToken token)
    {
        Task<object?> modelsTask = client.GetJsonAsync(client.UriFor("agent/models"), token);
        Task<object?> costsTask = client.GetJsonAsync(client.UriFor("agent/model-costs"), token);
        object? models = await modelsTask.ConfigureAwait(false);
        object? costs = await costsTask.ConfigureAwait(false);

        string[] selectable = (models as JsonObject)?.GetStringArray("models") ?? Array.Empty<string>();
        JsonObject costMap = (costs as JsonObject)?.GetObject("model_costs") ?? new JsonObject();
        var result = new List<ModelInfo>();
        foreach (string model in selectable)
        {
            result.Add(new ModelInfo { Model = model, Selectable = true, CreditsPerMessage = costMap.GetInt64(model) });
        }

        foreach (KeyValuePair<string, object?> cost in costMap)
        {
            if (Array.IndexOf(selectable, cost.Key) < 0)
            {
                result.Add(new ModelInfo { Model = cost.Key, Selectable = false, CreditsPerMessage = JsonConvert.ToInt64(cost.Value) });
            }
        }

        return result;
    }
}
