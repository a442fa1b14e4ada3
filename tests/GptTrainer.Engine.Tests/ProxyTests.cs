using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Models;
using Xunit;
using GptTrainerApi = GptTrainer.Api.GptTrainerApi;

namespace GptTrainer.Tests;

/// <summary>
/// Connections through a proxy of their own, and to an https host whose certificate nobody trusts, over real
/// HTTP on loopback: the recording proxy (tests/tools/RecordingProxy.cs) writes down what passed through it,
/// and the TLS relay (tests/tools/TlsRelay.cs) is the https host in front of the emulator.
/// </summary>
public class ProxyTests : IClassFixture<EmulatorProcess>, IAsyncLifetime
{
    private const string ProxyUser = "proxy-user";
    private const string ProxyPassword = "proxy-password-31415";
    private readonly EmulatorProcess _emulator;

    public ProxyTests(EmulatorProcess emulator) => _emulator = emulator;

    public Task InitializeAsync() => _emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private GptTrainerApi Client(NetworkOptions network, Uri? baseUri = null, IApiLog? log = null, RequestPolicy? policy = null)
        => _emulator.Api(policy, log: log, network: network, baseUri: baseUri);

    /// <summary>A JSON call, a JSON call with a body, and a streamed reply read to its end.</summary>
    private static async Task<string> ChatAsync(GptTrainerApi client)
    {
        Chatbot bot = await client.Chatbots.CreateAsync(new ChatbotSettings { Name = "proxied bot" }, default);
        Session session = await client.Sessions.CreateAsync(bot.ChatbotUuid, null, default);
        Assert.Single(await client.Chatbots.ListAsync(default));
        using ReplyReader reader = await client.Messages.StreamAsync(session.SessionUuid, "Through the proxy?", default);
        var reply = new StringBuilder();
        string? piece;
        while ((piece = await reader.ReadPieceAsync()) is not null)
        {
            reply.Append(piece);
        }

        return reply.ToString();
    }

    private async Task AssertEveryApiRequestCarriedTheKeyAsync(int atLeast)
    {
        List<JsonObject> requests = await _emulator.RequestsAsync();
        Assert.True(requests.Count >= atLeast, $"the emulator received {requests.Count} requests");
        Assert.All(requests, r => Assert.True(r.GetBoolean("authorizationValid")));
    }

    [Fact]
    public async Task SendsJsonCallsAndStreamedRepliesThroughTheGivenProxy()
    {
        using var proxy = new RecordingProxy();

        string reply = await ChatAsync(Client(new NetworkOptions { Proxy = proxy.Uri }));

        Assert.NotEmpty(reply);
        string origin = _emulator.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.All(proxy.RequestLines, line => Assert.StartsWith(line.Split(' ')[0] + " " + origin + "/api/v1/", line));
        string[] sent = proxy.RequestLines.Select(line => line.Split(' ')[0] + " " + new Uri(line.Split(' ')[1]).AbsolutePath).ToArray();
        Assert.Equal(4, sent.Length);
        Assert.Equal("POST /api/v1/chatbot/create", sent[0]);
        Assert.Matches("^POST /api/v1/chatbot/[0-9a-f]{32}/session/create$", sent[1]);
        Assert.Equal("GET /api/v1/chatbots", sent[2]);
        Assert.Matches("^POST /api/v1/session/[0-9a-f]{32}/message/stream$", sent[3]);
        Assert.Empty(proxy.HeaderValues("Proxy-Authorization"));
        await AssertEveryApiRequestCarriedTheKeyAsync(4);
    }

    [Fact]
    public async Task AnswersAProxyThatAsksWithTheProxyCredentialAndNeverWithTheKey()
    {
        using var proxy = new RecordingProxy(ProxyUser, ProxyPassword);

        await ChatAsync(Client(new NetworkOptions { Proxy = proxy.Uri, ProxyCredential = new NetworkCredential(ProxyUser, ProxyPassword) }));

        string[] answers = proxy.HeaderValues("Proxy-Authorization");
        Assert.NotEmpty(answers);
        Assert.All(answers, value => Assert.Equal(Basic(ProxyUser, ProxyPassword), value));
        Assert.DoesNotContain(proxy.Received, head => head.Contains("Proxy-Authorization: Bearer"));
        await AssertEveryApiRequestCarriedTheKeyAsync(4);
    }

    [Fact]
    public async Task ReportsAProxyThatAsksAndIsNotAnsweredAtOnceWithoutRetrying()
    {
        using var proxy = new RecordingProxy(ProxyUser, ProxyPassword);
        var log = new RecordingLog();

        var ex = await Assert.ThrowsAsync<GptTrainerProxyAuthenticationException>(() => Client(new NetworkOptions { Proxy = proxy.Uri }, log: log).Chatbots.ListAsync(default));

        Assert.Equal("ProxyAuthenticationRequired", ex.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, ex.Category);
        Assert.Contains(proxy.Uri.ToString(), ex.Message);
        Assert.Contains("-ProxyCredential", ex.Message);
        Assert.Single(proxy.RequestLines);
        Assert.DoesNotContain(log.Messages, m => m.Contains("waiting"));
        Assert.Empty(await _emulator.RequestsAsync());
    }

    [Fact]
    public async Task ReportsAProxyCredentialTheProxyRefuses()
    {
        using var proxy = new RecordingProxy(ProxyUser, ProxyPassword);

        var ex = await Assert.ThrowsAsync<GptTrainerProxyAuthenticationException>(() => Client(new NetworkOptions { Proxy = proxy.Uri, ProxyCredential = new NetworkCredential(ProxyUser, "wrong") }).Chatbots.ListAsync(default));

        Assert.Contains("did not accept", ex.Message);
        Assert.DoesNotContain("wrong", ex.Message);
    }

    [HttpsHostFact]
    public async Task TunnelsToAnHttpsHostWithoutTheKeyInTheConnect()
    {
        using var proxy = new RecordingProxy(ProxyUser, ProxyPassword);
        using var host = new TlsRelay(_emulator.BaseUri.Port);
        var network = new NetworkOptions { Proxy = proxy.Uri, ProxyCredential = new NetworkCredential(ProxyUser, ProxyPassword), SkipCertificateCheck = true };

        string reply = await ChatAsync(Client(network, host.Uri));

        Assert.NotEmpty(reply);
        Assert.All(proxy.RequestLines, line => Assert.Equal($"CONNECT 127.0.0.1:{host.Uri.Port} HTTP/1.1", line));
        Assert.Empty(proxy.HeaderValues("Authorization"));
        Assert.DoesNotContain(proxy.Received, head => head.Contains(_emulator.ApiKey));
        Assert.Contains(Basic(ProxyUser, ProxyPassword), proxy.HeaderValues("Proxy-Authorization"));
        await AssertEveryApiRequestCarriedTheKeyAsync(4);
    }

    [HttpsHostFact]
    public async Task ReportsATunnelTheProxyRefusesAsTheProxysRefusal()
    {
        using var proxy = new RecordingProxy(ProxyUser, ProxyPassword);
        using var host = new TlsRelay(_emulator.BaseUri.Port);

        var ex = await Assert.ThrowsAsync<GptTrainerProxyAuthenticationException>(() => Client(new NetworkOptions { Proxy = proxy.Uri, SkipCertificateCheck = true }, host.Uri).Chatbots.ListAsync(default));

        Assert.Equal("ProxyAuthenticationRequired", ex.ErrorId);
        Assert.Equal(0, host.Handshakes);
    }

    [HttpsHostFact]
    public async Task RefusesAnUntrustedCertificateWithItsOwnErrorAndNoRetry()
    {
        using var host = new TlsRelay(_emulator.BaseUri.Port);
        var log = new RecordingLog();

        var ex = await Assert.ThrowsAsync<GptTrainerCertificateException>(() => Client(NetworkOptions.Default, host.Uri, log).Chatbots.ListAsync(default));

        Assert.Equal("CertificateRejected", ex.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, ex.Category);
        Assert.Equal(host.Uri.GetLeftPart(UriPartial.Authority), ex.Authority);
        Assert.Contains("-SkipCertificateCheck", ex.Message);
        Assert.DoesNotContain(log.Messages, m => m.Contains("waiting"));
        Assert.Empty(await _emulator.RequestsAsync());
    }

    [HttpsHostFact]
    public async Task ReachesAnUntrustedHostWithSkipCertificateCheck()
    {
        using var host = new TlsRelay(_emulator.BaseUri.Port);

        string reply = await ChatAsync(Client(new NetworkOptions { SkipCertificateCheck = true }, host.Uri));

        Assert.NotEmpty(reply);
        Assert.True(host.Handshakes >= 1);
        await AssertEveryApiRequestCarriedTheKeyAsync(4);
    }

    [Fact]
    public async Task TheHandlerOfWindowsPowerShellGoesThroughTheProxyWithItsCredentialToo()
    {
        // Windows PowerShell has no SocketsHttpHandler; this is the handler it gets, asked directly.
        using var proxy = new RecordingProxy(ProxyUser, ProxyPassword);
        var network = new NetworkOptions { Proxy = proxy.Uri, ProxyCredential = new NetworkCredential(ProxyUser, ProxyPassword) };
        using var client = new HttpClient(SharedHttpClient.CreateClientHandler(network));

        using HttpResponseMessage response = await client.GetAsync(new Uri(_emulator.BaseUri, "/api/v1/chatbots"));

        // Sent without a key, so the emulator's own refusal shows the request arrived.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"GET {_emulator.BaseUri.GetLeftPart(UriPartial.Authority)}/api/v1/chatbots HTTP/1.1", proxy.RequestLines);
        Assert.Contains(Basic(ProxyUser, ProxyPassword), proxy.HeaderValues("Proxy-Authorization"));
    }

    [HttpsHostFact]
    public async Task TheHandlerOfWindowsPowerShellSkipsTheCertificateCheckWhenAsked()
    {
        using var host = new TlsRelay(_emulator.BaseUri.Port);
        using var checking = new HttpClient(SharedHttpClient.CreateClientHandler(NetworkOptions.Default));
        using var skipping = new HttpClient(SharedHttpClient.CreateClientHandler(new NetworkOptions { SkipCertificateCheck = true }));
        var target = new Uri(host.Uri, "/api/v1/chatbots");

        await Assert.ThrowsAsync<HttpRequestException>(() => checking.GetAsync(target));
        using HttpResponseMessage response = await skipping.GetAsync(target);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void SharesOneClientPerDistinctNetworkOptionsWhateverTheKey()
    {
        var proxy = new Uri("http://127.0.0.1:3128/");
        HttpClient first = SharedHttpClient.For(new NetworkOptions { Proxy = proxy, ProxyCredential = new NetworkCredential("u", "p1") });

        Assert.Same(first, SharedHttpClient.For(new NetworkOptions { Proxy = proxy, ProxyCredential = new NetworkCredential("u", "p1") }));
        Assert.NotSame(first, SharedHttpClient.For(new NetworkOptions { Proxy = proxy, ProxyCredential = new NetworkCredential("u", "p2") }));
        Assert.NotSame(first, SharedHttpClient.For(new NetworkOptions { Proxy = proxy }));
        Assert.NotSame(SharedHttpClient.Instance, SharedHttpClient.For(new NetworkOptions { NoProxy = true }));
        Assert.Same(SharedHttpClient.Instance, SharedHttpClient.For(new NetworkOptions()));
        Assert.DoesNotContain("p1", new NetworkOptions { Proxy = proxy, ProxyCredential = new NetworkCredential("u", "p1") }.HandlerKey.Split('\n'));
    }

    [Fact]
    public void NamesTheProxyInUseWithoutItsCredential()
    {
        var target = new Uri("https://app.example.org/api/v1/");

        Assert.Equal(new Uri("http://proxy.example.org:3128/"), new NetworkOptions { Proxy = new Uri("http://proxy.example.org:3128") }.ProxyFor(target));
        Assert.Null(new NetworkOptions { NoProxy = true }.ProxyFor(target));
    }

    /// <summary>What the transport reported, to tell whether it waited to retry.</summary>
    private sealed class RecordingLog : IApiLog
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IEnumerable<string> Messages => _messages;

        public void Verbose(string message) => _messages.Enqueue(message);

        public void Debug(string message) => _messages.Enqueue(message);

        public void Progress(ProgressReport report) => _messages.Enqueue(report.Activity + ": " + report.Status);

        public void Succeeded(HttpMethod method)
        {
        }
    }
}
