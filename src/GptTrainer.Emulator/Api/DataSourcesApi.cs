using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Data sources of a chatbot: file, Q&amp;A and URL sources, their titles, re-scraping, restarting and deletes.</summary>
public static class DataSourcesApi
{
    private static readonly string[] AllowedExtensions = { ".pdf", ".txt", ".md", ".doc", ".docx", ".csv", ".json", ".html", ".htm", ".pptx", ".xlsx", ".xls", ".rtf", ".png", ".jpg", ".jpeg" };

    public static void Map(RouteGroupBuilder v1, RouteGroupBuilder api, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/data-source/upload", async (HttpContext ctx, string uuid) =>
        {
            if (!ctx.Request.HasFormContentType) return Bad("multipart/form-data with a file part is required");
            IFormCollection form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            IFormFile? file = form.Files["file"];
            if (file is null) return Bad("file is required");
            string extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (!AllowedExtensions.Contains(extension)) return Bad($"file type not allowed: {extension}");
            string text = await ReadText(file);
            string link = form["reference_source_link"].FirstOrDefault() ?? LinkFromMeta(form["meta_json"].FirstOrDefault()) ?? "";
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
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
                    ReferenceSourceLink = link,
                    MetaJson = link.Length > 0 ? new JsonObject { ["reference_source_link"] = link }.ToJsonString(Relaxed) : "{}",
                };
                store.Sources[source.Uuid] = source;
                return Json(source.ToJson());
            }
        });
        v1.MapPost("/chatbot/{uuid}/data-source/qa", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "question") is not string question || question.Length == 0) return Bad("question is required");
            if (Str(body, "answer") is not string answer || answer.Length == 0) return Bad("answer is required");
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var source = new SourceRecord
                {
                    ChatbotUuid = uuid,
                    Title = question,
                    FileName = "",
                    Type = "qa",
                    Text = answer,
                    MatchContext = question,
                    FileSize = Encoding.UTF8.GetByteCount(question + answer),
                    ReferenceSourceLink = Str(body, "reference_source_link") ?? "",
                    MetaJson = new JsonObject { ["question"] = question, ["answer"] = answer }.ToJsonString(Relaxed),
                };
                store.Sources[source.Uuid] = source;
                return Json(source.ToJson());
            }
        });
        v1.MapPost("/chatbot/{uuid}/data-source/url", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "url") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != "http" && parsed.Scheme != "https"))
            {
                return Bad("url is required and must be an absolute http(s) URL");
            }

            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                if (store.Sources.Values.Any(s => s.ChatbotUuid == uuid && s.Type == "link" && s.FileName == url))
                {
                    return Json(new JsonObject { ["error"] = "this URL already exists" }, StatusCodes.Status409Conflict);
                }

                string page = store.WebPages.TryGetValue(url, out string? registered) ? registered : $"The page at {url}.";
                var source = new SourceRecord
                {
                    ChatbotUuid = uuid,
                    Title = parsed.Host + parsed.AbsolutePath,
                    FileName = url,
                    Type = "link",
                    Text = page,
                    FileSize = Encoding.UTF8.GetByteCount(page),
                    ReferenceSourceLink = Str(body, "reference_source_link") ?? "",
                };
                store.Sources[source.Uuid] = source;
                return Json(source.ToJson());
            }
        });
        v1.MapPost("/data-source/{uuid}/update", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "title") is not string title || title.Length == 0) return Bad("title is required");
            lock (store.Gate)
            {
                if (!store.Sources.TryGetValue(uuid, out SourceRecord? source)) return NotFound();
                source.Title = title;
                source.Touch();
                return Json(source.ToJson());
            }
        });
        v1.MapGet("/chatbot/{uuid}/data-sources", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var sources = store.Sources.Values.Where(s => s.ChatbotUuid == uuid).ToList();

                // Processing "finishes" by the next look, so clients see both states.
                var listed = new JsonArray(sources.Select(s => (JsonNode)s.ToJson()).ToArray());
                foreach (SourceRecord s in sources.Where(s => s.Status is "await" or "queued"))
                {
                    s.Status = "success";
                }

                return Json(listed);
            }
        });
        v1.MapPost("/data-sources/url/re-scrape", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Uuids(body) is not HashSet<string> uuids) return Bad("uuids is required");
            lock (store.Gate)
            {
                var results = new JsonArray();
                foreach (string uuid in uuids)
                {
                    if (store.Sources.TryGetValue(uuid, out SourceRecord? s) && s.Type == "link")
                    {
                        s.Status = "await";
                        s.Touch();
                        results.Add(new JsonObject { ["uuid"] = uuid, ["status"] = "restarted scraping" });
                    }
                    else
                    {
                        results.Add(new JsonObject { ["uuid"] = uuid, ["error"] = "invalid data source" });
                    }
                }

                return Json(results);
            }
        });
        v1.MapPost("/data-source/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Sources.ContainsKey(uuid)) return NotFound();
                store.RemoveSources(new[] { uuid });
                return Success();
            }
        });
        v1.MapPost("/data-sources/delete", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Uuids(body) is not HashSet<string> uuids) return Bad("uuids is required");
            store.RemoveSources(uuids);
            return Success();
        });

        // Outside /api/v1, as the Python SDK calls it.
        api.MapPost("/data-sources/restart", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Uuids(body) is not HashSet<string> uuids) return Bad("uuids is required");
            lock (store.Gate)
            {
                var results = new JsonArray();
                foreach (string uuid in uuids)
                {
                    if (store.Sources.TryGetValue(uuid, out SourceRecord? s))
                    {
                        s.Status = "queued";
                        s.Touch();
                        results.Add(new JsonObject { ["uuid"] = uuid, ["status"] = "queued" });
                    }
                    else
                    {
                        results.Add(new JsonObject { ["uuid"] = uuid, ["error"] = "invalid data source" });
                    }
                }

                return Json(results);
            }
        });
    }

    public static List<string>? SourceList(Store store, string chatbotUuid, JsonNode? node)
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
