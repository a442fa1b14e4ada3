using System;
using GptTrainer.Json;

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
            DataSourceUuid = o.GetString("uuid") ?? string.Empty,
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
            Meta = ModelReader.ToPowerShell(meta),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}

/// <summary>What the service said about one source of a bulk retrain or restart request.</summary>
public sealed class DataSourceOperationResult
{
    public string DataSourceUuid { get; set; } = string.Empty;

    public string? Status { get; set; }

    public string? Error { get; set; }

    public bool Succeeded => string.IsNullOrEmpty(Error);

    public override string ToString() => $"{DataSourceUuid}: {Error ?? Status}";

    internal static DataSourceOperationResult FromJson(JsonObject o) => new()
    {
        DataSourceUuid = o.GetString("uuid") ?? string.Empty,
        Status = o.GetString("status"),
        Error = o.GetString("error"),
    };
}

/// <summary>A coloured label grouping data sources.</summary>
public sealed class SourceTag
{
    public string SourceTagUuid { get; set; } = string.Empty;

    public string? ChatbotUuid { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>Hex colour such as #088F8F.</summary>
    public string? Color { get; set; }

    public string[] DataSourceUuids { get; set; } = Array.Empty<string>();

    public DateTime? CreatedAt { get; set; }

    public DateTime? ModifiedAt { get; set; }

    public override string ToString() => Name;

    internal static SourceTag FromJson(object? json, string? chatbotUuid)
    {
        JsonObject o = ModelReader.AsObject(json, "a source tag");
        return new SourceTag
        {
            SourceTagUuid = o.GetString("uuid") ?? string.Empty,
            ChatbotUuid = chatbotUuid,
            Name = o.GetString("name") ?? string.Empty,
            Color = o.GetString("color"),
            DataSourceUuids = o.GetStringArray("data_source_uuids"),
            CreatedAt = ModelReader.Timestamp(o, "created_at"),
            ModifiedAt = ModelReader.Timestamp(o, "modified_at"),
        };
    }
}

/// <summary>A model an agent can use, with what one message costs in message credits.</summary>
public sealed class ModelInfo
{
    public string Model { get; set; } = string.Empty;

    /// <summary>Message credits per answered message; null when the service lists no cost.</summary>
    public long? CreditsPerMessage { get; set; }

    /// <summary>False for a model that has a cost but is not in the catalogue of selectable models.</summary>
    public bool Selectable { get; set; }

    public override string ToString() => Model;
}
