using System.Net;
using GptTrainer.Emulator;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The same rule for an emulator listening beyond loopback (a CI service container), where the names and
/// ports its clients use cannot be known: tested on the rule itself, since these tests listen on loopback only.
/// </summary>
public class ControlAddressRuleTests
{
    [Theory]
    [InlineData("0.0.0.0", "gpttrainer-emulator", 8080, true)]
    [InlineData("0.0.0.0", "gpttrainer_emulator", 18080, true)]
    [InlineData("0.0.0.0", "localhost", 18080, true)]
    [InlineData("0.0.0.0", "172.17.0.3", 8080, true)]
    [InlineData("::", "[fd00::3]", 8080, true)]
    [InlineData("0.0.0.0", "evil.example", 8080, false)]
    [InlineData("0.0.0.0", "emulator.ci.internal", 8080, false)]
    [InlineData("0.0.0.0", "", 8080, false)]
    [InlineData("192.168.1.5", "192.168.1.5", 8080, true)]
    [InlineData("127.0.0.1", "127.0.0.1", 8080, true)]
    [InlineData("127.0.0.1", "localhost", 8080, true)]
    [InlineData("127.0.0.1", "localhost", 8081, false)]
    [InlineData("127.0.0.1", "127.0.0.2", 8080, false)]
    [InlineData("127.0.0.1", "gpttrainer-emulator", 8080, false)]
    [InlineData("::1", "[::1]", 8080, true)]
    [InlineData("::1", "localhost", 8080, true)]
    [InlineData("::1", "127.0.0.1", 8080, false)]
    public void AcceptsTheNamesAClientOfThatAddressCanUse(string listening, string host, int port, bool accepted)
    {
        var rule = new HostAndOriginCheck(IPAddress.Parse(listening), () => 8080);

        Assert.Equal(accepted, rule.IsOwnAddress(host, port));
    }
}
