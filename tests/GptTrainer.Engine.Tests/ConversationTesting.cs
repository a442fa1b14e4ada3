using GptTrainer.Api;
using GptTrainer.Http;
using GptTrainer.Json;
using GptTrainer.Operations;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>What the tests of conversations share: a client of the emulator, conversations imported into it, and a CSV reader.</summary>
internal static class ConversationTesting
{
    public static GptTrainerApi Api(EmulatorProcess emulator) => emulator.Api(EmulatorProcess.QuickRetries);

    /// <summary>Imports sessions (a JSON array, as the emulator's control API takes them); each session's uuid, then its messages' uuids.</summary>
    public static async Task<List<List<string>>> ImportAsync(EmulatorProcess emulator, string chatbotUuid, string sessionsJson)
    {
        var answer = (JsonObject)(await emulator.ControlJsonAsync($"chatbots/{chatbotUuid}/sessions", new Dictionary<string, object?> { ["sessions"] = JsonReader.Parse(sessionsJson) }))!;
        return answer.GetArray("sessions")!.Cast<JsonObject>().Select(s => new[] { s.GetString("uuid")! }.Concat(s.GetStringArray("messages")).ToList()).ToList();
    }

    /// <summary>RFC 4180, read strictly: every cell quoted or empty, quotes doubled inside, CRLF between records.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            var cell = new System.Text.StringBuilder();
            if (text[i] == '"')
            {
                i++;
                while (!(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')))
                {
                    cell.Append(text[i]);
                    i += text[i] == '"' ? 2 : 1;
                }

                i++;
            }

            row.Add(cell.ToString());
            if (text[i] == ',')
            {
                i++;
                continue;
            }

            Assert.True(text[i] == '\r' && text[i + 1] == '\n', $"a record ends with CRLF, not {(int)text[i]} at {i}");
            i += 2;
            rows.Add(row);
            row = new List<string>();
        }

        return rows;
    }

    /// <summary>Polls observed state until it holds; a deadline, never a guessed delay, bounds the wait.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    public static void SingleError(RecordingHost host, string errorId, string target)
    {
        OperationError error = Assert.Single(host.Errors);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(target, error.Target);
    }
}
