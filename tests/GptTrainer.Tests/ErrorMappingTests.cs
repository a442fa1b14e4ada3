using System.Management.Automation;
using System.Net.Http;
using GptTrainer.Commands;
using GptTrainer.Http;
using Xunit;

namespace GptTrainer.Tests;

public class ErrorMappingTests
{
    [Theory]
    [InlineData(400, ErrorCategory.InvalidArgument)]
    [InlineData(401, ErrorCategory.AuthenticationError)]
    [InlineData(403, ErrorCategory.PermissionDenied)]
    [InlineData(404, ErrorCategory.ObjectNotFound)]
    [InlineData(409, ErrorCategory.ResourceExists)]
    [InlineData(422, ErrorCategory.InvalidArgument)]
    [InlineData(429, ErrorCategory.LimitsExceeded)]
    [InlineData(500, ErrorCategory.ConnectionError)]
    [InlineData(503, ErrorCategory.ConnectionError)]
    [InlineData(504, ErrorCategory.ConnectionError)]
    public void StatusCodesMapToFittingCategories(int status, ErrorCategory category)
    {
        var ex = new GptTrainerApiException(status, "Reason", "GET", "/api/v1/chatbots", "server said no");
        ErrorRecord record = ErrorRecords.ToErrorRecord(ex, "target-value");

        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal("Http" + status, record.FullyQualifiedErrorId);
        Assert.Equal("target-value", record.TargetObject);
        Assert.Contains(status.ToString(), record.Exception.Message);
        Assert.Contains("GET /api/v1/chatbots", record.Exception.Message);
        Assert.Contains("server said no", record.Exception.Message);
    }

    [Theory]
    [InlineData("{\"msg\": \"Missing Authorization Header\"}", "Missing Authorization Header")]
    [InlineData("{\"error\": \"not found\"}", "not found")]
    [InlineData("{\"message\": \"bad\", \"error\": \"ignored\"}", "bad")]
    [InlineData("{\"detail\": {\"field\": \"name\"}}", "{\"field\":\"name\"}")]
    [InlineData("\"just a string\"", "just a string")]
    [InlineData("file type not allowed", "file type not allowed")]
    [InlineData("  <html>\n<body>Bad gateway</body></html>  ", "<html> <body>Bad gateway</body></html>")]
    [InlineData("", "")]
    [InlineData("{\"unrelated\": 1}", "{\"unrelated\": 1}")]
    public void ExtractsTheServersMessageFromAnyBodyShape(string body, string expected)
    {
        Assert.Equal(expected, ServerMessage.From(body));
    }

    [Fact]
    public void ShortensHugeBodies()
    {
        string message = ServerMessage.From(new string('x', 10_000));
        Assert.True(message.Length <= 501);
    }

    [Fact]
    public void CutOffRepliesSayHowMuchArrived()
    {
        var ex = new ReplyCutOffException(1234, 7, "POST /api/v1/session/x/message/stream", new IOException("The response ended prematurely."));
        ErrorRecord record = ErrorRecords.ToErrorRecord(ex, "q");
        Assert.Equal("ReplyCutOff", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Contains("cut off after 1234 bytes in 7 pieces", ex.Message);
        Assert.Contains("The response ended prematurely.", ex.Message);
    }

    [Fact]
    public void TimeoutsNameThemselvesAndTheParameterThatChangesThem()
    {
        var idle = new GptTrainerTimeoutException(GptTrainerTimeoutException.IdleTimeoutName, "IdleTimeoutSec", TimeSpan.FromSeconds(2), "no bytes");
        var connect = new GptTrainerTimeoutException(GptTrainerTimeoutException.ConnectTimeoutName, "ConnectTimeoutSec", TimeSpan.FromSeconds(10), "no connection");
        Assert.Equal("IdleTimeout", idle.ErrorId);
        Assert.Equal("ConnectTimeout", connect.ErrorId);
        Assert.Contains("idle timeout of 2 s", idle.Message);
        Assert.Contains("-IdleTimeoutSec", idle.Message);
        Assert.Contains("-ConnectTimeoutSec", connect.Message);
        Assert.Equal(ErrorCategory.OperationTimeout, ErrorRecords.ToErrorRecord(idle, null).CategoryInfo.Category);
    }

    [Fact]
    public void ConnectionFailuresAreConnectionErrors()
    {
        var ex = new GptTrainerConnectionException("Could not complete GET /x", new HttpRequestException("refused"));
        ErrorRecord record = ErrorRecords.ToErrorRecord(ex, null);
        Assert.Equal("ConnectionFailed", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
    }
}
