namespace GptTrainer.Models;

/// <summary>A piece of knowledge a chatbot answers from: an uploaded file, a web page, a Q&amp;A pair...</summary>
public sealed class DataSource
{
    public string DataSourceUuid { get; set; } = string.Empty;

    /// <summary>Known when the source was listed or created through its chatbot; the API does not return it.</summary>
    public string? ChatbotUuid { get; set; }

    /// <summary>Shown in citations; AI-generated unless renamed.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The original file name, or the URL of a link source.</summary>
    public string? FileName { get; set; }

    public long? FileSize { get; set; }

    public long? Tokens { get; set; }

    /// <summary>upload, link, qa, google-drive, table, image, video... (an open set).</summary>
    public string? Type { get; set; }

    /// <summary>await, embedding, running, success, error, fail... (an open set).</summary>
    public string? Status { get; set; }

    /// <summary>The question of a Q&amp;A source.</summary>
    public string? Question { get; set; }

    /// <summary>The answer of a Q&amp;A source.</summary>
    public string? Answer { get; set; }

    public object? Meta { get; set; }

    /// <summary>meta_json exactly as the API returned it.</summary>
    public string? MetaJson { get; set; }

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Title;

    internal static DataSource FromJson(object? json, string? chatbotUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "a data source");
        string? metaJson = o.GetString("meta_json");
        JsonObject? meta = JsonConvert.ParseEmbedded(metaJson) as JsonObject;
        return new DataSource
        {
            DataSourceUuid = ModelReader.Uuid(o, "a data source"),
            ChatbotUuid = chatbotUuid,
            Title = o.GetString("title") ?? string.Empty,
            FileName = o.GetString("file_name"),
            FileSize = o.GetInt64("file_size"),
            Tokens = o.GetInt64("tokens"),
            Type = o.GetString("type"),
            Status = o.GetString("status"),
            Question = meta?.GetString("question"),
            Answer = meta?.GetString("answer"),
            MetaJson = metaJson,
            Meta = ModelReader.FreeForm(meta),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}
