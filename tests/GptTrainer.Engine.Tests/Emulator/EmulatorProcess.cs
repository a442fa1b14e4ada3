using System.Diagnostics;
using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Json;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The emulator this build made, run as its own process with dotnet and reached over HTTP only: the engine's
/// tests also run on .NET Framework, which cannot host the emulator in-process. One per test class
/// (IClassFixture); each test resets it. Its control API (/_emulator) steers replies and faults.
/// </summary>
public sealed class EmulatorProcess : IAsyncLifetime
{
    private Process? _process;

    public Uri BaseUri { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    private readonly HttpClient _control = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var info = new ProcessStartInfo("dotnet", $"\"{EmulatorAssembly()}\" --port 0 --piece-delay-ms 1 --parent-pid {Process.GetCurrentProcess().Id}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The emulator reads its options from variables too; the environment of whoever runs the tests must not steer it.
        foreach (string name in info.Environment.Keys.Where(k => k.StartsWith("GPTTRAINER_EMULATOR_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        _process = Process.Start(info)!;
        _ = _process.StandardError.ReadToEndAsync();
        var ready = new Dictionary<string, string>();
        Task<string?> reading = Task.FromResult<string?>(null);
        while (!ready.ContainsKey("GPTTRAINER_EMULATOR_KEY"))
        {
            reading = _process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(60))) != reading || await reading is not string line)
            {
                throw new InvalidOperationException("The emulator did not say it was listening within 60 s.");
            }

            int equals = line.IndexOf('=');
            if (equals > 0)
            {
                ready[line.Substring(0, equals)] = line.Substring(equals + 1);
            }
        }

        BaseUri = new Uri(ready["GPTTRAINER_EMULATOR_URL"]);
        ApiKey = ready["GPTTRAINER_EMULATOR_KEY"];
        _control.BaseAddress = BaseUri;
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    public Task DisposeAsync()
    {
        _control.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Retries a moment apart rather than the default second: for tests where retries happen but their timing is not the point.</summary>
    internal static readonly RequestPolicy QuickRetries = RequestPolicy.Default with { FirstRetryDelay = TimeSpan.FromMilliseconds(10) };

    /// <summary>The engine's API, connected to this emulator as Connect-GptTrainer would connect it.</summary>
    internal GptTrainerApi Api(RequestPolicy? policy = null, string? apiKey = null, IApiLog? log = null, NetworkOptions? network = null, Uri? baseUri = null)
    {
        var connection = new ConnectionSettings(baseUri ?? BaseUri, ConnectionResolver.ToSecureString(apiKey ?? ApiKey), "test", policy ?? RequestPolicy.Default)
        {
            Network = network ?? NetworkOptions.Default,
        };
        return new GptTrainerApi(new ApiClient(connection, connection.Policy, log ?? NullApiLog.Instance));
    }

    /// <summary>Empty again, with no faults, reply plans or recorded requests left from the test before.</summary>
    public Task ResetAsync() => ControlAsync(HttpMethod.Post, "reset");

    /// <summary>How the next replies of a session are written (pieces, delays, holds); see the emulator's ReplyPlan.</summary>
    public Task SetReplyAsync(string sessionUuid, Dictionary<string, object?> plan)
        => ControlAsync(HttpMethod.Post, "reply", new Dictionary<string, object?>(plan) { ["sessionUuid"] = sessionUuid });

    /// <summary>A misbehaviour for the next matching requests; see the emulator's FaultRule.</summary>
    public Task AddFaultAsync(Dictionary<string, object?> rule) => ControlAsync(HttpMethod.Post, "faults", rule);

    /// <summary>Forgets the requests recorded so far, so that a test sees only its own.</summary>
    public Task ResetRequestsAsync() => ControlAsync(HttpMethod.Delete, "requests");

    /// <summary>Lets go of replies held by a plan's holdAfterPieces.</summary>
    public Task ReleaseAsync() => ControlAsync(HttpMethod.Post, "release");

    /// <summary>How long processing takes and how many tokens a chatbot's sources may hold; null leaves a setting as it is.</summary>
    public Task SetProcessingAsync(int? processingMs = null, int? tokenBudget = null)
        => ControlAsync(HttpMethod.Post, "processing", new Dictionary<string, object?> { ["processingMs"] = processingMs, ["tokenBudget"] = tokenBudget }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));

    /// <summary>Ends the processing of every source now.</summary>
    public Task FinishProcessingAsync() => ControlAsync(HttpMethod.Post, "sources/finish");

    /// <summary>Gives one source a status, which ends its processing.</summary>
    public Task SetSourceStatusAsync(string sourceUuid, string status)
        => ControlAsync(HttpMethod.Post, $"sources/{sourceUuid}/status", new Dictionary<string, object?> { ["status"] = status });

    /// <summary>The emulator's counters: connections, streams active, held and completed.</summary>
    internal async Task<JsonObject> StatsAsync() => (JsonObject)JsonReader.Parse(await ControlAsync(HttpMethod.Get, "stats"))!;

    /// <summary>Every request the emulator recorded, oldest first, as JSON objects.</summary>
    internal async Task<List<JsonObject>> RequestsAsync()
    {
        string text = await ControlAsync(HttpMethod.Get, "requests");
        return ((List<object?>)JsonReader.Parse(text)!).Cast<JsonObject>().ToList();
    }

    /// <summary>Any other control request (conversations, session meta, message fields); answers the emulator's JSON.</summary>
    internal async Task<object?> ControlJsonAsync(string path, object body) => JsonReader.Parse(await ControlAsync(HttpMethod.Post, path, body));

    private async Task<string> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonWriter.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await _control.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/_emulator/{path} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>The emulator of this build's configuration (Release or Debug, as the tests themselves were built).</summary>
    private static string EmulatorAssembly()
    {
        string testFolder = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string configuration = Path.GetFileName(Path.GetDirectoryName(testFolder)!);
        for (string? dir = testFolder; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "src", "GptTrainer.Emulator", "bin", configuration, "net10.0", "GptTrainer.Emulator.dll");
            if (File.Exists(Path.Combine(dir, "GptTrainer.sln")))
            {
                return File.Exists(candidate) ? candidate : throw new FileNotFoundException($"Build the emulator first ({configuration}); {candidate} is missing.", candidate);
            }
        }

        throw new InvalidOperationException("The repository root (GptTrainer.sln) was not found above " + testFolder);
    }
}
