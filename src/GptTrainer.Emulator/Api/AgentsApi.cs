using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Agents of a chatbot: created disabled, settings flat or under "meta" in requests, nested in answers.</summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Agents".</remarks>
public static class AgentsApi
{
    private static readonly string[] AgentTypes = { "user-facing", "background", "human-escalation", "pre-canned", "spam-defense" };
    private static readonly string[] SingletonAgentTypes = { "human-escalation", "spam-defense" };
    private static readonly string[] FunctionAgentTypes = { "user-facing", "background" };
    private static readonly string[] FunctionMethods = { "GET", "POST", "PUT", "DELETE", "PATCH" };

    public static void Map(RouteGroupBuilder v1, Store store)
    {
        v1.MapPost("/chatbot/{uuid}/agent/create", (HttpContext ctx, string uuid) => WithBody(ctx, body =>
        {
            if (NonEmptyStr(body, "name") is not string name) return Bad("name is required");
            if (Str(body, "type") is not string type) return Bad("type is required");
            if (!AgentTypes.Contains(type)) return Bad($"type must be one of {string.Join(", ", AgentTypes)}");
            return Found(store, store.Chatbots, uuid, _ =>
            {
                if (SingletonAgentTypes.Contains(type) && store.Agents.Values.Any(a => a.ChatbotUuid == uuid && a.Type == type))
                {
                    return Bad($"only one {type} agent is allowed per chatbot");
                }

                // New agents start disabled, as the service creates them.
                var agent = new AgentRecord { ChatbotUuid = uuid, Name = name, Type = type, Enabled = false };
                if (type == "human-escalation")
                {
                    agent.HumanEscalationSettings = NewEscalationSettings();
                }

                if (ApplyAgentFields(store, agent, body, creating: true) is IResult invalid) return invalid;
                store.Agents[agent.Uuid] = agent;
                return Json(agent.ToJson());
            });
        }));
        v1.MapPost("/agent/{uuid}/update", (HttpContext ctx, string uuid) => WithBody(ctx, body => Found(store, store.Agents, uuid, agent =>
        {
            if (body.ContainsKey("type") && Str(body, "type") != agent.Type) return Bad("the type of an agent cannot be changed");
            if (ApplyName(body, name => agent.Name = name) is IResult badName) return badName;
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
        })));
        v1.MapGet("/chatbot/{uuid}/agents", (string uuid) => Found(store, store.Chatbots, uuid, _ =>
            JsonList(store.Agents.Values.Where(a => a.ChatbotUuid == uuid).Select(a => a.ToJson()))));
        v1.MapDelete("/agent/{uuid}/delete", (string uuid) => Removed(store, store.Agents, uuid));

        // Tool functions (undocumented; a later revision of the SDK): created through their agent, changed
        // and deleted by their own uuid, with POST. A change to a function is a change to its agent, whose
        // answer lists it, so the agent's modified_at moves too.
        v1.MapPost("/agent/{uuid}/function/create", (HttpContext ctx, string uuid) => WithBody(ctx, body => Found(store, store.Agents, uuid, agent =>
        {
            if (!FunctionAgentTypes.Contains(agent.Type)) return Bad("tool functions apply only to user-facing and background agents");
            foreach (string required in new[] { "name", "external_url", "method" })
            {
                if (!body.ContainsKey(required)) return Bad($"{required} is required");
            }

            var function = new ToolFunctionRecord();
            if (ApplyFunctionFields(agent, function, body) is IResult invalid) return invalid;
            agent.ToolFunctions.Add(function);
            agent.Touch();
            return Json(function.ToJson());
        })));
        v1.MapPost("/function/{uuid}/update", (HttpContext ctx, string uuid) => WithBody(ctx, body => WithFunction(store, uuid, (agent, function) =>
        {
            if (ApplyFunctionFields(agent, function, body) is IResult invalid) return invalid;
            function.Touch();
            agent.Touch();
            return Json(function.ToJson());
        })));
        v1.MapPost("/function/{uuid}/delete", (string uuid) => WithFunction(store, uuid, (agent, function) =>
        {
            agent.ToolFunctions.Remove(function);
            agent.Touch();
            return Success();
        }));
    }

    /// <summary>Functions are held on their agents; the handler runs under the store's lock like <see cref="ApiJson.Found"/>.</summary>
    private static IResult WithFunction(Store store, string uuid, Func<AgentRecord, ToolFunctionRecord, IResult> handle)
    {
        lock (store.Gate)
        {
            foreach (AgentRecord agent in store.Agents.Values)
            {
                if (agent.ToolFunctions.FirstOrDefault(f => f.Uuid == uuid) is ToolFunctionRecord function)
                {
                    return handle(agent, function);
                }
            }

            return NotFound();
        }
    }

    /// <summary>
    /// Checks every field before it changes any, so that a refused request leaves the function as it was. The
    /// rules are the emulator's own (the service's are not recorded): a name unique on its agent, an absolute
    /// http(s) URL, one of the five methods, objects for the parameters and headers, and header values that are
    /// strings.
    /// </summary>
    private static IResult? ApplyFunctionFields(AgentRecord agent, ToolFunctionRecord function, JsonObject body)
    {
        string? name = null;
        if (body.ContainsKey("name"))
        {
            if (NonEmptyStr(body, "name") is not string given) return Bad("name must not be empty");
            if (agent.ToolFunctions.Any(f => f != function && f.Name == given)) return Bad($"the agent already has a tool function named {given}");
            name = given;
        }

        if (body.ContainsKey("description") && Str(body, "description") is null) return Bad("description must be a string");
        if (body.ContainsKey("external_url")
            && (Str(body, "external_url") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != "http" && parsed.Scheme != "https")))
        {
            return Bad("external_url must be an absolute http(s) URL");
        }

        if (body.ContainsKey("method") && (Str(body, "method") is not string method || !FunctionMethods.Contains(method))) return Bad($"method must be one of {string.Join(", ", FunctionMethods)}");
        if (body.ContainsKey("parameters") && body["parameters"] is not JsonObject) return Bad("parameters must be an object (a JSON Schema)");
        if (body.ContainsKey("headers") && (body["headers"] is not JsonObject headers || headers.Any(h => h.Value is not JsonValue v || !v.TryGetValue(out string? _))))
        {
            return Bad("headers must be an object whose values are strings");
        }

        if (body.ContainsKey("enabled") && Bool(body["enabled"]) is null) return Bad("enabled must be 0, 1, true or false");
        if (body.ContainsKey("allow_gpt_trainer_properties") && Bool(body["allow_gpt_trainer_properties"]) is null) return Bad("allow_gpt_trainer_properties must be 0, 1, true or false");

        if (name is not null) function.Name = name;
        if (body.ContainsKey("description")) function.Description = Str(body, "description")!;
        if (body.ContainsKey("external_url")) function.ExternalUrl = Str(body, "external_url")!;
        if (body.ContainsKey("method")) function.Method = Str(body, "method")!;
        if (body.ContainsKey("parameters")) function.Parameters = (JsonObject)body["parameters"]!.DeepClone();
        if (body.ContainsKey("headers")) function.Headers = (JsonObject)body["headers"]!.DeepClone();
        if (body.ContainsKey("enabled")) function.Enabled = Bool(body["enabled"])!.Value;
        if (body.ContainsKey("allow_gpt_trainer_properties")) function.AllowGptTrainerProperties = Bool(body["allow_gpt_trainer_properties"])!.Value;
        return null;
    }

    /// <summary>Every field the reference lists, so that clients find them all from the start; the values are the emulator's.</summary>
    private static JsonObject NewEscalationSettings() => new()
    {
        ["human_requested_message"] = "",
        ["live_chat_start_announcement"] = "",
        ["live_chat_end_announcement"] = "",
        ["monitored_messages"] = new JsonArray(),
        ["notifications_enabled"] = 0,
        ["sound_enabled"] = 0,
    };

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
            if (Str(fields, "model") is not string model || !ModelCatalogue.Contains(model)) return Bad($"model must be one of {string.Join(", ", ModelCatalogue.Names)}");
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
        // Only background agents carry tags. The reference's own create example sends "tags" for a
        // user-facing agent, so the service probably takes them there; the emulator drops them.
        if (fields.ContainsKey("tags"))
        {
            if (fields["tags"] is not JsonArray tags) return Bad("tags must be an array of {name, criteria, color}");
            if (agent.Type == "background") agent.Meta["tags"] = tags.DeepClone();
        }
        else if (creating && agent.Type == "background")
        {
            agent.Meta["tags"] = new JsonArray();
        }

        if (DataSourcesApi.ApplySourceList(store, agent.ChatbotUuid, fields, sources => agent.DataSourceUuids = new JsonArray(sources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray())) is IResult badSources)
        {
            return badSources;
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
            agent.HumanEscalationSettings ??= NewEscalationSettings();
            foreach (var pair in settings)
            {
                agent.HumanEscalationSettings[pair.Key] = pair.Key is "notifications_enabled" or "sound_enabled" && Bool(pair.Value) is bool flag
                    ? (flag ? 1 : 0)
                    : pair.Value?.DeepClone();
            }
        }

        return null;
    }
}
