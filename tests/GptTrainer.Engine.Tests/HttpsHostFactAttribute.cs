using Xunit;

namespace GptTrainer.Tests;

/// <summary>
/// A test that needs the self-signed https host of tests/tools/TlsRelay.cs. That host makes its certificate
/// with CertificateRequest, which .NET and .NET Framework 4.7.2 have and Mono (where the .NET Framework tests
/// run on Linux) does not: there such a test is skipped, saying so, and runs on Windows' .NET Framework.
/// </summary>
public sealed class HttpsHostFactAttribute : FactAttribute
{
    public HttpsHostFactAttribute()
    {
        if (Type.GetType("Mono.Runtime") is not null)
        {
            Skip = "Mono has no CertificateRequest to make the https test host's certificate with.";
        }
    }
}
