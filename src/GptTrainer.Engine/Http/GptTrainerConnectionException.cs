namespace GptTrainer.Http;

/// <summary>No usable HTTP exchange happened: DNS, refused or reset connection, TLS failure.</summary>
public sealed class GptTrainerConnectionException : GptTrainerException
{
    public GptTrainerConnectionException(string message, Exception? inner) : base("ConnectionFailed", ErrorKind.ConnectionError, message, inner) { }
}
