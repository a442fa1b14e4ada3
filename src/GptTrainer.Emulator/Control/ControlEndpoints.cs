using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>
/// /_emulator/*: what tests and benchmarks use to steer and observe the emulator. Not part of the
/// GPT-trainer API and needs no key; the emulator listens on loopback unless its user opts otherwise.
/// </summary>
public static class ControlEndpoints
{
    public static void Map(WebApplication app, Store store, Control control, EmulatorOptions options, SeedFile? seed)
    {
        RouteGroupBuilder c = app.MapGroup("/_emulator");
        c.MapGet("/stats", () => Json(new JsonObject
        {
            ["connectionsAccepted"] = Interlocked.Read(ref control.ConnectionsAccepted),
            ["connectionsOpen"] = Interlocked.Read(ref control.ConnectionsOpen),
            ["streamsActive"] = Interlocked.Read(ref control.StreamsActive),
            ["streamsPeak"] = Interlocked.Read(ref control.StreamsPeak),
            ["streamsHeld"] = Interlocked.Read(ref control.StreamsHeld),
            ["streamsCompleted"] = Interlocked.Read(ref control.StreamsCompleted),
            ["messagesStored"] = store.MessageCount(),
            ["requestsRecorded"] = control.Requests().Count,
        }));
        // Back to how the emulator started: empty, or holding its seed; the seed's own requests are not kept.
        c.MapPost("/reset", async Task<IResult> (HttpContext ctx) =>
        {
            store.Clear();
            control.Reset(options.PieceDelayMs);
            if (seed is not null)
            {
                await SeedApplier.ApplyAsync(seed, EmulatorHost.ListeningUri(app.Services), options.ApiKey, ctx.RequestAborted);
                control.Reset(options.PieceDelayMs);
            }

            return Success();
        });
        c.MapPost("/stats/reset", () =>
        {
            control.ResetStats();
            return Success();
        });
        c.MapGet("/requests", () => Json(new JsonArray(control.Requests().Select(r => (JsonNode)new JsonObject
        {
            ["sequence"] = r.Sequence,
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["query"] = r.Query,
            ["hasAuthorization"] = r.HasAuthorization,
            ["authorizationValid"] = r.AuthorizationValid,
            ["contentType"] = r.ContentType,
            ["body"] = r.Body,
            ["form"] = r.Form?.DeepClone(),
            ["host"] = r.Host,
            ["connectionId"] = r.ConnectionId,
            ["userAgent"] = r.UserAgent,
        }).ToArray())));
        c.MapDelete("/requests", () =>
        {
            control.ClearRequests();
            return Success();
        });
        c.MapPost("/recording", async (HttpContext ctx) =>
        {
            JsonObject? body = await ReadBody(ctx);
            control.RecordRequests = (bool?)body?["enabled"] ?? true;
            return Success();
        });
        c.MapPost("/faults", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return Bad("a fault rule object is required");
            control.AddFault(FaultRule.FromJson(body));
            return Success();
        });
        c.MapDelete("/faults", () =>
        {
            control.ClearFaults();
            return Success();
        });
        c.MapPost("/reply", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return Bad("a reply plan object is required");
            control.SetPlan((string?)body["sessionUuid"], ReplyPlan.FromJson(body, new ReplyPlan { PieceDelayMs = options.PieceDelayMs }));
            return Success();
        });
        c.MapPost("/release", () =>
        {
            control.Release();
            return Success();
        });
        c.MapPost("/web-page", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body || (string?)body["url"] is not string url) return Bad("url and text are required");
            lock (store.Gate)
            {
                store.WebPages[url] = (string?)body["text"] ?? "";
            }

            return Success();
        });
        // A status set here stays: the source leaves processing, whatever status it is given.
        c.MapPost("/sources/{uuid}/status", async (HttpContext ctx, string uuid) =>
        {
            JsonObject? body = await ReadBody(ctx);
            return Found(store, store.Sources, uuid, source =>
            {
                source.Status = (string?)body?["status"] ?? "error";
                source.Processing = null;
                return Json(source.ToJson());
            });
        });
        c.MapPost("/sources/finish", () => Json(new JsonObject { ["finished"] = store.FinishProcessing() }));
        c.MapGet("/processing", () => Json(ProcessingSettings(store)));
        c.MapPost("/processing", async (HttpContext ctx) =>
        {
            if (await ReadBody(ctx) is not JsonObject body) return BadJson();
            if (body.ContainsKey("processingMs") && Int(body["processingMs"]) is not (int ms and >= 0)) return Bad("processingMs must be a whole number of milliseconds, 0 or more");
            if (body.ContainsKey("tokenBudget") && Int(body["tokenBudget"]) is not (int budget and > 0)) return Bad("tokenBudget must be a whole number above 0");
            lock (store.Gate)
            {
                store.Processing.ProcessingMs = Int(body["processingMs"]) ?? store.Processing.ProcessingMs;
                store.Processing.TokenBudget = Int(body["tokenBudget"]) ?? store.Processing.TokenBudget;
                return Json(ProcessingSettings(store));
            }
        });
        c.MapPost("/sessions/{uuid}/created", async (HttpContext ctx, string uuid) =>
        {
            JsonObject? body = await ReadBody(ctx);
            if (!DateTime.TryParse((string?)body?["createdAt"], null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out DateTime created))
            {
                return Bad("createdAt must be a timestamp");
            }

            return Found(store, store.Sessions, uuid, session =>
            {
                session.CreatedUtc = created;
                session.CreatedAt = Store.Stamp(created);
                return Json(session.ToJson(includeInitialVariables: false));
            });
        });
        ConversationControl.Map(c, store);
        c.MapPost("/shutdown", (IHostApplicationLifetime lifetime) =>
        {
            lifetime.StopApplication();
            return Success();
        });
    }

    private static JsonObject ProcessingSettings(Store store)
    {
        lock (store.Gate)
        {
            return new JsonObject { ["processingMs"] = store.Processing.ProcessingMs, ["tokenBudget"] = store.Processing.TokenBudget };
        }
    }
}
