using System.Text;
using GptTrainer.Json;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// The module's JSON reader accepts exactly what the JSON grammar accepts. System.Text.Json (a conforming
/// parser the test project has) is the reference: both must agree on every document of a hand-written corpus
/// and of many documents a seeded mutation fuzzer derives from it.
/// </summary>
public class JsonGrammarTests
{
    private static readonly string[] Corpus =
    {
        // valid
        "0", "-0", "1", "-1", "10", "0.5", "-0.5", "1e5", "1E5", "1e+5", "1e-5", "1.5e5", "-1.25E-10", "123456789012345678901234567890",
        "1e400", "true", "false", "null", "\"\"", "\"a\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u00fc\\u20AC\"", "[]", "{}", "[1,2,3]",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}", " \t\r\n[ 1 , 2 ]\n", "[[[[[]]]]]", "{\"\":0}", "{\"a\":1,\"a\":2}",
        "{\"uuid\":\"43474da7ae3b4b7191ee29c2de798257\",\"meta\":{\"rate_limit\":[20,240],\"show_citations\":true}}",
        // invalid numbers the old reader accepted
        "01", "-01", "00", "1.", "1.e5", "-.5", ".5", "+1", "1e", "1e+", "-", "0x10", "1.2.3", "--1", "1-", "1e5e5", "Infinity", "NaN", "-Infinity",
        // other invalid documents
        "", " ", "[", "]", "{", "}", "[1,]", "[,1]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1,}", "[1 2]", "tru", "nul", "True",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"line\nbreak\"", "\"tab\there\"", "[1] x", "{} {}", "[\"a\" \"b\"]",
        "//comment\n1", "/*c*/1", "[1,2]//c",
    };

    private static bool OursAccepts(string text)
    {
        try
        {
            JsonReader.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool ReferenceAccepts(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(text), new System.Text.Json.JsonDocumentOptions { MaxDepth = 200 });
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static IEnumerable<object[]> CorpusCases() => Corpus.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(CorpusCases))]
    public void AgreesWithSystemTextJsonOnTheCorpus(string document)
    {
        Assert.Equal(ReferenceAccepts(document), OursAccepts(document));
    }

    [Fact]
    public void AgreesWithSystemTextJsonOnMutatedDocuments()
    {
        // Characters that matter to the grammar, so that mutations mostly produce near-misses.
        const string alphabet = "{}[]:,\"\\0123456789.eE+-tfnrulsa xu \t\n/";
        var random = new Random(20261126);
        var disagreements = new List<string>();
        int accepted = 0;
        for (int i = 0; i < 20000; i++)
        {
            var text = new StringBuilder(Corpus[random.Next(Corpus.Length)]);
            int mutations = 1 + random.Next(4);
            for (int m = 0; m < mutations; m++)
            {
                int at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0:
                        text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 1 when at < text.Length:
                        text.Remove(at, 1);
                        break;
                    default:
                        if (at < text.Length)
                        {
                            text[at] = alphabet[random.Next(alphabet.Length)];
                        }

                        break;
                }
            }

            string document = text.ToString();
            bool ours = OursAccepts(document);
            accepted += ours ? 1 : 0;
            if (ours != ReferenceAccepts(document))
            {
                disagreements.Add(document);
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, e.g.: " + string.Join(" | ", disagreements.Take(10)));

        // Guards the fuzzer itself: it must produce a fair share of both valid and invalid documents.
        Assert.InRange(accepted, 1000, 19000);
    }

    [Fact]
    public void AcceptsAUtf8ByteOrderMarkBeforeTheDocument()
    {
        var json = (JsonObject)JsonReader.Parse("\uFEFF{\"uuid\":\"x\"}")!;
        Assert.Equal("x", json.GetString("uuid"));
        Assert.Throws<FormatException>(() => JsonReader.Parse("{\"a\":1}\uFEFF"));
    }
}
