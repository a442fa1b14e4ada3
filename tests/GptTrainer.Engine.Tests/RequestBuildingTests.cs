using System.Net.Http;
using GptTrainer.Http;
using GptTrainer.Api;
using GptTrainer.Text;
using Xunit;

namespace GptTrainer.Tests;

public class RequestBuildingTests
{
    private static ConnectionSettings Connection(string baseUri = "https://app.gpt-trainer.com", string key = "eyJ.secret-key-value.WXYZ")
        => new(new Uri(baseUri), ConnectionResolver.ToSecureString(key), "test", RequestPolicy.Default);

    [Theory]
    [InlineData("https://app.gpt-trainer.com", "https://app.gpt-trainer.com/api/v1/")]
    [InlineData("https://app.gpt-trainer.com/", "https://app.gpt-trainer.com/api/v1/")]
    [InlineData("https://app.gpt-trainer.com/api/v1", "https://app.gpt-trainer.com/api/v1/")]
    [InlineData("https://app.gpt-trainer.com/api/v1/", "https://app.gpt-trainer.com/api/v1/")]
    [InlineData("https://proxy.example/gpt", "https://proxy.example/gpt/api/v1/")]
    [InlineData("http://127.0.0.1:5000?x=1", "http://127.0.0.1:5000/api/v1/")]
    public void AppendsApiV1ExactlyOnce(string baseUri, string expected)
    {
        Assert.Equal(new Uri(expected), ConnectionSettings.ApiRootFor(new Uri(baseUri)));
    }

    [Fact]
    public void BuildsEndpointUrisWithEscapedValues()
    {
        var client = new ApiClient(Connection(), RequestPolicy.Default, NullApiLog.Instance);
        Assert.Equal("https://app.gpt-trainer.com/api/v1/session/abc/message/stream", client.Endpoint("session/{0}/message/stream", "abc").ToString());
        Assert.Equal("/api/v1/chatbot/a%2Fb/sessions", client.Endpoint("chatbot/{0}/sessions", "a/b").AbsolutePath);
    }

    [Fact]
    public async Task JsonRequestsCarryAUtf8JsonBody()
    {
        ApiRequest request = ApiRequest.Json(HttpMethod.Post, new Uri("https://h/api/v1/x"), new System.Collections.Hashtable { ["query"] = "Grüße" });
        using HttpContent content = request.ContentFactory!();
        Assert.Equal("application/json", content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", content.Headers.ContentType.CharSet);
        Assert.Equal("{\"query\":\"Grüße\"}", await content.ReadAsStringAsync());
        Assert.Equal("POST /api/v1/x", request.Display);
    }

    /// <summary>Names .NET writes itself keep exactly the header .NET writes for them.</summary>
    [Theory]
    [InlineData("plans.pdf")]
    [InlineData("price list 2025.xlsx")]
    [InlineData("Grüße.txt")]
    [InlineData("a%22b.txt")]
    public void AFilePartsHeaderIsNetsOwnForNamesNetCanWrite(string name)
    {
        using var form = new MultipartFormDataContent();
        using var part = new StringContent("x");
        form.Add(part, "file", name);
        Assert.Equal(part.Headers.ContentDisposition!.ToString(), MultipartFile.FilePart(name).ToString());
    }

    [Theory]
    [InlineData("a\"b.txt", "filename=a%22b.txt; filename*=utf-8''a%22b.txt")]
    [InlineData("a\nb.txt", "filename=a%0Ab.txt; filename*=utf-8''a%0Ab.txt")]
    [InlineData("a\rb.txt", "filename=a%0Db.txt; filename*=utf-8''a%0Db.txt")]
    [InlineData("\"Grüße\".txt", "filename=\"=?utf-8?B?JTIyR3LDvMOfZSUyMi50eHQ=?=\"; filename*=utf-8''%22Gr%C3%BC%C3%9Fe%22.txt")]
    public void AFilePartsHeaderCarriesNamesNetWouldRefuse(string name, string expected)
    {
        Assert.Equal("form-data; name=file; " + expected, MultipartFile.FilePart(name).ToString());
    }

    [Fact]
    public void PostsWithoutParametersSendNoBody()
    {
        Assert.Null(ApiRequest.Json(HttpMethod.Post, new Uri("https://h/api/v1/session/x/delete"), null).ContentFactory);
    }

    [Fact]
    public void TheKeyGoesOnlyIntoTheBearerValueAndIsMaskedElsewhere()
    {
        ConnectionSettings connection = Connection(key: "eyJ.secret-key-value.WXYZ");
        Assert.Equal("Bearer eyJ.secret-key-value.WXYZ", connection.BearerValue());
        Assert.Equal("********WXYZ", connection.MaskedKey());
        Assert.Equal("********", Connection(key: "short").MaskedKey());

        // Nothing a connection exposes, but the two members above, holds the key in readable form.
        foreach (var property in typeof(ConnectionSettings).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            object? value = property.GetValue(connection);
            Assert.False(value is System.Security.SecureString secure && !secure.IsReadOnly(), "the key's SecureString must be read-only");
            Assert.DoesNotContain("secret-key-value", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    [Theory]
    [InlineData("no key here.", 0)]
    [InlineData("ends with eyJ.sec", 7)]
    [InlineData("ends with e", 1)]
    [InlineData("ends with eyJ.x", 0)]
    public void HoldsBackTextThatCouldStartTheKey(string text, int held)
    {
        Assert.Equal(held, new SecretRedactor("eyJ.secret-key-value.WXYZ").PossibleStartLength(text));
    }

    [Fact]
    public void RedactsTheKeyAsSentUrlEscapedAndJsonEscaped()
    {
        var redactor = new SecretRedactor("k/ey+1\\\"x");
        Assert.Equal("a ******** b ******** c ******** d", redactor.Redact("a k/ey+1\\\"x b " + Uri.EscapeDataString("k/ey+1\\\"x") + " c k\\/ey+1\\\\\\\"x d"));
    }

    [Fact]
    public void ShowsControlCharactersAsEscapes()
    {
        Assert.Equal("a\\u001B[2Jb\\u0007\\u202E", DisplayText.Safe("a\u001b[2Jb\u0007\u202e"));
        Assert.Equal("plain text ü", DisplayText.Safe("plain text ü"));
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("1e400")]
    [InlineData("Infinity")]
    [InlineData("99999999999999999999")]
    public void ReadsARetryAfterNoTimeSpanHoldsAsTheLongestWait(string value)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        Assert.Equal(TimeSpan.MaxValue, RetryRules.ParseRetryAfter(response.Headers, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("https://app.gpt-trainer.com/api/v1/x", "https://app.gpt-trainer.com/other", true)]
    [InlineData("https://app.gpt-trainer.com/api/v1/x", "https://APP.gpt-trainer.com:443/y", true)]
    [InlineData("https://app.gpt-trainer.com/api/v1/x", "http://app.gpt-trainer.com/y", false)]
    [InlineData("https://app.gpt-trainer.com/api/v1/x", "https://cdn.gpt-trainer.com/y", false)]
    [InlineData("http://127.0.0.1:5000/a", "http://127.0.0.1:5001/a", false)]
    public void SendsTheKeyOnlyToTheSameOrigin(string a, string b, bool same)
    {
        Assert.Equal(same, ApiTransport.IsSameOrigin(new Uri(a), new Uri(b)));
    }

    [Fact]
    public void SessionTimeFiltersUseUtcMilliseconds()
    {
        var utc = new DateTime(2025, 7, 16, 7, 0, 0, 5, DateTimeKind.Utc);
        Assert.Equal("2025-07-16T07:00:00.005Z", GptTrainer.Api.SessionsApi.ApiTime(utc));
        DateTime local = utc.ToLocalTime();
        Assert.Equal("2025-07-16T07:00:00.005Z", GptTrainer.Api.SessionsApi.ApiTime(local));
    }

    [Theory]
    [InlineData("43474da7ae3b4b7191ee29c2de798257", "43474da7ae3b4b7191ee29c2de798257")]
    [InlineData("43474DA7AE3B4B7191EE29C2DE798257", "43474da7ae3b4b7191ee29c2de798257")]
    [InlineData("43474da7-ae3b-4b71-91ee-29c2de798257", "43474da7ae3b4b7191ee29c2de798257")]
    [InlineData("{43474da7-ae3b-4b71-91ee-29c2de798257}", "43474da7ae3b4b7191ee29c2de798257")]
    [InlineData(" 43474da7ae3b4b7191ee29c2de798257 ", "43474da7ae3b4b7191ee29c2de798257")]
    [InlineData("43474da7ae3b4b7191ee29c2de79825", null)]
    [InlineData("43474da7ae3b4b7191ee29c2de79825g", null)]
    [InlineData("", null)]
    [InlineData("../../chatbots", null)]
    public void NormalisesUuidsToTheApiForm(string input, string? expected)
    {
        Assert.Equal(expected, InputRules.NormalizeUuid(input));
    }

    /// <summary>Invoke-GptTrainerApi's paths behind a white-label prefix, which the emulator has none of.</summary>
    [Theory]
    [InlineData("chatbots", "https://proxy.example/gpt/api/v1/chatbots")]
    [InlineData("chatbot/abc:def?at=10:30", "https://proxy.example/gpt/api/v1/chatbot/abc:def?at=10:30")]
    [InlineData("/api/data-sources/restart", "https://proxy.example/gpt/api/data-sources/restart")]
    [InlineData("/x:y", "https://proxy.example/gpt/x:y")]
    [InlineData("https://proxy.example/gpt/api/v1/chatbots", "https://proxy.example/gpt/api/v1/chatbots")]
    [InlineData("HTTPS://PROXY.EXAMPLE/gpt/api/v1/chatbots", "https://proxy.example/gpt/api/v1/chatbots")]
    [InlineData("https://proxy.example/other/api/v1/chatbots", null)]
    [InlineData("http://proxy.example/gpt/api/v1/chatbots", null)]
    [InlineData("https://user@proxy.example/gpt/api/v1/chatbots", null)]
    [InlineData("unix:/gpt/api/v1/chatbots", null)]
    [InlineData("https:proxy.example/gpt/x", null)]
    [InlineData("https:/gpt/x", null)]
    [InlineData("x:y", null)]
    [InlineData("mailto:a@b.example", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("C:/x", null)]
    [InlineData("C:\\x", null)]
    [InlineData("\\\\evil\\x", null)]
    [InlineData("//proxy.example/gpt/x", null)]
    [InlineData("///x", null)]
    [InlineData("/..", null)]
    [InlineData("chatbot/%2e%2e%2f%2e%2e%2f%2e%2e%2fother", null)]
    [InlineData("chatbot/..%5c..%5c..%5cother", null)]
    public void TakesOnlyAPathOrAUrlOnTheConnectedService(string path, string? expected)
    {
        var raw = new RawApi(new ApiClient(Connection("https://proxy.example/gpt"), RequestPolicy.Default, NullApiLog.Instance));
        Uri? resolved = raw.Resolve(path, out string? problem);
        Assert.Equal(expected, resolved?.AbsoluteUri);
        Assert.Equal(expected is null, problem is not null);
    }

    [Theory]
    [InlineData("https://app.gpt-trainer.com", false, true)]
    [InlineData("http://127.0.0.1:5000", false, true)]
    [InlineData("http://localhost:5000", false, true)]
    [InlineData("http://[::1]:5000", false, true)]
    [InlineData("http://example.org", false, false)]
    [InlineData("http://example.org", true, true)]
    [InlineData("ftp://example.org", true, false)]
    [InlineData("https://user:pw@example.org", false, false)]
    public void AcceptsOnlyUsableBaseUris(string uri, bool allowUnencrypted, bool usable)
    {
        Assert.Equal(usable, InputRules.BaseUriProblem(new Uri(uri), allowUnencrypted) is null);
    }
}
