using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// One in-process emulator per test class, spoken to over HTTP the way any client would, so that these
/// tests pin down what the emulator answers rather than what the module makes of it.
/// </summary>
public class EmulatorServer : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    protected virtual EmulatorOptions Options() => new() { PieceDelayMs = 0 };

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(Options());
        Http = new HttpClient { BaseAddress = Host.BaseUri };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Host.Options.ApiKey);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    public Task<Answer> ResetAsync() => PostAsync("_emulator/reset");

    public Task<Answer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Answer> PostAsync(string path, JsonNode? body = null) => SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
    {
        Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    });

    public Task<Answer> SendAsync(HttpMethod method, string path) => SendAsync(new HttpRequestMessage(method, path));

    public Task<Answer> UploadAsync(string path, string fileName, string text, IDictionary<string, string>? fields = null)
        => UploadAsync(path, fileName, Encoding.UTF8.GetBytes(text), fields);

    /// <summary>A multipart upload as clients send one: the file as a part named "file", then any form fields.</summary>
    public Task<Answer> UploadAsync(string path, string fileName, byte[] bytes, IDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        foreach (var field in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(field.Value), field.Key);
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form });
    }

    /// <summary>Creates a chatbot (with citations if asked) and a session of it.</summary>
    public async Task<(string Chatbot, string Session)> NewChatbotAsync(bool citations = false)
    {
        string chatbot = (await PostAsync("api/v1/chatbot/create", new JsonObject { ["name"] = "test bot", ["show_citations"] = citations })).Uuid;
        string session = (await PostAsync($"api/v1/chatbot/{chatbot}/session/create")).Uuid;
        return (chatbot, session);
    }

    /// <summary>Ends the processing of every source now, as a test does instead of waiting for it.</summary>
    public async Task FinishProcessingAsync() => (await PostAsync("_emulator/sources/finish")).EnsureOk();

    public async Task<string> AskAsync(string session, string query)
        => (await PostAsync($"api/v1/session/{session}/message/stream", new JsonObject { ["query"] = query })).EnsureOk().Text;

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (HttpResponseMessage response = await Http.SendAsync(request))
        {
            List<string>? allow = response.Content.Headers.TryGetValues("Allow", out IEnumerable<string>? values)
                ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : null;
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType, allow);
        }
    }
}

/// <summary>A response read whole: its status, text, and the text as JSON when it is JSON; Allow is null when the header is absent.</summary>
public sealed record Answer(HttpStatusCode Status, string Text, string? MediaType, List<string>? Allow)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("the answer is JSON null");

    public string Uuid => (string)Json["uuid"]!;

    public Answer EnsureOk()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Text}");
        return this;
    }
}

/// <summary>Bodies built with optional fields leave out the ones not given.</summary>
public static class JsonBodies
{
    public static JsonObject RemoveNulls(this JsonObject body)
    {
        foreach (string key in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        return body;
    }
}
