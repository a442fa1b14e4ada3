#nullable enable
using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// An https host on loopback with a self-signed certificate, as a test or white-label host of a private
/// certificate authority looks to the module: it takes TLS connections and passes what is inside them on,
/// unread, to a plain-http server on loopback (the emulator). The certificate is made here, for
/// 127.0.0.1 and localhost, and trusted by nobody. Plain C# that compiles on .NET Framework 4.7.2 and
/// .NET 10, for the engine's tests and for Pester (Add-Type, with LoopbackListener.cs).
/// </summary>
public sealed class TlsRelay : LoopbackListener
{
    private readonly X509Certificate2 _certificate;
    private readonly int _targetPort;
    private int _handshakes;

    /// <param name="targetPort">The loopback port of the plain-http server behind this host.</param>
    public TlsRelay(int targetPort)
    {
        _targetPort = targetPort;
        _certificate = CreateCertificate();
        Uri = new Uri("https://127.0.0.1:" + Port);
        StartAccepting();
    }

    /// <summary>The https address to connect to.</summary>
    public Uri Uri { get; }

    /// <summary>TLS handshakes that succeeded: connections that went on to the server.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    public override void Dispose()
    {
        base.Dispose();
        _certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=GptTrainer test host", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // A certificate with its key in memory only cannot serve TLS everywhere; one read back from PFX can.
        // X509CertificateLoader, which .NET 10 would rather have read it, does not exist on .NET Framework.
#pragma warning disable SYSLIB0057
        return new X509Certificate2(created.Export(X509ContentType.Pfx), (string?)null, X509KeyStorageFlags.Exportable);
#pragma warning restore SYSLIB0057
    }

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var tls = new SslStream(client.GetStream(), false))
        {
            try
            {
                await tls.AuthenticateAsServerAsync(_certificate, false, SslProtocols.Tls12, false).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AuthenticationException or IOException)
            {
                // A client that refuses the certificate breaks the handshake off.
                return;
            }

            Interlocked.Increment(ref _handshakes);
            using var server = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort).ConfigureAwait(false);
                NetworkStream plain = server.GetStream();
                await Task.WhenAny(PumpAsync(tls, plain), PumpAsync(plain, tls)).ConfigureAwait(false);
            }
            catch (SocketException)
            {
            }
        }
    }
}
