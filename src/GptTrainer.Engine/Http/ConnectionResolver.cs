using System.Security;

namespace GptTrainer.Http;

/// <summary>Finds the connection a command should use: Connect-GptTrainer's, else the environment's.</summary>
internal static class ConnectionResolver
{
    public const string ApiKeyVariable = "GPTTRAINER_API_KEY";
    public const string BaseUrlVariable = "GPTTRAINER_BASE_URL";

    /// <summary>The connection to use (<paramref name="connected"/>, if any), or null with the reason in <paramref name="problem"/>.</summary>
    public static ConnectionSettings? Resolve(ConnectionSettings? connected, out string? problem)
    {
        if (connected is not null)
        {
            problem = null;
            return connected;
        }

        string? key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            problem = $"Not connected to GPT-trainer: run Connect-GptTrainer -ApiKey <key>, or set the {ApiKeyVariable} environment variable.";
            return null;
        }

        Uri? baseUri = BaseUriFromEnvironment(out problem);
        if (baseUri is null)
        {
            return null;
        }

        return new ConnectionSettings(baseUri, ToSecureString(key!.Trim()), $"{ApiKeyVariable} environment variable", RequestPolicy.Default);
    }

    /// <summary>GPTTRAINER_BASE_URL when set and usable, the public service otherwise.</summary>
    public static Uri? BaseUriFromEnvironment(out string? problem)
    {
        string? text = Environment.GetEnvironmentVariable(BaseUrlVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = null;
            return new Uri(ConnectionSettings.DefaultBaseUri);
        }

        Uri.TryCreate(text!.Trim(), UriKind.Absolute, out Uri? uri);
        problem = InputRules.BaseUriProblem(uri, allowUnencryptedAuthentication: false);
        if (problem is not null)
        {
            problem = $"{BaseUrlVariable}: {problem}";
            return null;
        }

        return uri;
    }

    public static SecureString ToSecureString(string value)
    {
        var secure = new SecureString();
        foreach (char c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
