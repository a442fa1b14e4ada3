using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace GptTrainer.Tests;

/// <summary>
/// A one-page PDF of text lines, written by hand as a word processor writes one (a compressed content
/// stream, a standard font, a cross-reference table), so that tests upload a real PDF without a PDF
/// library of their own: what the emulator reads from it is then the emulator's doing alone.
/// </summary>
public static class TestPdf
{
    /// <param name="lines">The page's text, a line each.</param>
    /// <param name="embeddedFontBytes">
    /// Bytes of a stream no text needs, as a real PDF carries its embedded fonts: they make the file far
    /// larger than its text, as the SDK's sample PDF is (28 KB for a short story).
    /// </param>
    public static byte[] Of(IEnumerable<string> lines, int embeddedFontBytes = 0)
    {
        var content = new StringBuilder("BT /F1 11 Tf 14 TL 56 790 Td\n");
        foreach (string line in lines)
        {
            string escaped = line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
            content.Append('(').Append(escaped).Append(") Tj T*\n");
        }

        content.Append("ET\n");
        byte[] compressed = Compress(Encoding.Latin1.GetBytes(content.ToString()));

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        offsets.Add(pdf.Position);
        Write($"5 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        pdf.Write(compressed);
        Write("\nendstream\nendobj\n");
        if (embeddedFontBytes > 0)
        {
            byte[] font = new byte[embeddedFontBytes];
            new Random(21).NextBytes(font);
            offsets.Add(pdf.Position);
            Write($"6 0 obj\n<< /Length {font.Length} >>\nstream\n");
            pdf.Write(font);
            Write("\nendstream\nendobj\n");
        }

        long xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (long offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static byte[] Compress(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return output.ToArray();
    }
}
