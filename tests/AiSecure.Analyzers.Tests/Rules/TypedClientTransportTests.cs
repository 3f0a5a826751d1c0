using AiSecure.Analyzers.Tests.References;
using CleartextVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;
using CertificateVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CertificateValidationAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CertificateValidationFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020 and AISEC021 on typed clients and hosting setup: named options, GetValue&lt;Uri&gt;, environment fallbacks, ??= base addresses, Kestrel client-certificate callbacks.</summary>
    public class TypedClientTransportTests
    {
        private static Task CleartextAsync(string source, params (string Path, string Text)[] files)
        {
            var test = new CleartextVerify.Test { TestCode = source, References = ReferenceCatalog.All };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task Cleartext_NamedOptionsGetValueOfUriEnvironmentFallbackAndCoalescingAssignment()
            => CleartextAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using OllamaSharp;

                public sealed class EndpointOptions { public string Url { get; set; } = ""; }

                public static class Registration
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration)
                    {
                        services.Configure<EndpointOptions>("inventory", configuration.GetSection("Endpoints:Inventory"));
                        services.AddSingleton(_ => new OllamaApiClient(configuration.GetValue<Uri>("Ollama:Endpoint")!));
                        services.AddSingleton(_ => new OllamaApiClient([|new Uri(Environment.GetEnvironmentVariable("OLLAMA_URL") ?? "http://ollama:11434")|]));
                    }
                }

                public sealed class InventoryClient(HttpClient http, IOptionsMonitor<EndpointOptions> options)
                {
                    public Task<string> GetAsync(string sku)
                    {
                        http.BaseAddress ??= new Uri(options.Get("inventory").Url);
                        return http.GetStringAsync("items/" + Uri.EscapeDataString(sku));
                    }

                    public void UseFallback() => http.BaseAddress ??= [|new Uri("http://inventory.fallback.internal/")|];
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Endpoints": { "Inventory": { "Url": {|AISEC020:"http://inventory.internal:8080"|} } },
                      "Ollama": { "Endpoint": {|AISEC020:"http://ollama.internal:11434"|} }
                    }
                    """));

        [Fact]
        public Task Certificates_KestrelClientCertificateCallbackIsNotServerValidation()
            => CertificateVerify.AnalyzeAsync("""
                using System.Net.Http;
                using System.Net.Security;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Server.Kestrel.Https;
                using Microsoft.Extensions.DependencyInjection;

                public static class Hosting
                {
                    public static void Configure(WebApplicationBuilder builder)
                    {
                        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https =>
                        {
                            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                            https.ClientCertificateValidation = (certificate, chain, errors) => true;
                        }));

                        builder.Services.AddHttpClient("ml").ConfigurePrimaryHttpMessageHandler(() =>
                        {
                            var handler = new SocketsHttpHandler();
                            handler.SslOptions = new SslClientAuthenticationOptions { [|RemoteCertificateValidationCallback = static (_, _, _, _) => true|] };
                            return handler;
                        });
                    }
                }
                """, ReferenceCatalog.Web);
    }
}
