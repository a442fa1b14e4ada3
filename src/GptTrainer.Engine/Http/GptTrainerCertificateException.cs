namespace GptTrainer.Http;

/// <summary>
/// The server's certificate was not accepted: a private certificate authority, a self-signed test host, a
/// name that does not match. Asking again cannot change that, so unlike a dropped connection it is never
/// retried.
/// </summary>
public sealed class GptTrainerCertificateException(string authority, string reason, Exception? inner)
    : GptTrainerException(
        "CertificateRejected",
        ErrorKind.SecurityError,
        $"The certificate of {authority} was not accepted: {reason} If the host uses a certificate authority of your organisation, add that authority to this machine's trusted roots; for a test host, Connect-GptTrainer -SkipCertificateCheck turns the check off.",
        inner)
{
    /// <summary>The scheme, host and port whose certificate was refused.</summary>
    public string Authority { get; } = authority;
}
