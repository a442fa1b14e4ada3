namespace GptTrainer.Models;

/// <summary>A source cited in a reply; Key is the marker's text, "1.1" for [1.1].</summary>
public sealed class Citation
{
    public string Key { get; set; } = string.Empty;

    public string? DataSourceUuid { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public string? FileName { get; set; }

    public string? Type { get; set; }

    public override string ToString() => $"[{Key}] {Title}";

    internal static Citation[] ParseAll(string? citeDataJson)
    {
        if (JsonConvert.ParseEmbedded(citeDataJson) is not JsonObject map)
        {
            return Array.Empty<Citation>();
        }

        var result = new List<Citation>(map.Count);
        foreach (KeyValuePair<string, object?> entry in map)
        {
            JsonObject item = entry.Value as JsonObject ?? new JsonObject();
            result.Add(new Citation
            {
                Key = entry.Key,
                DataSourceUuid = item.GetString("data_source_uuid"),
                Title = item.GetString("title"),
                Text = item.GetString("text"),
                FileName = item.GetString("file_name"),
                Type = item.GetString("type"),
            });
        }

        return result.ToArray();
    }
}
