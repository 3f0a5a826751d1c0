using AiSecure.Analyzers.CodeFixes.Rules;
using AiSecure.Analyzers.Rules;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020: endpoint uses cleartext HTTP.</summary>
    public class CleartextEndpointTests
    {
        [Fact]
        public Task AwsServiceUrlInInitializer()
            => Verify.AnalyzeAsync("""
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Client Create() => new AmazonS3Client(new AmazonS3Config
                    {
                        ServiceURL = [|"http://s3.eu-west-1.amazonaws.com"|],
                        ForcePathStyle = true,
                    });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task AwsServiceUrlAssignedLater()
            => Verify.AnalyzeAsync("""
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Config Create(string region)
                    {
                        var config = new AmazonS3Config();
                        config.ServiceURL = [|$"http://s3.{region}.example.com"|];
                        return config;
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task AwsUseHttpTrue()
            => Verify.AnalyzeAsync("""
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Config Create()
                    {
                        var config = new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.USEast1, [|UseHttp = true|] };
                        [|config.UseHttp = true|];
                        config.UseHttp = false;
                        return config;
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task OpenAIEndpointOption()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                class Llm
                {
                    public ChatClient Create(string key)
                    {
                        var options = new OpenAIClientOptions { Endpoint = [|new Uri("http://llm-gateway.corp.example.com/v1")|] };
                        return new ChatClient("gpt-4o", new ApiKeyCredential(key), options);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task AzureOpenAIClientEndpoint()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;

                class Llm
                {
                    private const string Endpoint = "http://contoso.openai.azure.com/";

                    public AzureOpenAIClient Create(string key)
                        => new AzureOpenAIClient([|new Uri(Endpoint)|], new ApiKeyCredential(key));
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task HttpClientBaseAddressAndVerbs()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class Inference
                {
                    private readonly HttpClient _http = new HttpClient { BaseAddress = [|new Uri("http://inference.example.com/")|] };

                    public async Task<string> RunAsync(string prompt)
                    {
                        _http.BaseAddress = [|new Uri("HTTP://inference.example.com")|];
                        await _http.PostAsync([|"http://inference.example.com/v1/generate"|], new StringContent(prompt));
                        await _http.PostAsJsonAsync([|"http://inference.example.com/v1/chat"|], new { prompt });
                        await _http.DeleteAsync([|new Uri("http://inference.example.com/v1/cache")|]);
                        await _http.GetFromJsonAsync<string[]>([|"http://inference.example.com/v1/models"|]);
                        return await _http.GetStringAsync([|"http://inference.example.com/v1/health"|]);
                    }
                }
                """);

        [Fact]
        public Task HttpRequestMessageUrl()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                class Inference
                {
                    public HttpRequestMessage Build() => new HttpRequestMessage(HttpMethod.Post, [|"http://api.example.com/v1/embeddings"|]);

                    public HttpRequestMessage BuildUri()
                    {
                        var request = new HttpRequestMessage();
                        request.RequestUri = [|new Uri("http://api.example.com/v1/embeddings")|];
                        return request;
                    }
                }
                """);

        [Fact]
        public Task OllamaClient()
            => Verify.AnalyzeAsync("""
                using System;
                using OllamaSharp;

                class Local
                {
                    public OllamaApiClient Remote() => new OllamaApiClient([|"http://gpu-box.lan:11434"|]);

                    public OllamaApiClient RemoteUri() => new OllamaApiClient([|new Uri("http://gpu-box.lan:11434")|], "llama3.1");

                    public OllamaApiClient Loopback() => new OllamaApiClient(new Uri("http://localhost:11434"));
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task SemanticKernelEndpointsAndAnthropicBaseUrl()
            => Verify.AnalyzeAsync("""
                using System;
                using Anthropic;
                using Microsoft.SemanticKernel;

                class KernelSetup
                {
                    public Kernel Build()
                    {
                        var builder = Kernel.CreateBuilder();
                        builder.AddOpenAIChatCompletion("llama3.1", [|new Uri("http://vllm.gpu.internal:8000/v1")|], apiKey: null);
                        builder.AddAzureOpenAIChatCompletion("gpt-4o", [|"http://my-aoai.openai.azure.com/"|], "key-from-vault");
                        builder.AddOpenAIChatCompletion("phi-4", new Uri("http://localhost:8000/v1"), apiKey: null);
                        builder.AddAzureOpenAIChatCompletion("gpt-4o", "https://my-aoai.openai.azure.com/", "key-from-vault");
                        return builder.Build();
                    }

                    public AnthropicClient Proxy() => new AnthropicClient { BaseUrl = [|"http://anthropic-proxy.corp.example.com"|] };

                    public AnthropicClient Direct() => new AnthropicClient { BaseUrl = "https://api.anthropic.com" };
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task SilentOnLinkLocalInstanceMetadata()
            => Verify.AnalyzeAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;

                class InstanceMetadata
                {
                    public Task<string> InstanceIdAsync(HttpClient http) => http.GetStringAsync("http://169.254.169.254/latest/meta-data/instance-id");

                    public Task<string> TaskCredentialsAsync(HttpClient http) => http.GetStringAsync("http://169.254.170.2/v2/credentials");

                    public Task<string> Ipv6Async(HttpClient http) => http.GetStringAsync("http://[fd00:ec2::254]/latest/meta-data/");

                    public Task<string> RemoteAsync(HttpClient http) => http.GetStringAsync([|"http://169.255.1.1/status"|]);
                }
                """);

        [Fact]
        public Task OptionsClassDefaults()
            => Verify.FixAsync("""
                using System;
                using System.Net.Http;

                public sealed class InferenceOptions
                {
                    public string BaseUrl { get; set; } = "http://inference.corp.example.com:8080/";

                    public Uri Fallback { get; init; } = new Uri("http://fallback.corp.example.com/");

                    public string Local { get; set; } = "http://localhost:8080/";

                    public string Configured { get; set; } = string.Empty;
                }

                class InferenceClientFactory
                {
                    public HttpClient Create(InferenceOptions options)
                    {
                        var client = new HttpClient { BaseAddress = [|new Uri(options.BaseUrl)|] };
                        client.BaseAddress = [|options.Fallback|];
                        client.BaseAddress = new Uri(options.Local);
                        client.BaseAddress = new Uri(options.Configured);
                        return client;
                    }
                }
                """, """
                using System;
                using System.Net.Http;

                public sealed class InferenceOptions
                {
                    public string BaseUrl { get; set; } = "https://inference.corp.example.com:8080/";

                    public Uri Fallback { get; init; } = new Uri("https://fallback.corp.example.com/");

                    public string Local { get; set; } = "http://localhost:8080/";

                    public string Configured { get; set; } = string.Empty;
                }

                class InferenceClientFactory
                {
                    public HttpClient Create(InferenceOptions options)
                    {
                        var client = new HttpClient { BaseAddress = new Uri(options.BaseUrl) };
                        client.BaseAddress = options.Fallback;
                        client.BaseAddress = new Uri(options.Local);
                        client.BaseAddress = new Uri(options.Configured);
                        return client;
                    }
                }
                """);

        [Fact]
        public Task WebRequestCreate()
            => Verify.AnalyzeAsync("""
                using System.Net;

                class Legacy
                {
                #pragma warning disable SYSLIB0014
                    public WebRequest Create() => WebRequest.Create([|"http://models.example.com/download"|]);
                #pragma warning restore SYSLIB0014
                }
                """);

        [Fact]
        public Task ConstFieldInOtherTypeAndLocalInitializedOnce()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                static class Endpoints
                {
                    public const string Inference = "http://inference.example.com";
                }

                class Client
                {
                    public HttpClient Create()
                    {
                        var url = "http://models.example.com/";
                        var http = new HttpClient { BaseAddress = [|new Uri(url)|] };
                        http.BaseAddress = [|new Uri(Endpoints.Inference)|];
                        return http;
                    }
                }
                """);

        [Fact]
        public Task ReadOnlyFieldsAndConfigurationFallbacks()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class Client
                {
                    private static readonly Uri InferenceUri = new Uri("http://inference.example.com/");
                    private static readonly Uri LocalUri = new("http://localhost:8080/");
                    private readonly string _modelsUrl = "http://models.example.com/";

                    public HttpClient Create(IConfiguration configuration)
                    {
                        var http = new HttpClient { BaseAddress = [|InferenceUri|] };
                        http.BaseAddress = LocalUri;
                        http.BaseAddress = [|new Uri(_modelsUrl)|];
                        http.BaseAddress = [|new Uri(configuration["Ollama:Endpoint"] ?? "http://ollama.internal:11434")|];
                        http.BaseAddress = new Uri(configuration["Ollama:Endpoint"] ?? "https://ollama.example.com");
                        http.BaseAddress = [|new Uri(configuration.GetValue("Llm:Url", "http://llm.internal:8000/")!)|];
                        http.BaseAddress = [|new Uri(configuration.GetValue<string>("Llm:Url", "http://llm.internal:8000/")!)|];
                        http.BaseAddress = new Uri(configuration.GetValue("Llm:Url", "http://localhost:8000/")!);
                        return http;
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task ConcatenationStartingWithHttp()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create(string host) => new HttpClient { BaseAddress = [|new Uri("http://" + host + ":8080/")|] };
                }
                """);

        [Fact]
        public async Task MessageText()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;

                    class Client
                    {
                        public HttpClient Create() => new HttpClient { BaseAddress = {|#0:new Uri("http://api.example.com/v1")|} };
                    }
                    """,
                References = ReferenceCatalog.Net,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.CleartextEndpoint).WithLocation(0)
                .WithArguments("The endpoint 'http://api.example.com/v1'")
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task SilentOnHttpsLoopbackAndUnknown()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Amazon.S3;

                class Client
                {
                    public void Configure(HttpClient http, string configured)
                    {
                        http.BaseAddress = new Uri("https://api.example.com/");
                        http.BaseAddress = new Uri("http://localhost:5000/");
                        http.BaseAddress = new Uri("http://127.0.0.1:8080/");
                        http.BaseAddress = new Uri("http://127.10.0.3/");
                        http.BaseAddress = new Uri("http://[::1]:9000/");
                        http.BaseAddress = new Uri("http://api.localhost/");
                        http.BaseAddress = new Uri(configured);
                        http.BaseAddress = new Uri($"{configured}/v1");
                        var s3 = new AmazonS3Config { ServiceURL = "http://localhost:4566", UseHttp = false };
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task SilentOnHttpStringsThatReachNoSink()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Xml.Linq;

                /// <summary>See http://docs.example.com/guide.</summary>
                class Documents
                {
                    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
                    private const string Schema = "http://json-schema.org/draft-07/schema#";

                    public string Describe(Uri uri)
                    {
                        Console.WriteLine("Falling back to http://mirror.example.com when the primary is down");
                        var link = new Uri("http://example.com/help");
                        return Schema + Atom.NamespaceName + link;
                    }
                }
                """);

        [Fact]
        public Task SilentOnLocalThatIsReassigned()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create(bool secure)
                    {
                        var url = "http://api.example.com/";
                        if (secure)
                        {
                            url = "https://api.example.com/";
                        }

                        return new HttpClient { BaseAddress = new Uri(url) };
                    }
                }
                """);

        [Fact]
        public Task SilentOnLookalikeUserTypes()
            => Verify.AnalyzeAsync("""
                class MyConfig
                {
                    public string ServiceURL { get; set; } = "";
                    public bool UseHttp { get; set; }
                }

                class Setup
                {
                    public MyConfig Create() => new MyConfig { ServiceURL = "http://api.example.com", UseHttp = true };
                }
                """);

        [Fact]
        public Task AllowedHostsOption()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    public void Configure(HttpClient http)
                    {
                        http.BaseAddress = new Uri("http://inference.svc.cluster.local/");
                        http.BaseAddress = new Uri("http://proxy/");
                        http.BaseAddress = new Uri("http://models.internal.example/");
                        http.BaseAddress = [|new Uri("http://api.example.com/")|];
                    }
                }
                """, editorConfig: "aisecure.allowed_http_hosts = inference.svc.cluster.local, proxy, *.internal.example");

        [Fact]
        public Task EndpointSinksOption()
            => Verify.AnalyzeAsync("""
                namespace Contoso
                {
                    public class ModelGateway
                    {
                        public ModelGateway(string baseUrl, string apiKeyName) { }
                        public string? Endpoint { get; set; }
                        public void Connect(string url, string label) { }
                    }

                    class Use
                    {
                        public void Run()
                        {
                            var gateway = new ModelGateway([|"http://gateway.example.com"|], "http://not-a-url-parameter.example.com");
                            gateway.Endpoint = [|"http://gateway.example.com/v2"|];
                            gateway.Connect([|"http://gateway.example.com"|], "http://label.example.com");
                        }
                    }
                }
                """, editorConfig: "aisecure.endpoint_sinks = M:Contoso.ModelGateway..ctor(System.String,System.String)@baseUrl, P:Contoso.ModelGateway.Endpoint, M:Contoso.ModelGateway.Connect(System.String,System.String)@url");

        [Fact]
        public Task BadOptionValuesKeepDefaults()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create() => new HttpClient { BaseAddress = [|new Uri("http://api.example.com/")|] };
                }
                """, editorConfig: "aisecure.endpoint_sinks = this is not an id, M:Nope(\naisecure.allowed_http_hosts = ,,;");

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create() => new HttpClient { BaseAddress = new Uri("http://api.example.com/") };
                }
                """);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create() => new HttpClient { BaseAddress = new Uri(
                    public void Other() { var x = new HttpRequestMessage(HttpMethod.Get, ; }
                """, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task FixLiteral()
            => Verify.FixAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create() => new HttpClient { BaseAddress = [|new Uri("http://api.example.com/v1")|] }; // gateway
                }
                """, """
                using System;
                using System.Net.Http;

                class Client
                {
                    public HttpClient Create() => new HttpClient { BaseAddress = new Uri("https://api.example.com/v1") }; // gateway
                }
                """);

        [Fact]
        public Task FixInterpolatedAndVerbatim()
            => Verify.FixAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;

                class Client
                {
                    public async Task<string> Get(HttpClient http, string region, string id)
                    {
                        var a = await http.GetStringAsync([|$"http://models.{region}.example.com/{id}"|]);
                        var b = await http.GetStringAsync([|@"http://models.example.com/list"|]);
                        return a + b;
                    }
                }
                """, """
                using System.Net.Http;
                using System.Threading.Tasks;

                class Client
                {
                    public async Task<string> Get(HttpClient http, string region, string id)
                    {
                        var a = await http.GetStringAsync($"https://models.{region}.example.com/{id}");
                        var b = await http.GetStringAsync(@"https://models.example.com/list");
                        return a + b;
                    }
                }
                """);

        [Fact]
        public Task FixConstInsideAnInterpolatedPath()
            => Verify.FixAsync("""
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class EmbeddingClient
                {
                    private const string Base = "http://embeddings.internal";

                    public Task<HttpResponseMessage> EmbedAsync(HttpClient http, string text)
                        => http.PostAsJsonAsync([|$"{Base}/v1/embed"|], new { text });

                    public Task<string> ModelAsync(HttpClient http, string model)
                        => http.GetStringAsync([|$"{Base}/v1/models/{model}"|]);
                }
                """, """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;

                class EmbeddingClient
                {
                    private const string Base = "https://embeddings.internal";

                    public Task<HttpResponseMessage> EmbedAsync(HttpClient http, string text)
                        => http.PostAsJsonAsync($"{Base}/v1/embed", new { text });

                    public Task<string> ModelAsync(HttpClient http, string model)
                        => http.GetStringAsync($"{Base}/v1/models/{model}");
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task FixConstAtItsDeclaration()
            => Verify.FixAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    private const string BaseUrl = "http://api.example.com/";

                    public HttpClient Create() => new HttpClient { BaseAddress = [|new Uri(BaseUrl)|] };

                    public HttpRequestMessage Ping() => new HttpRequestMessage(HttpMethod.Get, [|BaseUrl + "ping"|]);
                }
                """, """
                using System;
                using System.Net.Http;

                class Client
                {
                    private const string BaseUrl = "https://api.example.com/";

                    public HttpClient Create() => new HttpClient { BaseAddress = new Uri(BaseUrl) };

                    public HttpRequestMessage Ping() => new HttpRequestMessage(HttpMethod.Get, BaseUrl + "ping");
                }
                """);

        [Fact]
        public Task FixReadOnlyFieldAndFallback()
            => Verify.FixAsync("""
                using System;
                using System.Net.Http;

                class Client
                {
                    private static readonly Uri InferenceUri = new Uri("http://inference.example.com/");

                    public HttpClient Create(string? configured) => new HttpClient { BaseAddress = [|InferenceUri|] };

                    public Uri Fallback(string? configured) => new HttpRequestMessage(HttpMethod.Get, [|configured ?? "http://models.example.com/"|]).RequestUri!;
                }
                """, """
                using System;
                using System.Net.Http;

                class Client
                {
                    private static readonly Uri InferenceUri = new Uri("https://inference.example.com/");

                    public HttpClient Create(string? configured) => new HttpClient { BaseAddress = InferenceUri };

                    public Uri Fallback(string? configured) => new HttpRequestMessage(HttpMethod.Get, configured ?? "https://models.example.com/").RequestUri!;
                }
                """);

        [Fact]
        public Task FixUseHttp()
            => Verify.FixAsync("""
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Config Create()
                    {
                        var config = new AmazonS3Config { [|UseHttp = true|] };
                        [|config.UseHttp = true|];
                        return config;
                    }
                }
                """, """
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Config Create()
                    {
                        var config = new AmazonS3Config { UseHttp = false };
                        config.UseHttp = false;
                        return config;
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task FixAllAcrossSinks()
            => Verify.FixAsync("""
                using System;
                using System.Net.Http;
                using Amazon.S3;

                class Setup
                {
                    public void Configure(HttpClient http)
                    {
                        http.BaseAddress = [|new Uri("http://a.example.com/")|];
                        var s3 = new AmazonS3Config { ServiceURL = [|"http://s3.example.com"|], [|UseHttp = true|] };
                        var request = new HttpRequestMessage(HttpMethod.Get, [|"http://b.example.com/"|]);
                    }
                }
                """, """
                using System;
                using System.Net.Http;
                using Amazon.S3;

                class Setup
                {
                    public void Configure(HttpClient http)
                    {
                        http.BaseAddress = new Uri("https://a.example.com/");
                        var s3 = new AmazonS3Config { ServiceURL = "https://s3.example.com", UseHttp = false };
                        var request = new HttpRequestMessage(HttpMethod.Get, "https://b.example.com/");
                    }
                }
                """, ReferenceCatalog.Aws);
    }
}
