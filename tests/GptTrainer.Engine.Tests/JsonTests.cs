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
    public void RefusesAValueThatContainsItself()
    {
        var body = new Hashtable { ["name"] = "loop" };
        body["self"] = body;
        var ex = Assert.Throws<JsonWriteException>(() => JsonWriter.Serialize(body));
        Assert.Equal("$value.self", ex.Path);
        Assert.Contains("contains itself", ex.Message);

        var list = new List<object?> { 1 };
        list.Add(new Hashtable { ["back"] = list });
        Assert.Equal("$value[1].back", Assert.Throws<JsonWriteException>(() => JsonWriter.Serialize(list)).Path);
    }

    [Fact]
    public void WritesTheSameValueTwiceWhenItIsNotACycle()
    {
        var shared = new Hashtable { ["k"] = 1 };
        Assert.Equal("{\"a\":{\"k\":1},\"b\":{\"k\":1}}", JsonWriter.Serialize(new System.Collections.Specialized.OrderedDictionary { ["a"] = shared, ["b"] = shared }));
    }

    [Fact]
    public void RefusesNestingDeeperThanTheLimitAndWritesUpToIt()
    {
        Hashtable Nest(int levels)
        {
            var root = new Hashtable();
            Hashtable current = root;
            for (int i = 1; i < levels; i++)
            {
                var next = new Hashtable();
                current["n"] = next;
                current = next;
            }

            return root;
        }

        Assert.StartsWith("{\"n\":", JsonWriter.Serialize(Nest(JsonWriter.MaxDepth)));
        Assert.Contains("nested more than 64 levels", Assert.Throws<JsonWriteException>(() => JsonWriter.Serialize(Nest(100_000))).Message);
    }

    [Fact]
    public void WritesDatesInIso8601()
    {
        Assert.Equal("\"2025-07-16T07:00:00.0000000Z\"", JsonWriter.Serialize(new DateTime(2025, 7, 16, 7, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("\"2025-07-16T07:00:00.0000000+02:00\"", JsonWriter.Serialize(new DateTimeOffset(2025, 7, 16, 7, 0, 0, TimeSpan.FromHours(2))));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RefusesNumbersJsonCannotHold(double value)
    {
        Assert.Contains("has no JSON form", Assert.Throws<JsonWriteException>(() => JsonWriter.Serialize(new Hashtable { ["x"] = value })).Message);
    }

    [Fact]
    public void RefusesTypesJsonHasNoFormForInsteadOfWritingToString()
    {
        var ex = Assert.Throws<JsonWriteException>(() => JsonWriter.Serialize(new Hashtable { ["file"] = new FileInfo("/tmp/x") }));
        Assert.Equal("$value.file", ex.Path);
        Assert.Contains("System.IO.FileInfo has no JSON form", ex.Message);
    }

    [Fact]
    public void ReadsFieldsByTheirDocumentedType()
    {
        var json = (JsonObject)JsonReader.Parse("{\"uuid\":12345678901234567890,\"big\":4294967297,\"inf\":1e400,\"two\":2,\"s\":\"x\",\"n\":null,\"list\":[\"a\",1]}")!;
        Assert.Contains("\"uuid\" should be a string but is the number", Assert.Throws<FormatException>(() => json.GetString("uuid")).Message);
        Assert.Equal(4294967297L, json.GetInt64("big"));
        Assert.Contains("\"big\" should be a whole number of at most 10 digits", Assert.Throws<FormatException>(() => json.GetInt32("big")).Message);
        Assert.Contains("too large to hold", Assert.Throws<FormatException>(() => json.GetDouble("inf")).Message);
        Assert.Contains("should be true, false, 0 or 1", Assert.Throws<FormatException>(() => json.GetBoolean("two")).Message);
        Assert.Contains("\"s\" should be an object", Assert.Throws<FormatException>(() => json.GetObject("s")).Message);
        Assert.Contains("\"list[1]\" should be a string", Assert.Throws<FormatException>(() => json.GetStringArray("list")).Message);
        Assert.Null(json.GetString("n"));
        Assert.Null(json.GetString("missing"));
    }

    [Fact]
    public void ReadsANumberTooLargeForADoubleAsAnInfinityOnEveryRuntime()
    {
        // .NET Framework's double.Parse throws OverflowException here, which no FormatException catch stops.
        Assert.Equal(new object?[] { double.PositiveInfinity, double.NegativeInfinity, 0.0 }, (List<object?>)JsonReader.Parse("[1e400,-1e400,1e-400]")!);
    }

    [Fact]
    public void AnAnswerWithAnOverflowingNumberIsAnUnexpectedAnswerNotACrash()
    {
        var answer = new GptTrainer.Http.ApiAnswer(200, "{\"uuid\":\"43474da7ae3b4b7191ee29c2de798257\",\"title\":\"t\",\"file_size\":1e400}", "application/json", "GET /x");
        var ex = Assert.Throws<GptTrainer.Http.GptTrainerUnexpectedAnswerException>(() => answer.Read(json => GptTrainer.Models.DataSource.FromJson(json, null)));
        Assert.Contains("file_size", ex.Message);
        Assert.Null(JsonConvert.ParseEmbedded("[1e400"));
        Assert.IsType<List<object?>>(JsonConvert.ParseEmbedded("[1e400]"));
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
