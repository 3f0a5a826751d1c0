using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CertificateValidationAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CertificateValidationFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC021 on harder shapes: SslStream's constructor, callbacks held in members, always-true expressions.</summary>
    public class CertificateValidationHarderTests
    {
        [Fact]
        public Task SslStreamConstructorCallback_AcceptingAll_Reported_Checking_Silent()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Net.Security;
                using System.Net.Sockets;

                class ModelGatewayClient
                {
                    public SslStream Open(TcpClient tcp)
                        => new SslStream(tcp.GetStream(), false, [|(s, c, ch, e) => true|]);

                    public SslStream OpenNamed(Stream stream)
                        => new SslStream(stream, leaveInnerStreamOpen: false, [|userCertificateValidationCallback: delegate { return true; }|]);

                    public SslStream OpenChecked(TcpClient tcp)
                        => new SslStream(tcp.GetStream(), false, (s, c, ch, e) => e == SslPolicyErrors.None);

                    public SslStream OpenDefault(TcpClient tcp)
                        => new SslStream(tcp.GetStream(), false, null);
                }
                """);

        [Fact]
        public Task CallbackHeldInAPropertyOrStaticReadonlyField_Reported()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net;
                using System.Net.Http;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;

                static class Tls
                {
                    private static RemoteCertificateValidationCallback Accept => (s, c, ch, e) => true;

                    private static RemoteCertificateValidationCallback AcceptGetter { get { return (s, c, ch, e) => true; } }

                    private static RemoteCertificateValidationCallback AcceptInitialized { get; } = (s, c, ch, e) => true;

                    private static readonly RemoteCertificateValidationCallback AcceptField = new RemoteCertificateValidationCallback((s, c, ch, e) => true);

                    private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> AcceptOr = (m, c, ch, e) => ch!.Build(c!) || true;

                    private static RemoteCertificateValidationCallback Strict => (s, c, ch, e) => e == SslPolicyErrors.None;

                    public static void Configure(HttpClientHandler handler)
                    {
                        [|ServicePointManager.ServerCertificateValidationCallback = Accept|];
                        [|ServicePointManager.ServerCertificateValidationCallback = AcceptGetter|];
                        [|ServicePointManager.ServerCertificateValidationCallback = AcceptInitialized|];
                        [|ServicePointManager.ServerCertificateValidationCallback = AcceptField|];
                        [|handler.ServerCertificateCustomValidationCallback = AcceptOr|];
                        ServicePointManager.ServerCertificateValidationCallback = Strict;
                    }
                }
                """);

        [Fact]
        public Task ExpressionTrueOnEveryPath_Reported_OneThatCanBeFalse_Silent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Security;

                class Factory
                {
                    public HttpClientHandler Create(bool development)
                    {
                        var handler = new HttpClientHandler();
                        [|handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => ch!.Build(c!) || true|];
                        [|handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { Console.WriteLine(e); return e == SslPolicyErrors.None || true; }|];
                        [|handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => (e == SslPolicyErrors.None ? true : true)|];
                        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None || development;
                        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => ch!.Build(c!) && true;
                        return handler;
                    }
                }
                """);

        [Fact]
        public Task FixReplacesTheConstructorArgumentWithNull()
            => Verify.FixAsync("""
                using System.Net.Security;
                using System.Net.Sockets;

                class ModelGatewayClient
                {
                    public SslStream Open(TcpClient tcp)
                        => new SslStream(tcp.GetStream(), false, [|(s, c, ch, e) => true|]);
                }
                """, """
                using System.Net.Security;
                using System.Net.Sockets;

                class ModelGatewayClient
                {
                    public SslStream Open(TcpClient tcp)
                        => new SslStream(tcp.GetStream(), false, null);
                }
                """);
    }
}
