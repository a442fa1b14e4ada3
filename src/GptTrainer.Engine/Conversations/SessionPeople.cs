namespace GptTrainer.Conversations;

/// <summary>
/// Who a session is about, as far as the service knows: the lead-form answers the visitor gave (meta.user) and
/// the identity the customer's verification returned (meta.auth_data). Nothing else a session holds (questions,
/// initial variables) names a person reliably, so nothing else is searched.
/// </summary>
internal static class SessionPeople
{
    /// <summary>The lead-form answers, keyed by form field, or null when the visitor gave none.</summary>
    public static object? LeadForm(Session session) => (session.Meta as JsonObject)?.TryGetValue("user", out object? user) == true ? user : null;

    /// <summary>The verified identity: whatever JSON the customer's verification endpoint returned, or null.</summary>
    public static object? Identity(Session session) => (session.Meta as JsonObject)?.TryGetValue("auth_data", out object? identity) == true ? identity : null;

    /// <summary>
    /// Whether any value of the session's lead form or identity equals one of <paramref name="people"/>: the whole
    /// value, ignoring case and surrounding spaces, so that ann@example.org finds Ann@Example.org and never
    /// joann@example.org, another person. Keys are not values: a form field called "email" matches nothing.
    /// </summary>
    public static bool Matches(Session session, IReadOnlyCollection<string> people)
        => Values(LeadForm(session)).Concat(Values(Identity(session)))
            .Any(value => value.Length > 0 && people.Any(person => string.Equals(value, person.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>Every leaf value, at any depth, as text; a number as the service wrote it (a user id of 1042 is "1042").</summary>
    private static IEnumerable<string> Values(object? json)
    {
        switch (json)
        {
            case string text:
                yield return text.Trim();
                break;
            case long or double:
                yield return Convert.ToString(json, CultureInfo.InvariantCulture)!;
                break;
            case IDictionary<string, object?> obj:
                foreach (object? value in obj.Values)
                {
                    foreach (string leaf in Values(value))
                    {
                        yield return leaf;
                    }
                }

                break;
            case IEnumerable<object?> items:
                foreach (object? item in items)
                {
                    foreach (string leaf in Values(item))
                    {
                        yield return leaf;
                    }
                }

                break;
        }
    }
}
