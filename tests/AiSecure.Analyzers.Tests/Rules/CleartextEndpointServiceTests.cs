using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020 on service startup code: top-level Program.cs registrations, MinIO and Ollama clients, options read in typed clients.</summary>
    public class CleartextEndpointServiceTests
    {
        private static Task AnalyzeProgramAsync(string source, params (string Path, string Text)[] files)
        {
            var test = new Verify.Test { TestCode = source, References = ReferenceCatalog.All };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task TopLevelProgram_TypedClientsMinioAndOllama()
            => AnalyzeProgramAsync("""
                using System;
                using System.Net.Http;
                using Amazon.Runtime;
                using Amazon.S3;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using OllamaSharp;

                var builder = WebApplication.CreateBuilder(args);

                builder.Services.Configure<InventoryOptions>(builder.Configuration.GetSection("Inventory"));
                builder.Services.AddHttpClient<InventoryClient>(c => c.BaseAddress = [|new Uri("http://inventory.internal")|]);
                builder.Services.AddHttpClient<PricingClient>((sp, c) =>
                {
                    var options = sp.GetRequiredService<IOptions<InventoryOptions>>().Value;
                    c.BaseAddress = new Uri(options.PricingUrl);
                    c.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
                });
                builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(new AmazonS3Config
                {
                    ServiceURL = [|"http://minio:9000"|],
                    ForcePathStyle = true,
                }));
                builder.Services.AddKeyedSingleton<IAmazonS3>("local", (_, _) => new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://localhost:9000", ForcePathStyle = true }));
                builder.Services.AddSingleton(_ => new OllamaApiClient(new Uri(builder.Configuration["Ollama:Endpoint"] ?? "http://localhost:11434")));
                builder.Services.AddSingleton(_ => new OllamaApiClient([|"http://ollama:11434"|], "llama3.1"));

                var app = builder.Build();
                app.MapGet("/health", () => "ok");
                app.Run();

                public sealed class InventoryOptions
                {
                    public string PricingUrl { get; set; } = "";
                    public int TimeoutSeconds { get; set; } = 30;
                }

                public sealed class InventoryClient(HttpClient http)
                {
                    public System.Threading.Tasks.Task<string> GetAsync(string sku) => http.GetStringAsync($"items/{Uri.EscapeDataString(sku)}");
                }

                public sealed class PricingClient(HttpClient http)
                {
                    public System.Threading.Tasks.Task<string> GetAsync(string sku) => http.GetStringAsync($"prices/{Uri.EscapeDataString(sku)}");
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Urls": "http://0.0.0.0:8080",
                      "Inventory": { "PricingUrl": {|AISEC020:"http://pricing.internal:8081"|}, "TimeoutSeconds": 30 },
                      "Ollama": { "Endpoint": {|AISEC020:"http://ollama:11434"|} },
                      "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } },
                      "Serilog": { "WriteTo": [ { "Name": "Seq", "Args": { "serverUrl": "http://seq:5341" } } ] }
                    }
                    """),
                ("/0/appsettings.Development.json", """
                    {
                      // local stack
                      "Ollama": { "Endpoint": "http://localhost:11434" },
                      "Inventory": { "PricingUrl": "http://127.0.0.1:8081", },
                    }
                    """));

        [Fact]
        public Task OptionsMonitorAndConfigurationIndexerInServices()
            => AnalyzeProgramAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using OllamaSharp;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.Configure<EmbeddingOptions>(builder.Configuration.GetSection(EmbeddingOptions.SectionName));
                builder.Services.AddSingleton<EmbeddingClient>();
                builder.Services.AddSingleton<ChatFactory>();
                builder.Build().Run();

                public sealed class EmbeddingOptions
                {
                    public const string SectionName = "Embeddings";
                    public string Endpoint { get; set; } = "";
                    public string Model { get; set; } = "nomic-embed-text";
                }

                public sealed class EmbeddingClient(IOptionsMonitor<EmbeddingOptions> options, IHttpClientFactory factory)
                {
                    public async Task<string> EmbedAsync(string text)
                    {
                        using var http = factory.CreateClient();
                        http.BaseAddress = new Uri(options.CurrentValue.Endpoint);
                        var response = await http.PostAsync("api/embed", new StringContent(text));
                        return await response.Content.ReadAsStringAsync();
                    }
                }

                public sealed class ChatFactory(IConfiguration configuration)
                {
                    private readonly string _endpoint = configuration["Chat:Endpoint"] ?? throw new InvalidOperationException("Chat:Endpoint");

                    public OllamaApiClient Create() => new OllamaApiClient(new Uri(_endpoint));
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Embeddings": { "Endpoint": {|AISEC020:"http://embeddings.svc.cluster.local:8080"|}, "Model": "nomic-embed-text" },
                      "Chat": { "Endpoint": {|AISEC020:"http://ollama.svc.cluster.local:11434"|} },
                      "OpenApi": { "ContactUrl": "http://contoso.example/contact", "Schema": "http://json-schema.org/draft-07/schema#" }
                    }
                    """));

        [Fact]
        public Task NamespacesSchemasAndDocumentationLinks_Silent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Xml.Linq;
                using System.Xml.Serialization;

                [XmlRoot("invoice", Namespace = "http://schemas.contoso.example/invoice/2024")]
                public sealed class Invoice
                {
                    public const string SchemaUri = "http://json-schema.org/draft-07/schema#";
                    public static readonly XNamespace Ns = "http://schemas.contoso.example/invoice/2024";
                    public static readonly Uri Terms = new Uri("http://contoso.example/terms");

                    public string Id { get; set; } = "";
                }

                public sealed class InvoiceExporter(HttpClient http)
                {
                    private static readonly Uri ApiBase = new("https://api.contoso.example/");

                    public XElement ToXml(Invoice invoice)
                        => new XElement(Invoice.Ns + "invoice", new XAttribute(XNamespace.Xmlns + "inv", Invoice.Ns), new XElement(Invoice.Ns + "id", invoice.Id));

                    public string Describe() => $"see {Invoice.Terms} and {Invoice.SchemaUri}";

                    public void Configure() => http.BaseAddress = ApiBase;
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task RelativeUriOnACleartextBase_Reported()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                public sealed class ScoringClient(HttpClient http)
                {
                    private static readonly Uri Base = new("http://scoring.internal/");
                    private static readonly Uri SecureBase = new("https://scoring.example.com/");

                    public Task<string> ScoreAsync(string id) => http.GetStringAsync([|new Uri(Base, $"score/{Uri.EscapeDataString(id)}")|]);

                    public Task<string> ScoreSecureAsync(string id) => http.GetStringAsync(new Uri(SecureBase, $"score/{Uri.EscapeDataString(id)}"));

                    public async Task<string> SendAsync(string body)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, [|"http://scoring.internal/v2/score"|]) { Content = new StringContent(body) };
                        using var response = await http.SendAsync(request);
                        return await response.Content.ReadAsStringAsync();
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task CoalescingBaseAddress_FixRewritesTheScheme()
            => Verify.FixAsync("""
                using System;
                using System.Net.Http;

                public sealed class InventoryClient(HttpClient http)
                {
                    public void EnsureBaseAddress() => http.BaseAddress ??= [|new Uri("http://inventory.internal/")|];
                }
                """, """
                using System;
                using System.Net.Http;

                public sealed class InventoryClient(HttpClient http)
                {
                    public void EnsureBaseAddress() => http.BaseAddress ??= new Uri("https://inventory.internal/");
                }
                """);
    }
}
