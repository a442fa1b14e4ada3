using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>
/// Applies a seed through the emulator's own API, as a client would, so that a seed is checked by the
/// same rules as any request and can hold nothing a client could not create, except what only end users
/// and the web app give (web pages' text, past conversations), which goes through the control API. Its
/// sources are then processed at once: a suite starts from a knowledge base that is ready.
/// </summary>
public static class SeedApplier
{
    private static readonly string[] ChatbotSettings = { "name", "visibility", "rate_limit", "rate_limit_message", "show_citations" };

    /// <exception cref="SeedException">The API refused part of the seed; the message says which part and why.</exception>
    public static async Task ApplyAsync(SeedFile seed, Uri baseUri, string apiKey, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var client = new Client(http, seed.Path, cancellationToken);
        for (int i = 0; i < seed.Chatbots.Count; i++)
        {
            await ApplyChatbotAsync(client, seed.Chatbots[i], $"chatbots[{i}]");
        }

        await client.SendAsync(HttpMethod.Post, "_emulator/sources/finish", null, "processing the seed's sources");
    }

    private static async Task ApplyChatbotAsync(Client client, JsonObject seed, string where)
    {
        var settings = new JsonObject();
        foreach (string key in ChatbotSettings.Where(seed.ContainsKey))
        {
            settings[key] = seed[key]?.DeepClone();
        }

        string chatbot = Uuid(await client.SendAsync(HttpMethod.Post, "api/v1/chatbot/create", Json(settings), where));

        // Sources are known by name (file name, URL or question) to the tags and agents that list them.
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var tagged = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach ((string list, string nameKey, _) in SeedFile.SourceLists)
        {
            foreach ((JsonObject source, string at) in SeedFile.Each(seed, list, where))
            {
                string name = (string)source[nameKey]!;
                string uuid = Uuid(await AddSourceAsync(client, chatbot, list, source, at));
                sources.TryAdd(name, new List<string>());
                sources[name].Add(uuid);
                if (source["title"] is JsonNode title)
                {
                    await client.SendAsync(HttpMethod.Post, $"api/v1/data-source/{uuid}/update", Json(new JsonObject { ["title"] = title.DeepClone() }), at);
                }

                foreach (string tag in SeedFile.Names(source, "tags", at))
                {
                    tagged.TryAdd(tag, new JsonArray());
                    tagged[tag].Add(uuid);
                }
            }
        }

        foreach ((JsonObject tag, string at) in SeedFile.Each(seed, "tags", where))
        {
            var body = (JsonObject)tag.DeepClone();
            body["data_source_uuids"] = tagged.TryGetValue((string)tag["name"]!, out JsonArray? members) ? members.DeepClone() : new JsonArray();
            await client.SendAsync(HttpMethod.Post, $"api/v1/chatbot/{chatbot}/source-tag/create", Json(body), at);
        }

        foreach ((JsonObject agent, string at) in SeedFile.Each(seed, "agents", where))
        {
            await ApplyAgentAsync(client, chatbot, agent, sources, at);
        }

        // Past conversations, with what only end users and the web app give them (lead forms, ratings, labels).
        if (seed["sessions"] is JsonArray sessions)
        {
            await client.SendAsync(HttpMethod.Post, $"_emulator/chatbots/{chatbot}/sessions", Json(new JsonObject { ["sessions"] = sessions.DeepClone() }), where);
        }
    }

    private static async Task<JsonNode> AddSourceAsync(Client client, string chatbot, string list, JsonObject source, string where)
    {
        switch (list)
        {
            case "files":
                var form = new MultipartFormDataContent();
                form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes((string)source["text"]!)), "file", (string)source["name"]!);
                if (source["reference_source_link"] is JsonNode fileLink) form.Add(new StringContent((string)fileLink!), "reference_source_link");
                return await client.SendAsync(HttpMethod.Post, $"api/v1/chatbot/{chatbot}/data-source/upload", form, where);
            case "pages":
                if (source["text"] is JsonNode text)
                {
                    await client.SendAsync(HttpMethod.Post, "_emulator/web-page", Json(new JsonObject { ["url"] = source["url"]!.DeepClone(), ["text"] = text.DeepClone() }), where);
                }

                return await client.SendAsync(HttpMethod.Post, $"api/v1/chatbot/{chatbot}/data-source/url", Json(Pick(source, "url", "reference_source_link")), where);
            default:
                return await client.SendAsync(HttpMethod.Post, $"api/v1/chatbot/{chatbot}/data-source/qa", Json(Pick(source, "question", "answer", "reference_source_link")), where);
        }
    }

    /// <summary>An agent the chatbot already has by that name (its "General Q&amp;A") is changed; any other is created, then given its settings.</summary>
    private static async Task ApplyAgentAsync(Client client, string chatbot, JsonObject seed, Dictionary<string, List<string>> sources, string where)
    {
        var settings = (JsonObject)seed.DeepClone();
        settings.Remove("sources");
        if (seed["sources"] is not null)
        {
            settings["data_source_uuids"] = new JsonArray(SeedFile.Names(seed, "sources", where).SelectMany(n => sources[n]).Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());
        }

        JsonArray existing = (JsonArray)await client.SendAsync(HttpMethod.Get, $"api/v1/chatbot/{chatbot}/agents", null, where);
        string? uuid = existing.FirstOrDefault(a => (string?)a!["name"] == (string)seed["name"]!)?["uuid"]?.GetValue<string>();
        if (uuid is null)
        {
            uuid = Uuid(await client.SendAsync(HttpMethod.Post, $"api/v1/chatbot/{chatbot}/agent/create", Json(Pick(seed, "name", "type")), where));
        }

        settings.Remove("type");
        await client.SendAsync(HttpMethod.Post, $"api/v1/agent/{uuid}/update", Json(settings), where);
    }

    private static JsonObject Pick(JsonObject source, params string[] keys)
    {
        var picked = new JsonObject();
        foreach (string key in keys.Where(source.ContainsKey))
        {
            picked[key] = source[key]?.DeepClone();
        }

        return picked;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Uuid(JsonNode answer) => (string)answer["uuid"]!;

    /// <summary>Sends one request of the seed and turns any refusal into a message that points into the file.</summary>
    private sealed record Client(HttpClient Http, string SeedPath, CancellationToken CancellationToken)
    {
        public async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, string where)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            try
            {
                using HttpResponseMessage response = await Http.SendAsync(request, CancellationToken);
                string text = await response.Content.ReadAsStringAsync(CancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new SeedException($"seed file {SeedPath}: {where}: the API answered {(int)response.StatusCode}: {ErrorOf(text)}");
                }

                return JsonNode.Parse(text)!;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !CancellationToken.IsCancellationRequested)
            {
                // The emulator's own API, so only a seed too large to send in time gets here; still a sentence, not a trace.
                throw new SeedException($"seed file {SeedPath}: {where}: the API did not answer: {ex.Message}", ex);
            }
        }

        private static string ErrorOf(string text)
        {
            try
            {
                return JsonNode.Parse(text) is JsonObject { } error && error["error"] is JsonValue message ? (string)message! : text;
            }
            catch (System.Text.Json.JsonException)
            {
                return text;
            }
        }
    }
}
