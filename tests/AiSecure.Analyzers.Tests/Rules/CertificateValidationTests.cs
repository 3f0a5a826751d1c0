using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CertificateValidationAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CertificateValidationFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC021: TLS server certificate validation is disabled.</summary>
    public class CertificateValidationTests
    {
        [Fact]
        public Task HttpClientHandlerDangerousValidator()
            => Verify.AnalyzeAsync("""
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create() => new HttpClient(new HttpClientHandler
                    {
                        [|ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|],
                    });
                }
                """);

        [Fact]
        public Task HttpClientHandlerLambdas()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Security;

                class Factory
                {
                    public HttpClientHandler Create()
                    {
                        var handler = new HttpClientHandler();
                        [|handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true|];
                        [|handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => { return true; }|];
                        [|handler.ServerCertificateCustomValidationCallback = delegate { return true; }|];
                        [|handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) =>
                        {
                            if (e != SslPolicyErrors.None)
                            {
                                Console.WriteLine($"TLS error {e} ignored");
                                return true;
                            }

                            return true;
                        }|];
                        return handler;
                    }
                }
                """);

        [Fact]
        public Task SocketsHandlerSslOptions()
            => Verify.AnalyzeAsync("""
                using System.Net.Http;
                using System.Net.Security;

                class Factory
                {
                    public SocketsHttpHandler Create()
                    {
                        var handler = new SocketsHttpHandler
                        {
                            SslOptions = new SslClientAuthenticationOptions
                            {
                                [|RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true|],
                            },
                        };
                        [|handler.SslOptions.RemoteCertificateValidationCallback = delegate { return true; }|];
                        return handler;
                    }
                }
                """);

        [Fact]
        public Task ServicePointManagerAndMethodGroups()
            => Verify.AnalyzeAsync("""
                using System.Net;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;

                class Startup
                {
                #pragma warning disable SYSLIB0014
                    public void Configure()
                    {
                        [|ServicePointManager.ServerCertificateValidationCallback = AcceptAll|];
                        [|ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true|];
                        [|ServicePointManager.ServerCertificateValidationCallback = new RemoteCertificateValidationCallback(AcceptAllBlock)|];
                        ServicePointManager.ServerCertificateValidationCallback = Checked;
                    }
                #pragma warning restore SYSLIB0014

                    private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

                    private static bool AcceptAllBlock(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        return true;
                    }

                    private static bool Checked(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                        => errors == SslPolicyErrors.None;
                }
                """);

        [Fact]
        public Task CallbacksHeldInLocalsAndReadOnlyFields()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;

                class Factory
                {
                    private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> AcceptAll = (_, _, _, _) => true;
                    private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Strict = (_, _, _, errors) => errors == SslPolicyErrors.None;

                    public HttpClient Create(bool development)
                    {
                        Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> trustAll = (m, c, ch, e) => { return true; };
                        var handler = new HttpClientHandler();
                        [|handler.ServerCertificateCustomValidationCallback = trustAll|];
                        [|handler.ServerCertificateCustomValidationCallback = AcceptAll|];
                        handler.ServerCertificateCustomValidationCallback = Strict;
                        return new HttpClient(handler);
                    }
                }
                """);

        [Fact]
        public Task ConfigurationSwitchThatCanAcceptEveryCertificate()
            => Verify.AnalyzeAsync("""
                using System.Net.Http;
                using System.Net.Security;

                class InferenceHandlerFactory
                {
                    private readonly bool _skipTlsValidation;

                    public InferenceHandlerFactory(bool skipTlsValidation) => _skipTlsValidation = skipTlsValidation;

                    public HttpMessageHandler Create()
                    {
                        var handler = new HttpClientHandler();
                        [|handler.ServerCertificateCustomValidationCallback = _skipTlsValidation ? HttpClientHandler.DangerousAcceptAnyServerCertificateValidator : null|];
                        return new SocketsHttpHandler
                        {
                            SslOptions = new SslClientAuthenticationOptions
                            {
                                [|RemoteCertificateValidationCallback = _skipTlsValidation ? (_, _, _, _) => true : null|],
                            },
                        };
                    }

                    public HttpMessageHandler CreateChecked()
                        => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = _skipTlsValidation ? (_, _, _, errors) => errors == SslPolicyErrors.None : null,
                        };
                }
                """);

        [Fact]
        public Task SilentOnCallbacksThatValidate()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;

                class Factory
                {
                    private const string PinnedThumbprint = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";

                    public HttpClientHandler Create()
                    {
                        var handler = new HttpClientHandler();
                        handler.ServerCertificateCustomValidationCallback = (m, c, ch, errors) => errors == SslPolicyErrors.None;
                        handler.ServerCertificateCustomValidationCallback = (m, cert, ch, errors) =>
                            cert != null && string.Equals(cert.Thumbprint, PinnedThumbprint, StringComparison.OrdinalIgnoreCase);
                        handler.ServerCertificateCustomValidationCallback = (m, c, ch, errors) =>
                        {
                            if (errors == SslPolicyErrors.None)
                            {
                                return true;
                            }

                            return false;
                        };
                        handler.ServerCertificateCustomValidationCallback = (m, c, ch, errors) =>
                        {
                            if (errors != SslPolicyErrors.None)
                            {
                                throw new InvalidOperationException("untrusted server");
                            }

                            return true;
                        };
                        handler.ServerCertificateCustomValidationCallback = null;
                        return handler;
                    }
                }
                """);

        [Fact]
        public Task SilentOnUnrelatedCallbacks()
            => Verify.AnalyzeAsync("""
                using System;

                class Options
                {
                    public Func<object, bool>? ServerCertificateCustomValidationCallback { get; set; }
                }

                class Use
                {
                    public Options Create() => new Options { ServerCertificateCustomValidationCallback = _ => true };
                }
                """);

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using System.Net.Http;

                class Factory
                {
                    public HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => true };
                }
                """);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using System.Net.Http;

                class Factory
                {
                    public HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => 
                    void M() { ServicePointManager.ServerCertificateValidationCallback = Missing; }
                """, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task FixRemovesStatement()
            => Verify.FixAsync("""
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create()
                    {
                        var handler = new HttpClientHandler();
                        // Trust the lab proxy.
                        [|handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true|];
                        handler.UseProxy = true;
                        return new HttpClient(handler);
                    }
                }
                """, """
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create()
                    {
                        var handler = new HttpClientHandler();
                        handler.UseProxy = true;
                        return new HttpClient(handler);
                    }
                }
                """);

        [Fact]
        public Task FixRemovesInitializerMember()
            => Verify.FixAsync("""
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create() => new HttpClient(new HttpClientHandler
                    {
                        UseProxy = false,
                        [|ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|],
                    });
                }
                """, """
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create() => new HttpClient(new HttpClientHandler
                    {
                        UseProxy = false,
                    });
                }
                """);

        [Fact]
        public Task FixRemovesLastMemberOfSingleLineInitializer()
            => Verify.FixAsync("""
                using System.Net.Security;

                class Options
                {
                    public SslClientAuthenticationOptions Create() => new SslClientAuthenticationOptions { TargetHost = "llm.internal", [|RemoteCertificateValidationCallback = (_, _, _, _) => true|] };
                }
                """, """
                using System.Net.Security;

                class Options
                {
                    public SslClientAuthenticationOptions Create() => new SslClientAuthenticationOptions { TargetHost = "llm.internal" };
                }
                """);

        [Fact]
        public Task FixRemovesOnlyInitializer()
            => Verify.FixAsync("""
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create() => new HttpClient(new HttpClientHandler { [|ServerCertificateCustomValidationCallback = (m, c, ch, e) => true|] });
                }
                """, """
                using System.Net.Http;

                class Factory
                {
                    public HttpClient Create() => new HttpClient(new HttpClientHandler());
                }
                """);

        [Fact]
        public Task FixAll()
            => Verify.FixAsync("""
                using System.Net;
                using System.Net.Http;
                using System.Net.Security;

                class Startup
                {
                    public void Configure(HttpClientHandler handler, SocketsHttpHandler sockets)
                    {
                        [|handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true|];
                        [|sockets.SslOptions.RemoteCertificateValidationCallback = (s, c, ch, e) => true|];
                #pragma warning disable SYSLIB0014
                        [|ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true|];
                #pragma warning restore SYSLIB0014
                        handler.UseProxy = false;
                    }
                }
                """, """
                using System.Net;
                using System.Net.Http;
                using System.Net.Security;

                class Startup
                {
                    public void Configure(HttpClientHandler handler, SocketsHttpHandler sockets)
                    {

                #pragma warning disable SYSLIB0014
                #pragma warning restore SYSLIB0014
                        handler.UseProxy = false;
                    }
                }
                """);
    }
}
