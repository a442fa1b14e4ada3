using System.Security.Cryptography;

namespace GptTrainer.Sync;

/// <summary>
/// Where a synced source keeps its identity: in the file name the service stores for an upload, the one
/// field an upload sets that the service keeps as sent and lists back. The name carries which sync made
/// the source (a hash of its collection), which file it is (a hash of its path) and which content (a hash
/// of the bytes), after a readable form of the path and before the extension the service checks:
/// <c>guides+install.gtsync-3f9a1c2e-8b7d6e5f4a3b-0c1d2e3f4a5b6c7d.md</c>.
/// </summary>
/// <remarks>
/// Not the title: the service writes titles from the content for citations, and people rename them. Not
/// reference_source_link: citations show it as a link, and whether the list gives it back is not known.
/// Because the content hash is part of the name, an edit that keeps the size still changes the name, so the
/// service's duplicate rule (409 for the same name and size, as far as is known) never mistakes a new
/// version for the old one, and a 409 only ever means this very version is there already.
/// </remarks>
internal sealed class SyncedName
{
    private const string Marker = "gtsync";
    private const int CollectionIdLength = 8;
    private const int PathIdLength = 12;
    public const int ContentIdLength = 16;

    /// <summary>Long enough for any usual path; beyond it the start is cut, which only the readable part suffers.</summary>
    private const int MaximumReadableLength = 120;
    private const char Truncated = '~';

    private SyncedName(string collectionId, string pathId, string contentId, string path)
    {
        CollectionId = collectionId;
        PathId = pathId;
        ContentId = contentId;
        Path = path;
    }

    public string CollectionId { get; }

    public string PathId { get; }

    public string ContentId { get; }

    /// <summary>The relative path the readable part spells; exact unless the service altered the name or it was cut.</summary>
    public string Path { get; }

    public bool IsVersionOf(string collectionId, string pathId, string contentId)
        => CollectionId == collectionId && PathId == pathId && ContentId == contentId;

    /// <summary>Collections are named by people and compared without regard to case, as folder names on Windows are.</summary>
    public static string CollectionIdOf(string collection) => Hash(Normalized(collection).ToLowerInvariant(), CollectionIdLength);

    /// <summary>Paths keep their case: git and most file systems tell Guide.md from guide.md.</summary>
    public static string PathIdOf(string relativePath) => Hash(Normalized(relativePath), PathIdLength);

    public static string Compose(string collectionId, string relativePath, string contentId)
    {
        int slash = relativePath.LastIndexOf('/');
        string extension = System.IO.Path.GetExtension(relativePath.Substring(slash + 1));
        string readable = Escape(relativePath.Substring(0, relativePath.Length - extension.Length));
        if (readable.Length > MaximumReadableLength)
        {
            // Cut where a character begins: not inside a %XX escape, not between the halves of a surrogate pair.
            int cut = readable.Length - MaximumReadableLength;
            while (cut < readable.Length - 1 && (readable[cut - 1] == '%' || (cut >= 2 && readable[cut - 2] == '%') || char.IsLowSurrogate(readable[cut])))
            {
                cut++;
            }

            readable = Truncated + readable.Substring(cut);
        }

        return $"{(readable.Length == 0 ? "file" : readable)}.{Marker}-{collectionId}-{PathIdOf(relativePath)}-{contentId}{extension}";
    }

    /// <summary>
    /// The identity in a stored file name, or null for a name no sync made. Separators are read loosely (any of
    /// <c>. _ - space</c>), so a service that tidies file names the way web frameworks often do still leaves
    /// the identity readable.
    /// </summary>
    public static SyncedName? Parse(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        int at = fileName!.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 1 || !IsSeparator(fileName[at - 1]))
        {
            return null;
        }

        int position = at + Marker.Length;
        string? collectionId = ReadField(fileName, ref position, CollectionIdLength);
        string? pathId = ReadField(fileName, ref position, PathIdLength);
        string? contentId = ReadField(fileName, ref position, ContentIdLength);
        if (collectionId is null || pathId is null || contentId is null)
        {
            return null;
        }

        string extension = fileName.Substring(position);
        if (extension.Length > 0 && extension[0] != '.')
        {
            return null;
        }

        return new SyncedName(collectionId, pathId, contentId, Unescape(fileName.Substring(0, at - 1)) + extension);
    }

    internal static string Hex(byte[] bytes, int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; text.Length < length; i++)
        {
            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString(0, length);
    }

    private static string? ReadField(string name, ref int position, int length)
    {
        if (position + 1 + length > name.Length || !IsSeparator(name[position]))
        {
            return null;
        }

        for (int i = position + 1; i <= position + length; i++)
        {
            if (!Uri.IsHexDigit(name[i]))
            {
                return null;
            }
        }

        string field = name.Substring(position + 1, length).ToLowerInvariant();
        position += 1 + length;
        return field;
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '_' or ' ';

    private static string Hash(string text, int length)
    {
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(text)), length);
    }

    /// <summary>macOS hands out names decomposed, Windows and Linux composed: one form, so that every machine agrees.</summary>
    private static string Normalized(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate (possible in Windows names) cannot be normalised; the name is used as it is.
            return text;
        }
    }

    /// <summary>
    /// Folders are joined with '+', which reads well and no path separator is; '%', '+' and what Windows forbids
    /// in a file name are written as %XX, so the path reads back exactly.
    /// </summary>
    private static string Escape(string path)
        => PercentEscaping.Escape(path, static (c, i) => c is '%' or '+' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) || (i == 0 && c == Truncated))
            .Replace('/', '+');

    private static string Unescape(string readable)
    {
        bool truncated = readable.Length > 0 && readable[0] == Truncated;
        var text = new StringBuilder(readable.Length);
        var escaped = new List<byte>();
        for (int i = truncated ? 1 : 0; i < readable.Length; i++)
        {
            char c = readable[i];
            if (c == '%' && i + 2 < readable.Length && Uri.IsHexDigit(readable[i + 1]) && Uri.IsHexDigit(readable[i + 2]))
            {
                escaped.Add(Convert.ToByte(readable.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            // The bytes of one escaped character can take several %XX in a row; they decode together.
            text.Append(Encoding.UTF8.GetString(escaped.ToArray()));
            escaped.Clear();
            text.Append(c == '+' ? '/' : c);
        }

        text.Append(Encoding.UTF8.GetString(escaped.ToArray()));
        return truncated ? "..." + text : text.ToString();
    }
}
