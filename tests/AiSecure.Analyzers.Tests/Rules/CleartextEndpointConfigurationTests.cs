using System;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020 in configuration files: an http:// value at a key that code reads into an endpoint sink.</summary>
    public partial class CleartextEndpointConfigurationTests
    {
        private static Task AnalyzeAsync(string source, params (string Path, string Text)[] files)
            => AnalyzeWithOptionsAsync(source, null, files);

        private static Task AnalyzeWithOptionsAsync(string source, string? editorConfig, params (string Path, string Text)[] files)
        {
            var test = new Verify.Test { TestCode = source, References = ReferenceCatalog.All, EditorConfig = editorConfig };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task ConfigurationIndexer()
            => AnalyzeAsync("""
                using System;
                using Microsoft.Extensions.Configuration;
                using OpenAI;

                class Clients
                {
                    public OpenAIClientOptions Create(IConfiguration configuration)
                        => new OpenAIClientOptions { Endpoint = new Uri(configuration["OpenAI:Endpoint"]!) };
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "OpenAI": { "Endpoint": {|AISEC020:"http://llm-gateway.contoso.example/v1"|}, "Docs": "http://docs.contoso.example/openai" },
                      "Schema": "http://schemas.xmlsoap.org/soap/envelope/"
                    }
                    """));

        [Fact]
        public Task GetValueOfString()
            => AnalyzeAsync("""
                using Microsoft.Extensions.Configuration;
                using OllamaSharp;

                class Clients
                {
                    public OllamaApiClient Create(IConfiguration configuration)
                        => new OllamaApiClient(configuration.GetValue<string>("Ollama:BaseUrl")!);
                }
                """,
                ("/0/appsettings.json", """{ "Ollama": { "BaseUrl": {|AISEC020:"http://gpu-box.lan:11434"|} } }"""));

        [Fact]
        public Task SectionIndexerAndSectionValue()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                class Gateway
                {
                    public async Task<string> Call(IConfiguration configuration, HttpClient http)
                    {
                        http.BaseAddress = new Uri(configuration.GetSection("Gateway")["BaseUrl"]!);
                        var section = configuration.GetSection("Embeddings");
                        var url = section.GetSection("Url").Value;
                        return await http.GetStringAsync(url);
                    }
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Gateway": { "BaseUrl": {|AISEC020:"http://gateway.contoso.example"|} },
                      "Embeddings": { "Url": {|AISEC020:"http://embeddings.contoso.example/embed"|} }
                    }
                    """));

        [Fact]
        public Task SectionPathValue()
            => AnalyzeAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                class Gateway
                {
                    public Task<HttpResponseMessage> Call(IConfiguration configuration, HttpClient http)
                        => http.PostAsync(configuration.GetSection("Moderation:Endpoint").Value, new StringContent("{}"));
                }
                """,
                ("/0/appsettings.json", """{ "Moderation": { "Endpoint": {|AISEC020:"http://moderation.contoso.example/v1/check"|} } }"""));

        [Fact]
        public Task OptionsBoundWithConfigure()
            => AnalyzeAsync("""
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;

                public sealed class AzureOpenAISettings
                {
                    public string Endpoint { get; set; } = "";
                    public string Deployment { get; set; } = "";
                    public string Key { get; set; } = "";
                }

                static class Setup
                {
                    public static void Register(IServiceCollection services, IConfiguration configuration)
                        => services.Configure<AzureOpenAISettings>(configuration.GetSection("AzureOpenAI"));
                }

                class ChatFactory(IOptions<AzureOpenAISettings> options)
                {
                    public AzureOpenAIClient Create()
                        => new AzureOpenAIClient(new Uri(options.Value.Endpoint), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!));
                }
                """,
                ("/0/appsettings.json", """
                    { "AzureOpenAI": { "Endpoint": {|AISEC020:"http://contoso.openai.azure.com/"|}, "Deployment": "http://not-read.example" } }
                    """));

        [Fact]
        public Task OptionsBoundWithBindGetAndBindConfiguration()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;

                public class RerankOptions { public string BaseUrl { get; set; } = ""; }
                public class SearchOptions { public Uri? Endpoint { get; set; } }
                public class VectorOptions { public string Url { get; set; } = ""; }

                static class Setup
                {
                    public static HttpClient Rerank(IConfiguration configuration)
                    {
                        var options = new RerankOptions();
                        configuration.GetSection("Rerank").Bind(options);
                        return new HttpClient { BaseAddress = new Uri(options.BaseUrl) };
                    }

                    public static HttpClient Search(IConfiguration configuration)
                    {
                        var search = configuration.GetSection("Search").Get<SearchOptions>()!;
                        return new HttpClient { BaseAddress = search.Endpoint };
                    }

                    public static void Vector(IServiceCollection services)
                        => services.AddOptions<VectorOptions>().BindConfiguration("Vector");
                }

                class VectorClient(IOptionsMonitor<VectorOptions> options, HttpClient http)
                {
                    public void Configure() => http.BaseAddress = new Uri(options.CurrentValue.Url);
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Rerank": { "BaseUrl": {|AISEC020:"http://rerank.contoso.example"|} },
                      "Search": { "Endpoint": {|AISEC020:"http://search.contoso.example"|} },
                      "Vector": { "Url": {|AISEC020:"http://vector.contoso.example:6333"|} }
                    }
                    """));

        [Fact]
        public Task NestedOptionsAndOptionsBuilderBind()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;

                public class AiOptions { public LlmOptions Llm { get; set; } = new(); }
                public class LlmOptions { public string Endpoint { get; set; } = ""; }

                static class Setup
                {
                    public static void Register(IServiceCollection services, IConfiguration configuration)
                        => services.AddOptions<AiOptions>().Bind(configuration.GetSection("Ai"));
                }

                class LlmClient(IOptions<AiOptions> options, HttpClient http)
                {
                    public void Configure() => http.BaseAddress = new Uri(options.Value.Llm.Endpoint);
                }
                """,
                ("/0/appsettings.json", """{ "Ai": { "Llm": { "Endpoint": {|AISEC020:"http://llm.contoso.example"|} } } }"""));

        [Fact]
        public Task FieldAssignedFromConfigurationInTheConstructor()
            => AnalyzeAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;

                class EmbeddingClient
                {
                    private readonly HttpClient _http;
                    private readonly string _endpoint;

                    public EmbeddingClient(HttpClient http, IConfiguration configuration)
                    {
                        _http = http;
                        _endpoint = configuration["Embeddings:Endpoint"] ?? throw new System.InvalidOperationException();
                    }

                    public Task<HttpResponseMessage> Embed(string text) => _http.PostAsync(_endpoint + "/embed", new StringContent(text));
                }
                """,
                ("/0/appsettings.json", """{ "Embeddings": { "Endpoint": {|AISEC020:"http://embeddings.contoso.example"|} } }"""));

        [Fact]
        public Task SettingsWrapperPropertiesAndMethods()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class AppSettings(IConfiguration configuration)
                {
                    public string ChatEndpoint => configuration["Chat:Endpoint"]!;

                    public Uri VisionEndpoint() => new Uri(configuration["Vision:Endpoint"]!);

                    public Func<string> Lazy() => () => configuration["Lazy:Endpoint"]!;
                }

                class Clients(AppSettings settings)
                {
                    public HttpClient Chat() => new HttpClient { BaseAddress = new Uri(settings.ChatEndpoint) };

                    public HttpClient Vision() => new HttpClient { BaseAddress = settings.VisionEndpoint() };

                    public HttpClient Lazy() => new HttpClient { BaseAddress = new Uri(settings.Lazy()()) };
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Chat": { "Endpoint": {|AISEC020:"http://chat.contoso.example"|} },
                      "Vision": { "Endpoint": {|AISEC020:"http://vision.contoso.example"|} },
                      "Lazy": { "Endpoint": "http://lazy.contoso.example" }
                    }
                    """));

        [Fact]
        public Task ObjectInitializersAndOptionsRegisteredAsInstances()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;

                public sealed record LlmSettings(string Endpoint, string Model);

                public sealed class GatewaySettings { public string? Url { get; init; } }

                static class Setup
                {
                    public const string Section = "Llm";

                    public static void Register(IServiceCollection services, IConfiguration configuration)
                    {
                        services.AddSingleton(configuration.GetRequiredSection(Section).Get<LlmSettings>()!);
                        services.AddSingleton(new GatewaySettings { Url = configuration.GetValue<string>("Gateway:Url") });
                        services.AddHttpClient("llm", (sp, client) => client.BaseAddress = new Uri(sp.GetRequiredService<LlmSettings>().Endpoint));
                    }
                }

                class Gateway(GatewaySettings settings, HttpClient http)
                {
                    public void Configure() => http.BaseAddress = new Uri(settings.Url!);
                }
                """,
                ("/0/appsettings.json", """
                    { "Llm": { "Endpoint": {|AISEC020:"http://llm.contoso.example"|}, "Model": "http://model.contoso.example" }, "Gateway": { "Url": {|AISEC020:"http://gw.contoso.example"|} } }
                    """));

        [Fact]
        public Task KeysAreCaseInsensitive()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient Create(IConfiguration configuration)
                        => new HttpClient { BaseAddress = new Uri(configuration["llm:ENDPOINT"]!) };
                }
                """,
                ("/0/appsettings.json", """{ "LLM": { "Endpoint": {|AISEC020:"HTTP://llm.contoso.example"|} } }"""));

        [Fact]
        public Task EachEnvironmentFileIsJudgedOnItsOwn()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient Create(IConfiguration configuration)
                        => new HttpClient { BaseAddress = new Uri(configuration["Ollama:Url"]!) };
                }
                """,
                ("/0/appsettings.json", """{ "Ollama": { "Url": "https://ollama.contoso.example" } }"""),
                ("/0/appsettings.Development.json", """{ "Ollama": { "Url": "http://localhost:11434" } }"""),
                ("/0/appsettings.Local.json", """{ "Ollama": { "Url": "http://127.0.0.1:11434" } }"""),
                ("/0/appsettings.Staging.json", """{ "Ollama": { "Url": "http://[::1]:11434" } }"""),
                ("/0/appsettings.Production.json", """{ "Ollama": { "Url": {|AISEC020:"http://ollama-prod.contoso.example:11434"|} } }"""));

        [Fact]
        public Task LaunchProfileEnvironmentVariables()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient Create(IConfiguration configuration)
                        => new HttpClient { BaseAddress = new Uri(configuration["OpenAI:Endpoint"]!) };
                }
                """,
                ("/0/Properties/launchSettings.json", """
                    {
                      "profiles": {
                        "http": {
                          "commandName": "Project",
                          "applicationUrl": "http://app.contoso.example:5080",
                          "environmentVariables": { "OpenAI__Endpoint": {|AISEC020:"http://proxy.contoso.example/v1"|}, "ASPNETCORE_URLS": "http://+:80" }
                        }
                      }
                    }
                    """));

        [Fact]
        public Task ListenAddressesAreSilentEvenWhenRead()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient Self(IConfiguration configuration)
                        => new HttpClient { BaseAddress = new Uri(configuration["Urls"]!) };

                    public HttpClient Kestrel(IConfiguration configuration)
                        => new HttpClient { BaseAddress = new Uri(configuration["Kestrel:Endpoints:Http:Url"]!) };
                }
                """,
                ("/0/appsettings.json", """
                    { "Urls": "http://0.0.0.0:5000", "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:5001" } } } }
                    """));

        [Fact]
        public Task ValuesNoCodeSendsAnywhereAreSilent()
            => AnalyzeAsync("""
                using System;
                using Microsoft.Extensions.Configuration;

                class Settings
                {
                    public void Log(IConfiguration configuration)
                    {
                        Console.WriteLine(configuration["OpenAI:Endpoint"]);
                        var help = new Uri(configuration["Help:Link"]!);
                        Console.WriteLine(help);
                    }
                }
                """,
                ("/0/appsettings.json", """
                    { "OpenAI": { "Endpoint": "http://llm.contoso.example" }, "Help": { "Link": "http://docs.contoso.example" } }
                    """));

        [Fact]
        public Task HttpsAndAllowedHostsAreSilent()
            => AnalyzeWithOptionsAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient A(IConfiguration configuration) => new HttpClient { BaseAddress = new Uri(configuration["A:Url"]!) };

                    public HttpClient B(IConfiguration configuration) => new HttpClient { BaseAddress = new Uri(configuration["B:Url"]!) };

                    public HttpClient C(IConfiguration configuration) => new HttpClient { BaseAddress = new Uri(configuration["C:Url"]!) };
                }
                """,
                "aisecure.allowed_http_hosts = sidecar, *.cluster.local",
                ("/0/appsettings.json", """
                    { "A": { "Url": "https://llm.contoso.example" }, "B": { "Url": "http://sidecar:8080" }, "C": { "Url": "http://llm.default.svc.cluster.local" } }
                    """));

        [Fact]
        public Task UnparsableFilesAndOtherFilesAreSkipped()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient Create(IConfiguration configuration)
                        => new HttpClient { BaseAddress = new Uri(configuration["Llm:Url"]!) };
                }
                """,
                ("/0/appsettings.json", """{ "Llm": { "Url": "http://llm.contoso.example" """),
                ("/0/appsettings.Production.json", """{ "Llm": { "Url": "http://llm.contoso.example" } } trailing"""),
                ("/0/config.json", """{ "Llm": { "Url": "http://llm.contoso.example" } }"""));

        [Fact]
        public Task CodeWithoutConfigurationFilesIsUnchanged()
            => AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Clients
                {
                    public HttpClient Create(IConfiguration configuration)
                        => new HttpClient { BaseAddress = [|new Uri(configuration["Llm:Url"] ?? "http://llm.contoso.example")|] };
                }
                """);

        [Fact]
        public Task MessageNamesTheValuePathFileAndSink()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using Microsoft.Extensions.Configuration;

                    class Clients
                    {
                        public HttpClient Create(IConfiguration configuration)
                            => new HttpClient { BaseAddress = new Uri(configuration["Llm:Url"]!) };
                    }
                    """,
                References = ReferenceCatalog.All,
            };
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """{ "Llm": { "Url": {|#0:"http://llm.contoso.example/v1"|} } }"""));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.CleartextEndpointInConfiguration).WithLocation(0)
                .WithArguments("http://llm.contoso.example/v1", "Llm:Url", "appsettings.json", "HttpClient.BaseAddress").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            return test.RunWithStubsAsync();
        }

        [Fact]
        public void ConfigurationDescriptorIsACompilationEndDescriptor()
            => Assert.Contains(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.CompilationEnd, Descriptors.CleartextEndpointInConfiguration.CustomTags);

        [Fact]
        public Task ElementsOfBoundListsAndDictionaries_ReadIntoASink_Reported_OtherElementsAndKeys_Silent()
            => AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using OllamaSharp;

                public sealed class Backend { public string Name { get; set; } = ""; public string Url { get; set; } = ""; public string Docs { get; set; } = ""; }
                public sealed class ModelEndpoint { public string Endpoint { get; set; } = ""; }
                public sealed class GatewayOptions
                {
                    public Dictionary<string, ModelEndpoint> Models { get; set; } = new();
                    public Backend[] Fallbacks { get; set; } = [];
                }

                static class Registration
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration)
                    {
                        services.Configure<GatewayOptions>(configuration.GetSection("Gateway"));
                        foreach (var backend in configuration.GetSection("Routing:Backends").Get<List<Backend>>() ?? [])
                        {
                            services.AddHttpClient(backend.Name, c => c.BaseAddress = new Uri(backend.Url));
                        }
                    }

                    public static OllamaApiClient Model(IOptions<GatewayOptions> options, string name)
                    {
                        var model = options.Value.Models[name];
                        return new OllamaApiClient(model.Endpoint);
                    }

                    public static IEnumerable<OllamaApiClient> Fallbacks(IOptions<GatewayOptions> options)
                    {
                        foreach (var fallback in options.Value.Fallbacks)
                        {
                            yield return new OllamaApiClient(new Uri(fallback.Url));
                        }
                    }
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "Routing": { "Backends": [
                        { "Name": "a", "Url": {|AISEC020:"http://a.contoso.example"|}, "Docs": "http://docs.contoso.example/a" },
                        { "Name": "b", "Url": "https://b.contoso.example" }
                      ] },
                      "Gateway": {
                        "Models": { "llama3": { "Endpoint": {|AISEC020:"http://gpu-1.contoso.example:11434"|} } },
                        "Fallbacks": [ { "Url": {|AISEC020:"http://fallback.contoso.example"|} } ]
                      },
                      "Other": [ { "Url": "http://other.contoso.example" } ]
                    }
                    """));

        [Fact]
        public Task NestedOptionsClassReadThroughALocal_Reported()
            => AnalyzeAsync("""
                using System;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using OpenAI;

                public sealed class LlmSection { public Uri? Endpoint { get; set; } public Uri? Docs { get; set; } }
                public sealed class AiOptions { public LlmSection Llm { get; set; } = new(); }

                static class Registration
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration)
                        => services.AddOptions<AiOptions>().BindConfiguration("Ai");

                    public static OpenAIClientOptions Create(IOptionsMonitor<AiOptions> options)
                    {
                        var llm = options.CurrentValue.Llm;
                        return new OpenAIClientOptions { Endpoint = llm.Endpoint };
                    }
                }
                """,
                ("/0/appsettings.json", """{ "Ai": { "Llm": { "Endpoint": {|AISEC020:"http://llm.contoso.example/v1"|}, "Docs": "http://docs.contoso.example" } } }"""));
    }
}
