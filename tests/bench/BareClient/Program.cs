// Reads a GPT-trainer stream endpoint the plainest way HttpClient allows and prints one JSON line per
// run, so the benchmark can put the module's figures beside the fastest a .NET reader can be.
//
// usage: BareClient <stream-url> <api-key> <runs> <mode>
//   mode "drain":  read to the end; report elapsed ms, bytes and reads
//   mode "stamps": also, for each "T=<ticks>" line, how long after it was written it was read (µs)
//   mode "decode": also turn each read into a string, as any reader that hands out text must
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: BareClient <stream-url> <api-key> <runs> <drain|stamps>");
    return 2;
}

string url = args[0];
string key = args[1];
int runs = int.Parse(args[2]);
bool stamps = args[3] == "stamps";
bool decode = args[3] == "decode";
using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = Timeout.InfiniteTimeSpan };
byte[] buffer = new byte[64 * 1024];
var decoder = new UTF8Encoding(false).GetDecoder();
char[] chars = new char[buffer.Length + 1];

for (int run = 0; run < runs; run++)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, url)
    {
        Content = new StringContent("{\"query\":\"bench\"}", Encoding.UTF8, "application/json"),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    var watch = Stopwatch.StartNew();
    using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using Stream body = await response.Content.ReadAsStreamAsync();
    long bytes = 0;
    long reads = 0;
    var delays = new List<double>();
    var line = new StringBuilder();
    int n;
    while ((n = await body.ReadAsync(buffer)) > 0)
    {
        long now = DateTime.UtcNow.Ticks;
        bytes += n;
        reads++;
        if (decode)
        {
            int count = decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            GC.KeepAlive(new string(chars, 0, count));
        }

        if (stamps)
        {
            foreach (char c in Encoding.ASCII.GetString(buffer, 0, n))
            {
                if (c == '\n')
                {
                    string text = line.ToString();
                    if (text.StartsWith("T=", StringComparison.Ordinal))
                    {
                        delays.Add((now - long.Parse(text.AsSpan(2))) / 10.0);
                    }

                    line.Clear();
                }
                else
                {
                    line.Append(c);
                }
            }
        }
    }

    watch.Stop();
    string delayJson = stamps ? ",\"delaysUs\":[" + string.Join(",", delays.Select(d => d.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))) + "]" : string.Empty;
    Console.WriteLine($"{{\"run\":{run},\"ms\":{watch.Elapsed.TotalMilliseconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)},\"bytes\":{bytes},\"reads\":{reads}{delayJson}}}");
}

return 0;
