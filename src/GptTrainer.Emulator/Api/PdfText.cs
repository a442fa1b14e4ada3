using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GptTrainer.Emulator;

/// <summary>
/// The text of an uploaded PDF, as the service reads one for its model: page by page in reading order,
/// lines the layout wrapped joined back into their sentences, typographic ligatures spelled out, so that
/// its words match a question's. Read as bytes, a PDF is its fonts and compressed streams: no question
/// finds its content, and its size, not its text's, decides whether it fits a model.
/// </summary>
public static class PdfText
{
    /// <summary>PDF's ligature characters, which a font may use for "fi" in "office"; invariant globalization has no NFKC to undo them.</summary>
    private static readonly (char Ligature, string Letters)[] Ligatures =
    {
        ('\uFB00', "ff"), ('\uFB01', "fi"), ('\uFB02', "fl"), ('\uFB03', "ffi"), ('\uFB04', "ffl"), ('\uFB05', "st"), ('\uFB06', "st"),
    };

    /// <summary>How a sentence, or a line quoting one, ends.</summary>
    private static readonly Regex EndsSentence = new(@"[.!?:;""'\u201D\u2019)\]]$", RegexOptions.Compiled);

    /// <summary>A file is a PDF when its header, "%PDF-", is within its first kilobyte, as readers accept it; the name does not matter.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> start) => start[..Math.Min(start.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>
    /// At most <paramref name="maxChars"/> of the text, and the size in UTF-8 bytes of all of it. Pages are
    /// read only until the text is long enough; the size of the pages not read is taken to be the average of
    /// those read, so a long PDF still counts as long. A PDF that cannot be read has no text: the service's
    /// reader, too, finds nothing in a broken file.
    /// </summary>
    public static (string Text, long Bytes) Read(Stream pdf, int maxChars)
    {
        try
        {
            using PdfDocument document = PdfDocument.Open(pdf);
            var text = new StringBuilder();
            int pagesRead = 0;
            foreach (Page page in document.GetPages())
            {
                if (text.Length > 0) text.Append("\n\n");
                text.Append(Tidy(ContentOrderTextExtractor.GetText(page)));
                pagesRead++;
                if (text.Length >= maxChars) break;
            }

            string all = text.ToString();
            long bytes = Encoding.UTF8.GetByteCount(all) * document.NumberOfPages / Math.Max(1, pagesRead);
            return (all.Length > maxChars ? all[..maxChars] : all, bytes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser of files from anywhere fails in many ways (format, encryption, a broken stream); each means no text.
            return ("", 0);
        }
    }

    /// <summary>
    /// Spells out ligatures and puts a page's lines back into paragraphs. A PDF holds lines, not paragraphs:
    /// a line that reaches across most of the page (three fifths of its longest line) without ending a
    /// sentence was wrapped by the layout and goes on in the next; any other line (a heading, a list item, a
    /// paragraph's last line) ends a paragraph, as a blank line does.
    /// </summary>
    public static string Tidy(string text)
    {
        foreach ((char ligature, string letters) in Ligatures)
        {
            text = text.Replace(ligature.ToString(), letters, StringComparison.Ordinal);
        }

        string[] lines = text.Split('\n').Select(l => l.Trim()).ToArray();
        int longest = lines.Max(l => l.Length);
        var tidy = new StringBuilder();
        string previous = "";
        foreach (string line in lines)
        {
            if (line.Length > 0)
            {
                bool wrapped = previous.Length >= longest * 3 / 5 && !EndsSentence.IsMatch(previous);
                tidy.Append(tidy.Length == 0 ? "" : wrapped ? " " : "\n\n").Append(line);
            }

            previous = line;
        }

        return tidy.ToString();
    }
}
