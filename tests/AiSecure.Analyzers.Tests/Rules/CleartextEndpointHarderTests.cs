using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020 on endpoints kept in readonly fields that a constructor sets, with a cleartext fallback (reported at the sink, as for any field).</summary>
    public class CleartextEndpointHarderTests
    {
        [Fact]
        public Task ReadOnlyFieldsSetInTheConstructorWithAFallback()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                public sealed class HealthProbe
                {
                    private static readonly HttpClient Shared = new();
                    private readonly string _statusUrl;
                    private readonly Uri _metricsUri;
                    private readonly string _localUrl;
                    private readonly string _secureUrl;
                    private readonly string _twiceUrl = "https://status.contoso.net/";

                    public HealthProbe(IConfiguration configuration)
                    {
                        _statusUrl = configuration["Health:StatusUrl"] ?? "http://status.contoso.net/health";
                        this._metricsUri = new Uri("http://metrics.contoso.net/");
                        _localUrl = configuration["Health:Local"] ?? "http://localhost:8500/health";
                        _secureUrl = configuration["Health:Secure"] ?? "https://status.contoso.net/health";
                        _twiceUrl = configuration["Health:Twice"] ?? "http://twice.contoso.net/";
                    }

                    public Task<HttpResponseMessage> ProbeAsync(CancellationToken ct) => Shared.GetAsync([|_statusUrl|], ct);

                    public Task<HttpResponseMessage> MetricsAsync(CancellationToken ct) => Shared.GetAsync([|_metricsUri|], ct);

                    public Task<HttpResponseMessage> LocalAsync(CancellationToken ct) => Shared.GetAsync(_localUrl, ct);

                    public Task<HttpResponseMessage> SecureAsync(CancellationToken ct) => Shared.GetAsync(_secureUrl, ct);

                    // The one constructor replaces the initializer.
                    public Task<HttpResponseMessage> TwiceAsync(CancellationToken ct) => Shared.GetAsync([|_twiceUrl|], ct);
                }

                public sealed class PrimaryConstructorClient(IConfiguration configuration)
                {
                    private readonly HttpClient _http = new();
                    private readonly string _baseUrl = configuration["Rag:BaseUrl"] ?? "http://rag.internal:8080/";

                    public Task<string> SearchAsync(CancellationToken ct) => _http.GetStringAsync([|_baseUrl + "search"|], ct);
                }
                """, ReferenceCatalog.Web);
        [Fact]
        public Task Fix_RewritesTheFallbackInTheConstructor()
            => Verify.FixAsync("""
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                public sealed class HealthProbe
                {
                    private static readonly HttpClient Shared = new();
                    private readonly string _statusUrl;

                    public HealthProbe(IConfiguration configuration)
                    {
                        _statusUrl = configuration["Health:StatusUrl"] ?? "http://status.contoso.net/health";
                    }

                    public Task<HttpResponseMessage> ProbeAsync(CancellationToken ct) => Shared.GetAsync([|_statusUrl|], ct);
                }
                """, """
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                public sealed class HealthProbe
                {
                    private static readonly HttpClient Shared = new();
                    private readonly string _statusUrl;

                    public HealthProbe(IConfiguration configuration)
                    {
                        _statusUrl = configuration["Health:StatusUrl"] ?? "https://status.contoso.net/health";
                    }

                    public Task<HttpResponseMessage> ProbeAsync(CancellationToken ct) => Shared.GetAsync(_statusUrl, ct);
                }
                """, ReferenceCatalog.Web);
        [Fact]
        public Task LaunchProfileVariablesReadWithGetEnvironmentVariable()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using Azure;
                    using Azure.AI.OpenAI;

                    public static class Clients
                    {
                        public static AzureOpenAIClient Azure()
                            => new AzureOpenAIClient(new Uri(Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT")!), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!));

                        public static HttpClient Local() => new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("OLLAMA_HOST") ?? "http://localhost:11434") };

                        public static string? Unused() => Environment.GetEnvironmentVariable("DOCS_URL");
                    }
                    """,
                References = ReferenceCatalog.All,
            };
            test.TestState.AdditionalFiles.Add(("/0/Properties/launchSettings.json", """
                {
                  "profiles": {
                    "Api": {
                      "commandName": "Project",
                      "environmentVariables": {
                        "AZURE_OPENAI_ENDPOINT": {|AISEC020:"http://contoso.openai.azure.com/"|},
                        "OLLAMA_HOST": "http://localhost:11434",
                        "DOCS_URL": "http://docs.contoso.net/"
                      }
                    }
                  }
                }
                """));
            // A top-level key of appsettings.json is not an environment variable.
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """
                { "AZURE_OPENAI_ENDPOINT": "http://contoso.openai.azure.com/" }
                """));
            return test.RunWithStubsAsync();
        }
    }
}
