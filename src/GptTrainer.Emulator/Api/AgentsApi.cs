using System.Text.Json.Nodes;
using static GptTrainer.Emulator.ApiJson;

namespace GptTrainer.Emulator;

/// <summary>Agents of a chatbot: created disabled, settings flat or under "meta" in requests, nested in answers.</summary>
/// <remarks>What is documented, seen or assumed: docs/gpt-trainer-api.md, "Agents".</remarks>
public static class AgentsApi
{
    private static readonly string[] AgentTypes = { "user-facing", "background", "human-escalation", "pre-canned", "spam-defense" };
    private static readonly string[] SingletonAgentTypes = { "human-escalation", "spam-defense" };

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
