using System.Collections;
using GptTrainer.Json;
using Xunit;

namespace GptTrainer.Tests;

public class JsonTests
{
    [Fact]
    public void ParsesTheShapesTheApiReturns()
    {
        var json = (JsonObject)JsonReader.Parse("""
            {"uuid":"abc","n":42,"big":12345678901234,"f":0.25,"neg":-1e-3,"t":true,"f2":false,"z":null,
             "arr":[1,"two",{"three":3}],"nested":{"a":{"b":[]}}, "s":"line\nnext \"quoted\" \u00fc \ud83d\ude42"}
            """)!;

        Assert.Equal("abc", json.GetString("uuid"));
        Assert.Equal(42L, json["n"]);
        Assert.Equal(12345678901234L, json["big"]);
        Assert.Equal(0.25, json["f"]);
        Assert.Equal(-0.001, json.GetDouble("neg"));
        Assert.Equal(true, json["t"]);
        Assert.Null(json["z"]);
        Assert.True(json.ContainsKey("z"));
        var arr = json.GetArray("arr")!;
        Assert.Equal(3, arr.Count);
        Assert.Equal(3L, ((JsonObject)arr[2]!)["three"]);
        Assert.Equal("line\nnext \"quoted\" ü 🙂", json.GetString("s"));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void ReadsZeroOneAndTrueFalseAsBooleans(string literal, bool expected)
    {
        var json = (JsonObject)JsonReader.Parse("{\"enabled\":" + literal + "}")!;
        Assert.Equal(expected, json.GetBoolean("enabled"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1} x")]
    [InlineData("\"unterminated")]
    [InlineData("{'a':1}")]
    [InlineData("nul")]
    public void RejectsMalformedJson(string text)
    {
        Assert.Throws<FormatException>(() => JsonReader.Parse(text));
    }

    [Fact]
    public void WritesWhatTheReaderReadsBack()
    {
        var body = new Hashtable
        {
            ["query"] = "He said \"hi\"\n\tthen left \u0001 ü",
            ["n"] = 3,
            ["d"] = 0.5,
            ["flag"] = true,
            ["none"] = null,
            ["list"] = new[] { "a", "b" },
            ["nested"] = new Hashtable { ["k"] = 1L },
        };

        var back = (JsonObject)JsonReader.Parse(JsonWriter.Serialize(body))!;
        Assert.Equal(body["query"], back.GetString("query"));
        Assert.Equal(3L, back["n"]);
        Assert.Equal(0.5, back["d"]);
        Assert.Equal(true, back["flag"]);
        Assert.Null(back["none"]);
        Assert.Equal(new[] { "a", "b" }, back.GetStringArray("list"));
        Assert.Equal(1L, back.GetObject("nested")!["k"]);
    }

    [Fact]
    public void EmbeddedJsonStringsParseOrReadAsNothing()
    {
        Assert.IsType<JsonObject>(JsonConvert.ParseEmbedded("{\"1.1\":{\"title\":\"x\"}}"));
        Assert.Null(JsonConvert.ParseEmbedded(""));
        Assert.Null(JsonConvert.ParseEmbedded(null));
        Assert.Null(JsonConvert.ParseEmbedded("{broken"));
    }
}
