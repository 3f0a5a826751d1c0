using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CertificateValidationAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CertificateValidationFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC021 on service startup code: development-only switches, logging callbacks, custom CA checks, compound assignments.</summary>
    public class CertificateValidationServiceTests
    {
        [Fact]
        public Task DevelopmentSwitches_TrustAllInsideIsDevelopment_Reported_DevelopmentOrValid_Silent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Security;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                public static class HttpRegistration
                {
                    public static void AddInventory(this IServiceCollection services, IHostEnvironment env)
                    {
                        var inventory = services.AddHttpClient("inventory");
                        if (env.IsDevelopment())
                        {
                            inventory.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                            {
                                [|ServerCertificateCustomValidationCallback = (_, _, _, _) => true|],
                            });
                        }

                        services.AddHttpClient("pricing").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = (_, _, _, errors) => env.IsDevelopment() || errors == SslPolicyErrors.None,
                        });

                        services.AddHttpClient("search").ConfigurePrimaryHttpMessageHandler(_ =>
                        {
                            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
                            if (env.IsDevelopment())
                            {
                                [|handler.SslOptions.RemoteCertificateValidationCallback = delegate { return true; }|];
                            }

                            return handler;
                        });
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task LoggingCallbacksThatAlwaysAccept_Reported_CustomCaAndPinning_Silent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net;
                using System.Net.Http;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;
                using Microsoft.Extensions.Logging;

                public sealed class TlsHandlers(ILogger<TlsHandlers> logger, X509Certificate2 internalCa)
                {
                    private const string PinnedThumbprint = "3B8F1C2D4E5A69708192A3B4C5D6E7F801234567";

                    public HttpMessageHandler Lenient()
                        => new HttpClientHandler
                        {
                            [|ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                            {
                                if (errors != SslPolicyErrors.None)
                                {
                                    logger.LogWarning("TLS errors {Errors} for {Uri}", errors, request.RequestUri);
                                }

                                return true;
                            }|],
                        };

                    public HttpMessageHandler Pinned()
                        => new SocketsHttpHandler
                        {
                            SslOptions = new SslClientAuthenticationOptions
                            {
                                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                                    errors == SslPolicyErrors.None
                                    || (certificate is X509Certificate2 cert && cert.Thumbprint.Equals(PinnedThumbprint, StringComparison.OrdinalIgnoreCase)),
                            },
                        };

                    public HttpMessageHandler InternalCa()
                        => new HttpClientHandler { ServerCertificateCustomValidationCallback = ValidateAgainstInternalCa };

                    private bool ValidateAgainstInternalCa(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        if (errors == SslPolicyErrors.None)
                        {
                            return true;
                        }

                        if (certificate is null || chain is null)
                        {
                            return false;
                        }

                        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                        chain.ChainPolicy.CustomTrustStore.Add(internalCa);
                        return chain.Build(certificate);
                    }

                    public static void Legacy()
                    {
                        [|ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true|];
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task MethodGroupsThatAlwaysAccept_Reported()
            => Verify.AnalyzeAsync("""
                using System.Net.Http;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;
                using Microsoft.Extensions.DependencyInjection;

                public static class Handlers
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("model-gateway").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                        {
                            SslOptions = { [|RemoteCertificateValidationCallback = TrustEverything|] },
                        });
                    }

                    private static bool TrustEverything(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        _ = errors;
                        return true;
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task RealtimeWebSocket_AcceptAllCallback_Reported_CheckingCallback_Silent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Security;
                using System.Net.WebSockets;
                using System.Threading;
                using System.Threading.Tasks;

                public static class RealtimeConnection
                {
                    public static async Task<ClientWebSocket> ConnectAsync(Uri uri, CancellationToken ct)
                    {
                        var socket = new ClientWebSocket();
                        [|socket.Options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true|];
                        await socket.ConnectAsync(uri, ct);
                        return socket;
                    }

                    public static async Task<ClientWebSocket> ConnectCheckedAsync(Uri uri, CancellationToken ct)
                    {
                        var socket = new ClientWebSocket();
                        socket.Options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                        await socket.ConnectAsync(uri, ct);
                        return socket;
                    }
                }
                """, ReferenceCatalog.All);
    }
}
