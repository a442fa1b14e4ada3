using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GptTrainer.Emulator;

/// <summary>The GPT-trainer REST API as ../shared/gpt-trainer-api.md describes it, quirks included.</summary>
public static class Api
{
    private static readonly string[] Visibilities = { "private", "public", "hybrid" };
    private static readonly string[] AgentTypes = { "user-facing", "background", "human-escalation", "pre-canned", "spam-defense" };
    private static readonly string[] SingletonAgentTypes = { "human-escalation", "spam-defense" };
    private static readonly string[] AllowedExtensions = { ".pdf", ".txt", ".md", ".doc", ".docx", ".csv", ".json", ".html", ".htm", ".pptx", ".xlsx", ".xls", ".rtf", ".png", ".jpg", ".jpeg" };

    public static void Map(WebApplication app, Store store, Control control)
    {
        RouteGroupBuilder v1 = app.MapGroup("/api/v1");

        // Chatbots
        v1.MapPost("/chatbot/create", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "name") is not string name || name.Length == 0) return Bad("name is required");
            var bot = new ChatbotRecord { Name = name };
            if (ApplyChatbotSettings(bot, body) is IResult invalid) return invalid;
            var general = new AgentRecord
            {
                ChatbotUuid = bot.Uuid,
                Name = "General Q&A",
                Description = "Handles general questions using the source library.",
                Prompt = "You are a helpful assistant. Answer from the sources.",
                Type = "user-facing",
                Enabled = true,
                Meta = new JsonObject { ["model"] = "gpt-4o-mini-4k", ["temperature"] = 0, ["use_all_sources"] = true },
            };
            lock (store.Gate)
            {
                store.Chatbots[bot.Uuid] = bot;
                store.Agents[general.Uuid] = general;
            }

            return Json(bot.ToJson());
        });
        v1.MapPost("/chatbot/{uuid}/update", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            lock (store.Gate)
            {
                if (!store.Chatbots.TryGetValue(uuid, out ChatbotRecord? bot)) return NotFound();
                if (body.ContainsKey("name"))
                {
                    if (Str(body, "name") is not string name || name.Length == 0) return Bad("name must not be empty");
                    bot.Name = name;
                }

                if (ApplyChatbotSettings(bot, body) is IResult invalid) return invalid;
                bot.Touch();
                return Json(bot.ToJson());
            }
        });
        v1.MapGet("/chatbot/{uuid}", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Chatbots.TryGetValue(uuid, out ChatbotRecord? bot) ? Json(bot.ToJson()) : NotFound();
            }
        });
        v1.MapGet("/chatbots", () =>
        {
            lock (store.Gate)
            {
                return Json(new JsonArray(store.Chatbots.Values.Select(b => (JsonNode)b.ToJson()).ToArray()));
            }
        });
        v1.MapDelete("/chatbot/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                store.RemoveChatbot(uuid);
                return Success();
            }
        });

        // Agents
        v1.MapPost("/chatbot/{uuid}/agent/create", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "name") is not string name || name.Length == 0) return Bad("name is required");
            if (Str(body, "type") is not string type) return Bad("type is required");
            if (!AgentTypes.Contains(type)) return Bad($"type must be one of {string.Join(", ", AgentTypes)}");
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                if (SingletonAgentTypes.Contains(type) && store.Agents.Values.Any(a => a.ChatbotUuid == uuid && a.Type == type))
                {
                    return Bad($"only one {type} agent is allowed per chatbot");
                }

                // New agents start disabled, as the service creates them.
                var agent = new AgentRecord { ChatbotUuid = uuid, Name = name, Type = type, Enabled = false };
                if (ApplyAgentFields(store, agent, body, creating: true) is IResult invalid) return invalid;
                store.Agents[agent.Uuid] = agent;
                return Json(agent.ToJson());
            }
        });
        v1.MapPost("/agent/{uuid}/update", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            lock (store.Gate)
            {
                if (!store.Agents.TryGetValue(uuid, out AgentRecord? agent)) return NotFound();
                if (body.ContainsKey("type") && Str(body, "type") != agent.Type) return Bad("the type of an agent cannot be changed");
                if (body.ContainsKey("name"))
                {
                    if (Str(body, "name") is not string name || name.Length == 0) return Bad("name must not be empty");
                    agent.Name = name;
                }

                if (body.ContainsKey("enabled"))
                {
                    if (Bool(body["enabled"]) is not bool enabled) return Bad("enabled must be a boolean");
                    agent.Enabled = enabled;
                }

                if (ApplyAgentFields(store, agent, body, creating: false) is IResult invalid) return invalid;
                agent.Touch();
                JsonObject json = agent.ToJson();

                // The update example in the docs answers with a real boolean, unlike create and list.
                json["enabled"] = agent.Enabled;
                return Json(json);
            }
        });
        v1.MapGet("/chatbot/{uuid}/agents", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                return Json(new JsonArray(store.Agents.Values.Where(a => a.ChatbotUuid == uuid).Select(a => (JsonNode)a.ToJson()).ToArray()));
            }
        });
        v1.MapDelete("/agent/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Agents.Remove(uuid) ? Success() : NotFound();
            }
        });
        v1.MapGet("/agent/models", () => Json(new JsonObject { ["models"] = new JsonArray(Store.Models.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()) }));
        v1.MapGet("/agent/model-costs", () =>
        {
            var costs = new JsonObject();
            foreach (var pair in Store.ModelCosts) costs[pair.Key] = pair.Value;
            return Json(new JsonObject { ["model_costs"] = costs });
        });

        // Sessions
        v1.MapPost("/chatbot/{uuid}/session/create", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            JsonObject? variables = null;
            if (body["initial_variables"] is JsonNode node)
            {
                if (node is not JsonObject obj || obj.Any(p => p.Value is JsonObject or JsonArray)) return Bad("initial_variables must be a flat object");
                variables = obj;
            }

            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var session = new SessionRecord { ChatbotUuid = uuid, InitialVariables = (JsonObject?)variables?.DeepClone() };
                store.Sessions[session.Uuid] = session;
                return Json(session.ToJson(includeInitialVariables: true));
            }
        });
        v1.MapGet("/session/{uuid}", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Sessions.TryGetValue(uuid, out SessionRecord? s) ? Json(s.ToJson(includeInitialVariables: false)) : NotFound();
            }
        });
        v1.MapGet("/chatbot/{uuid}/sessions", (HttpContext ctx, string uuid) =>
        {
            DateTime? start = null, end = null;
            if (ctx.Request.Query["start_timestamp"].FirstOrDefault() is string startText)
            {
                if (ParseFilterTime(startText) is not DateTime parsed) return Bad("start_timestamp must look like YYYY-MM-DDTHH:mm:ss.sssZ");
                start = parsed;
            }

            if (ctx.Request.Query["end_timestamp"].FirstOrDefault() is string endText)
            {
                if (ParseFilterTime(endText) is not DateTime parsed) return Bad("end_timestamp must look like YYYY-MM-DDTHH:mm:ss.sssZ");
                end = parsed;
            }

            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var sessions = store.Sessions.Values
                    .Where(s => s.ChatbotUuid == uuid)
                    .Where(s => start is null || s.CreatedUtc >= start)
                    .Where(s => end is null || s.CreatedUtc <= end)
                    .Select(s => (JsonNode)s.ToJson(includeInitialVariables: false));
                return Json(new JsonArray(sessions.ToArray()));
            }
        });
        v1.MapPost("/session/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Sessions.Remove(uuid) ? Success() : NotFound();
            }
        });

        // Messages
        v1.MapPost("/session/{uuid}/message", () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        v1.MapPost("/session/{uuid}/message/stream", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "query") is not string query || query.Length == 0) return Bad("query is required");
            SessionRecord? session;
            lock (store.Gate)
            {
                store.Sessions.TryGetValue(uuid, out session);
            }

            if (session is null) return NotFound();
            await Streaming.StreamReplyAsync(ctx, store, control, session, query);
            return Results.Empty;
        });
        v1.MapPost("/session/{uuid}/message/non-stream", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "query") is not string query || query.Length == 0) return Bad("query is required");
            var documents = body["session_document_uuids"] is JsonArray docs ? docs.Select(d => (string?)d ?? "").ToList() : new List<string>();
            SessionRecord? session;
            lock (store.Gate)
            {
                store.Sessions.TryGetValue(uuid, out session);
                if (documents.FirstOrDefault(d => !store.Documents.ContainsKey(d)) is string unknown) return Bad($"unknown session document {unknown}");
            }

            if (session is null) return NotFound();
            ReplyComposer.Composed reply = ReplyComposer.Compose(store, session, query, documents);
            store.AddMessage(session, query, reply.Text, reply.CiteDataJson, documents);
            return Json(new JsonObject { ["response"] = reply.Text });
        });
        v1.MapGet("/session/{uuid}/messages", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Sessions.TryGetValue(uuid, out SessionRecord? s)) return NotFound();
                return Json(new JsonArray(s.Messages.Select(m => (JsonNode)m.ToJson()).ToArray()));
            }
        });
        v1.MapGet("/session/{uuid}/messages/plain-text", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Sessions.TryGetValue(uuid, out SessionRecord? s)) return NotFound();
                var text = new StringBuilder();
                foreach (MessageRecord m in s.Messages)
                {
                    text.Append("User: ").Append(m.Query).Append('\n').Append("AI: ").Append(m.Response).Append("\n\n");
                }

                return Results.Text(text.ToString(), "text/plain; charset=utf-8");
            }
        });
        v1.MapPost("/message/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                foreach (SessionRecord s in store.Sessions.Values)
                {
                    if (s.Messages.RemoveAll(m => m.Uuid == uuid) > 0) return Success();
                }

                return NotFound();
            }
        });
        v1.MapPost("/messages/delete", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Uuids(body) is not HashSet<string> uuids) return Bad("uuids is required");
            lock (store.Gate)
            {
                foreach (SessionRecord s in store.Sessions.Values)
                {
                    s.Messages.RemoveAll(m => uuids.Contains(m.Uuid));
                }
            }

            return Success();
        });

        // Data sources
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
        app.MapPost("/api/data-sources/restart", async (HttpContext ctx) =>
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

        // Source tags
        v1.MapPost("/chatbot/{uuid}/source-tag/create", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (Str(body, "name") is not string name || name.Length == 0) return Bad("name is required");
            if (Str(body, "color") is not string color || !IsHexColor(color)) return Bad("color is required as a hex colour such as #088F8F");
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                var tag = new TagRecord { ChatbotUuid = uuid, Name = name, Color = color };
                if (body.ContainsKey("data_source_uuids"))
                {
                    if (SourceList(store, uuid, body["data_source_uuids"]) is not List<string> members) return Bad("data_source_uuids must list sources of this chatbot");
                    tag.DataSourceUuids = members;
                }

                store.Tags[tag.Uuid] = tag;
                return Json(tag.ToJson());
            }
        });
        v1.MapGet("/chatbot/{uuid}/source-tags", (string uuid) =>
        {
            lock (store.Gate)
            {
                if (!store.Chatbots.ContainsKey(uuid)) return NotFound();
                return Json(new JsonArray(store.Tags.Values.Where(t => t.ChatbotUuid == uuid).Select(t => (JsonNode)t.ToJson()).ToArray()));
            }
        });
        v1.MapPost("/source-tag/{uuid}/update", async (HttpContext ctx, string uuid) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            lock (store.Gate)
            {
                if (!store.Tags.TryGetValue(uuid, out TagRecord? tag)) return NotFound();
                if (body.ContainsKey("name"))
                {
                    if (Str(body, "name") is not string name || name.Length == 0) return Bad("name must not be empty");
                    tag.Name = name;
                }

                if (body.ContainsKey("color"))
                {
                    if (Str(body, "color") is not string color || !IsHexColor(color)) return Bad("color must be a hex colour such as #088F8F");
                    tag.Color = color;
                }

                if (body.ContainsKey("data_source_uuids"))
                {
                    if (SourceList(store, tag.ChatbotUuid, body["data_source_uuids"]) is not List<string> members) return Bad("data_source_uuids must list sources of this chatbot");
                    tag.DataSourceUuids = members;
                }

                tag.Touch();
                return Json(tag.ToJson());
            }
        });
        v1.MapDelete("/source-tag/{uuid}/delete", (string uuid) =>
        {
            lock (store.Gate)
            {
                return store.Tags.Remove(uuid) ? Success() : NotFound();
            }
        });

        // Session documents (undocumented; used by the Python SDK)
        v1.MapPost("/session-document/upload", async (HttpContext ctx) =>
        {
            if (!ctx.Request.HasFormContentType) return Bad("multipart/form-data with a file part is required");
            IFormCollection form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            IFormFile? file = form.Files["file"];
            if (file is null) return Bad("file is required");
            var document = new DocumentRecord
            {
                FileName = form["filename"].FirstOrDefault() ?? file.FileName,
                Size = file.Length,
                Text = await ReadText(file),
            };
            lock (store.Gate)
            {
                store.Documents[document.Uuid] = document;
            }

            return Json(document.ToJson());
        });
    }

    private static IResult? ApplyChatbotSettings(ChatbotRecord bot, JsonObject body)
    {
        if (body.ContainsKey("visibility"))
        {
            if (Str(body, "visibility") is not string visibility || !Visibilities.Contains(visibility)) return Bad("visibility must be private, public or hybrid");
            bot.Visibility = visibility;
        }

        if (body.ContainsKey("rate_limit"))
        {
            if (body["rate_limit"] is not JsonArray { Count: 2 } limit
                || Int(limit[0]) is not int messages || Int(limit[1]) is not int seconds
                || messages is < 1 or > 100 || seconds is < 1 or > 360)
            {
                return Bad("rate_limit must be [messages 1-100, seconds 1-360]");
            }

            bot.RateLimit = new JsonArray(messages, seconds);
        }

        if (body.ContainsKey("rate_limit_message"))
        {
            bot.RateLimitMessage = Str(body, "rate_limit_message") ?? "";
        }

        if (body.ContainsKey("show_citations"))
        {
            if (Bool(body["show_citations"]) is not bool show) return Bad("show_citations must be a boolean");
            bot.ShowCitations = show;
        }

        return null;
    }

    private static IResult? ApplyAgentFields(Store store, AgentRecord agent, JsonObject body, bool creating)
    {
        // The docs' table nests some settings in "meta" while every example sends them flat: accept both.
        JsonObject fields = (JsonObject)body.DeepClone();
        if (fields["meta"] is JsonObject meta)
        {
            foreach (var pair in meta.ToList())
            {
                meta.Remove(pair.Key);
                fields[pair.Key] = pair.Value;
            }
        }

        if (fields.ContainsKey("description")) agent.Description = Str(fields, "description") ?? "";
        if (fields.ContainsKey("prompt")) agent.Prompt = Str(fields, "prompt") ?? "";
        if (fields.ContainsKey("model"))
        {
            if (Str(fields, "model") is not string model || !Store.Models.Contains(model)) return Bad($"model must be one of {string.Join(", ", Store.Models)}");
            agent.Meta["model"] = model;
        }

        foreach (string number in new[] { "temperature", "bias", "stickness" })
        {
            if (!fields.ContainsKey(number)) continue;
            if (Num(fields[number]) is not double value) return Bad($"{number} must be a number");
            if (number != "bias" && value is < 0 or > 1) return Bad($"{number} must be between 0 and 1");
            agent.Meta[number] = value;
        }

        if (fields.ContainsKey("use_all_sources"))
        {
            if (Bool(fields["use_all_sources"]) is not bool all) return Bad("use_all_sources must be a boolean");
            agent.Meta["use_all_sources"] = all;
        }

        if (fields.ContainsKey("default_message")) agent.Meta["default_message"] = Str(fields, "default_message") ?? "";
        if (fields.ContainsKey("tags"))
        {
            if (fields["tags"] is not JsonArray tags) return Bad("tags must be an array of {name, criteria, color}");
            agent.Meta["tags"] = tags.DeepClone();
        }
        else if (creating)
        {
            agent.Meta["tags"] = new JsonArray();
        }

        if (fields.ContainsKey("data_source_uuids"))
        {
            if (SourceList(store, agent.ChatbotUuid, fields["data_source_uuids"]) is not List<string> sources) return Bad("data_source_uuids must list sources of this chatbot");
            agent.DataSourceUuids = new JsonArray(sources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        if (fields.ContainsKey("variables"))
        {
            if (fields["variables"] is not JsonArray variables || variables.Any(v => v is not JsonObject o || Str(o, "name") is null))
            {
                return Bad("variables must be an array of {name, description, type, example, default_value}");
            }

            agent.Variables = (JsonArray)variables.DeepClone();
        }

        if (fields.ContainsKey("human_escalation_settings"))
        {
            if (fields["human_escalation_settings"] is not JsonObject settings) return Bad("human_escalation_settings must be an object");
            if (agent.Type != "human-escalation") return Bad("human_escalation_settings apply only to human-escalation agents");
            agent.HumanEscalationSettings ??= new JsonObject();
            foreach (var pair in settings)
            {
                agent.HumanEscalationSettings[pair.Key] = pair.Key is "notifications_enabled" or "sound_enabled" && Bool(pair.Value) is bool flag
                    ? (flag ? 1 : 0)
                    : pair.Value?.DeepClone();
            }
        }

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

    private static HashSet<string>? Uuids(JsonObject body)
        => body["uuids"] is JsonArray items && items.All(i => i is JsonValue v && v.TryGetValue(out string? _))
            ? items.Select(i => (string)i!).ToHashSet()
            : null;

    private static DateTime? ParseFilterTime(string text)
        => DateTime.TryParseExact(text, new[] { "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'" }, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime value)
            ? value
            : null;

    private static bool IsHexColor(string color)
        => color.Length == 7 && color[0] == '#' && color.Skip(1).All(Uri.IsHexDigit);

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

    private static async Task<string> ReadText(IFormFile file)
    {
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        char[] buffer = new char[64 * 1024];
        int read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    public static async Task<JsonObject?> ReadBody(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        string text = await reader.ReadToEndAsync(ctx.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonObject body, string name)
        => body[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static bool? Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out int i) && i is 0 or 1 => i == 1,
        _ => null,
    };

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue(out int i) ? i : null;

    private static double? Num(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    /// <summary>Non-ASCII text and quotes inside strings are written as themselves, as Python's service does.</summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node, int status = 200)
        => Results.Text(node.ToJsonString(Relaxed), "application/json", Encoding.UTF8, status);

    public static IResult Success() => Json(new JsonObject { ["success"] = true });

    public static IResult NotFound() => Json(new JsonObject { ["error"] = "not found" }, StatusCodes.Status404NotFound);

    public static IResult Bad(string message) => Json(new JsonObject { ["error"] = message }, StatusCodes.Status400BadRequest);

    private static IResult BadJson() => Bad("the body must be a JSON object");
}
