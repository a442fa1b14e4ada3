using System.Net;

namespace GptTrainer.Evaluation;

/// <summary>
/// The report as one self-contained HTML file: styles inline, the latency chart drawn in inline SVG, no
/// script and nothing fetched from anywhere (its Content-Security-Policy forbids it). Every text from a case
/// or the service is HTML-escaped. The markup is also well-formed XML, so tools can read it back.
/// </summary>
internal static class HtmlReport
{
    private const string Style = @"
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2em; color: #1f2328; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
.headline { font-size: 1.2em; font-weight: 600; padding: .4em .8em; border-radius: 6px; display: inline-block; }
.headline.passed { background: #dafbe1; color: #116329; }
.headline.failed { background: #ffebe9; color: #a40e26; }
.details { color: #59636e; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { border: 1px solid #d1d9e0; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td.number { text-align: right; white-space: nowrap; }
tr.failed td { background: #fff5f5; }
tr.failed td.result { color: #a40e26; font-weight: 700; }
tr.passed td.result { color: #116329; }
.answer { white-space: pre-wrap; max-height: 12em; overflow: auto; }
ul.failures { margin: .4em 0 0; padding-left: 1.2em; color: #a40e26; font-weight: 600; }
ul.cited { margin: 0; padding-left: 1.2em; }
.chart text { font-size: 11px; fill: #59636e; }
";

    private const int ChartWidth = 720;
    private const int LabelWidth = 60;
    private const int ValueWidth = 150;

    public static string Write(EvaluationSummary summary)
    {
        string state = summary.AllPassed ? "passed" : "failed";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
            .Append("<title>Chatbot answers: ").Append(Encode(summary.Headline)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Chatbot answers</h1>\n")
            .Append("<p class=\"headline ").Append(state).Append("\">").Append(Encode(summary.Headline)).Append("</p>\n")
            .Append("<p class=\"details\">").Append(Encode(summary.Details)).Append("</p>\n");

        AppendChart(html, summary.Results);

        html.Append("<table>\n<thead><tr><th>Result</th><th>Case</th><th>Question</th><th>Answer</th><th>Cited</th><th>First piece</th><th>Duration</th><th>Runs</th></tr></thead>\n<tbody>\n");
        foreach (EvaluationResult result in summary.Results)
        {
            string outcome = result.Passed ? "passed" : "failed";
            html.Append("<tr class=\"").Append(outcome).Append("\" id=\"case-").Append(result.Case.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append("<td class=\"result\">").Append(outcome).Append("</td>")
                .Append("<td class=\"number\">").Append(result.Case.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(result.Name))
            {
                html.Append("<br/>").Append(Encode(result.Name!));
            }

            html.Append("</td><td>");
            html.Append(string.Join("<br/>", result.Questions.Select(Encode)));
            if (result.Failures.Length > 0)
            {
                html.Append("<ul class=\"failures\">");
                foreach (string failure in result.Failures)
                {
                    html.Append("<li>").Append(Encode(failure)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td><td><div class=\"answer\">").Append(Encode(result.Answer ?? string.Empty)).Append("</div></td><td>");
            List<Citation> sources = MarkdownReport.DistinctSources(result).ToList();
            if (sources.Count > 0)
            {
                html.Append("<ul class=\"cited\">");
                foreach (Citation source in sources)
                {
                    html.Append("<li title=\"").Append(Encode(source.DataSourceUuid ?? string.Empty)).Append("\">").Append(Encode(MarkdownReport.SourceName(source))).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td>")
                .Append("<td class=\"number\">").Append(Encode(EvaluationSummary.Milliseconds(result.FirstPieceMs))).Append("</td>")
                .Append("<td class=\"number\">").Append(Encode(EvaluationSummary.Milliseconds(result.DurationMs))).Append("</td>")
                .Append("<td class=\"number\">").Append(result.PassedRuns.ToString(CultureInfo.InvariantCulture)).Append('/').Append(result.Runs.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// A bar per case: its whole reply in a light bar, the wait for its first piece in a dark one over it,
    /// failed cases in red. Bars are thin when there are many cases, so the chart stays small.
    /// </summary>
    private static void AppendChart(StringBuilder html, IReadOnlyList<EvaluationResult> results)
    {
        List<EvaluationResult> timed = results.Where(r => r.DurationMs is not null).ToList();
        if (timed.Count == 0)
        {
            return;
        }

        double longest = Math.Max(1, timed.Max(r => r.DurationMs!.Value));
        int row = timed.Count <= 40 ? 16 : timed.Count <= 120 ? 6 : 3;
        int height = (timed.Count * row) + 24;
        double scale = (ChartWidth - LabelWidth - ValueWidth) / longest;
        html.Append("<h2>Latency</h2>\n<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(ChartWidth).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(ChartWidth).Append(' ').Append(height).Append("\">\n")
            .Append("<title>Time to the first piece (dark) and to the end of the reply (light), per case</title>\n");
        for (int i = 0; i < timed.Count; i++)
        {
            EvaluationResult result = timed[i];
            int y = i * row;
            string whole = result.Passed ? "#9ecbff" : "#ffaba8";
            string first = result.Passed ? "#0969da" : "#cf222e";
            string tip = $"Case {result.Case}: first piece {EvaluationSummary.Milliseconds(result.FirstPieceMs)}, whole reply {EvaluationSummary.Milliseconds(result.DurationMs)}{(result.Passed ? string.Empty : ", failed")}";
            html.Append("<g><title>").Append(Encode(tip)).Append("</title>");
            html.Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y + 1).Append("\" width=\"").Append(Number(result.DurationMs!.Value * scale)).Append("\" height=\"").Append(row - 2).Append("\" fill=\"").Append(whole).Append("\"/>");
            if (result.FirstPieceMs is double firstMs)
            {
                html.Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y + 1).Append("\" width=\"").Append(Number(firstMs * scale)).Append("\" height=\"").Append(row - 2).Append("\" fill=\"").Append(first).Append("\"/>");
            }

            if (row >= 12)
            {
                html.Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + row - 4).Append("\" text-anchor=\"end\">").Append(result.Case.ToString(CultureInfo.InvariantCulture)).Append("</text>");
                html.Append("<text x=\"").Append(Number(LabelWidth + (result.DurationMs.Value * scale) + 6)).Append("\" y=\"").Append(y + row - 4).Append("\">")
                    .Append(Encode(EvaluationSummary.Milliseconds(result.FirstPieceMs) + " / " + EvaluationSummary.Milliseconds(result.DurationMs))).Append("</text>");
            }

            html.Append("</g>\n");
        }

        int axis = timed.Count * row;
        html.Append("<line x1=\"").Append(LabelWidth).Append("\" y1=\"").Append(axis).Append("\" x2=\"").Append(ChartWidth - ValueWidth).Append("\" y2=\"").Append(axis).Append("\" stroke=\"#59636e\"/>")
            .Append("<text x=\"").Append(LabelWidth).Append("\" y=\"").Append(axis + 16).Append("\">0</text>")
            .Append("<text x=\"").Append(ChartWidth - ValueWidth).Append("\" y=\"").Append(axis + 16).Append("\" text-anchor=\"end\">").Append(Encode(EvaluationSummary.Milliseconds(longest))).Append("</text>\n")
            .Append("</svg>\n");
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>HTML-escaped, and without the control characters that neither HTML nor XML may hold.</summary>
    internal static string Encode(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            clean.Append(c < ' ' && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c);
        }

        return WebUtility.HtmlEncode(clean.ToString());
    }
}
