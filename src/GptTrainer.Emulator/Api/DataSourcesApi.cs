using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>
/// Data sources of a chatbot: file, Q&amp;A and URL sources, their titles, the list, re-scraping, the
/// restart route outside /v1, and the deletes (POST, unlike chatbots, agents and tags).
/// </summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Data sources".</remarks>
public static class DataSourcesApi
{
    private static readonly string[] AllowedExtensions = { ".pdf", ".txt", ".md", ".doc", ".docx", ".csv", ".json", ".html", ".htm", ".pptx", ".xlsx", ".xls", ".rtf", ".png", ".jpg", ".jpeg" };

    public static void Map(RouteGroupBuilder v1, RouteGroupBuilder api, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/data-source/upload", (HttpContext ctx, string uuid) => ApiForms.WithFile(ctx, async (form, file) =>
        {
            string extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!AllowedExtensions.Contains(extension)) return Bad($"file type not allowed: {extension}");
            (string text, long textBytes) = await ApiForms.ReadText(file);

            // The docs' examples send the link both ways; accept either.
            string link = form["reference_source_link"].FirstOrDefault() ?? LinkFromMeta(form["meta_json"].FirstOrDefault()) ?? "";
            return Found(store, store.Chatbots, uuid, _ =>
            {
                // The service refuses the same file twice with 409 and the source it already has.
                SourceRecord? existing = store.Sources.Values.FirstOrDefault(s => s.ChatbotUuid == uuid && s.Type == "upload" && s.FileName == file.FileName && s.FileSize == file.Length);
                if (existing is not null) return Json(existing.ToJson(), StatusCodes.Status409Conflict);
                var source = new SourceRecord
                {
                    ChatbotUuid = uuid,
                    Title = file.FileName,
                    FileName = file.FileName,
                    FileSize = file.Length,
                    Type = "upload",
                    Text = text,
                    TextBytes = textBytes,
                    MetaJson = link.Length > 0 ? new JsonObject { ["reference_source_link"] = link }.ToJsonString(Relaxed) : "{}",
                };
                store.AddSource(source);
                return Json(source.ToJson());
            });
        })).TakesUploads();
        v1.MapPost("/chatbot/{uuid}/data-source/qa", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (NonEmptyStr(body, "question") is not string question) return Bad("question is required");
            if (NonEmptyStr(body, "answer") is not string answer) return Bad("answer is required");
            return Found(store, store.Chatbots, uuid, _ =>
            {
                var source = new SourceRecord
                {
                    ChatbotUuid = uuid,
                    Title = question,
                    FileName = "",
                    Type = "qa",
                    Text = answer,
                    MatchContext = question,
                    FileSize = Encoding.UTF8.GetByteCount(question + answer),
                    MetaJson = new JsonObject { ["question"] = question, ["answer"] = answer }.ToJsonString(Relaxed),
                };
                store.AddSource(source);
                return Json(source.ToJson());
            });
        }));
        v1.MapPost("/chatbot/{uuid}/data-source/url", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (Str(body, "url") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != "http" && parsed.Scheme != "https"))
            {
                return Bad("url is required and must be an absolute http(s) URL");
            }

            return Found(store, store.Chatbots, uuid, _ =>
            {
                if (store.Sources.Values.Any(s => s.ChatbotUuid == uuid && s.Type == "link" && s.FileName == url))
                {
                    return Json(new JsonObject { ["error"] = "this URL already exists" }, StatusCodes.Status409Conflict);
                }

                var source = new SourceRecord
                {
                    ChatbotUuid = uuid,
                    Title = parsed.Host + parsed.AbsolutePath,
                    FileName = url,
                    Type = "link",
                };
                RescrapePage(store, source);
                store.AddSource(source);
                return Json(source.ToJson());
            });
        }));
        v1.MapPost("/data-source/{uuid}/update", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (NonEmptyStr(body, "title") is not string title) return Bad("title is required");
            store.RefreshSources();
            return Found(store, store.Sources, uuid, source =>
            {
                source.Title = title;
                source.Touch();
                return Json(source.ToJson());
            });
        }));
        v1.MapGet("/chatbot/{uuid}/data-sources", (string uuid) =>
        {
            store.RefreshSources();
            return Found(store, store.Chatbots, uuid, _ => JsonList(store.Sources.Values
                .Where(s => s.ChatbotUuid == uuid)
                .OrderBy(s => s.Sequence)
                .Select(s => s.ToJson())));
        });

        // Scraping again reads the page anew: a test that registers new text for a URL sees it once processed.
        v1.MapPost("/data-sources/url/re-scrape", Task<IResult> (HttpContext ctx) => WithUuids(ctx, uuids =>
            Restart(store, uuids, s => s.Type == "link", "await", "restarted scraping", RescrapePage)));
        v1.MapPost("/data-source/{uuid}/delete", (string uuid) => Found(store, store.Sources, uuid, _ =>
        {
            store.RemoveSources(new[] { uuid });
            return Success();
        }));
        v1.MapPost("/data-sources/delete", Task<IResult> (HttpContext ctx) => WithUuids(ctx, uuids =>
        {
            store.RemoveSources(uuids);
            return Success();
        }));

        // Outside /api/v1, as the Python SDK calls it; the answer's shape is a guess modelled on re-scrape.
        api.MapPost("/data-sources/restart", Task<IResult> (HttpContext ctx) => WithUuids(ctx, uuids =>
            Restart(store, uuids, _ => true, "queued", "queued")));
    }

    /// <summary>
    /// Agents and tags name their sources in "data_source_uuids"; only sources of the same chatbot may be
    /// named, and the list replaces the old one.
    /// </summary>
    public static IResult? ApplySourceList(Store store, string chatbotUuid, JsonObject body, Action<List<string>> set)
    {
        if (!body.ContainsKey("data_source_uuids")) return null;
        if (SourceList(store, chatbotUuid, body["data_source_uuids"]) is not List<string> sources) return Bad("data_source_uuids must list sources of this chatbot");
        set(sources);
        return null;
    }

    private static List<string>? SourceList(Store store, string chatbotUuid, JsonNode? node)
    {
        if (node is not JsonArray items) return null;
        var result = new List<string>();
        foreach (JsonNode? item in items)
        {
            if ((string?)item is not string uuid || !store.Sources.TryGetValue(uuid, out SourceRecord? s) || s.ChatbotUuid != chatbotUuid) return null;
            result.Add(uuid);
        }

        return result;
    }

    /// <summary>
    /// Re-scrape and restart send sources back through processing, starting in <paramref name="firstStatus"/>,
    /// and answer per uuid, so one unknown uuid does not fail the others.
    /// </summary>
    private static IResult Restart(Store store, IEnumerable<string> uuids, Func<SourceRecord, bool> eligible, string firstStatus, string answered, Action<Store, SourceRecord>? before = null)
    {
        lock (store.Gate)
        {
            store.RefreshSources();
            var results = new JsonArray();
            foreach (string uuid in uuids)
            {
                if (store.Sources.TryGetValue(uuid, out SourceRecord? s) && eligible(s))
                {
                    before?.Invoke(store, s);
                    store.Processing.Start(s, firstStatus);
                    s.Touch();
                    results.Add(new JsonObject { ["uuid"] = uuid, ["status"] = answered });
                }
                else
                {
                    results.Add(new JsonObject { ["uuid"] = uuid, ["error"] = "invalid data source" });
                }
            }

            return Json(results);
        }
    }

    /// <summary>A page's stored text, as first scraped or scraped again; never fetched (tests stay offline).</summary>
    private static void RescrapePage(Store store, SourceRecord source)
    {
        source.Text = store.PageText(source.FileName);
        source.FileSize = Encoding.UTF8.GetByteCount(source.Text);
    }

    private static string? LinkFromMeta(string? metaJson)
    {
        if (string.IsNullOrEmpty(metaJson)) return null;
        try
        {
            return JsonNode.Parse(metaJson)?["reference_source_link"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
