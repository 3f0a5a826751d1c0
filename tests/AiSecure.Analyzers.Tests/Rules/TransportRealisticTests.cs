using AiSecure.Analyzers.Tests.References;
using CertificateVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CertificateValidationAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CertificateValidationFixer>;
using CleartextVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;
using CredentialVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020, AISEC021 and AISEC040 on service-shaped code: constants, DI registrations, callbacks in every form.</summary>
    public class TransportRealisticTests
    {
        [Fact]
        public Task Cleartext_ConstFieldsUrisInterpolationAndNamedClients()
            => CleartextVerify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;

                public static class Endpoints
                {
                    public const string Inference = "http://inference.example.com/v1";
                    public const string Host = "scoring.example.com";
                    public const string Local = "http://localhost:5000";
                    public const string Secure = "https://inference.example.com/v1";
                }

                public class ScoringClient(HttpClient http)
                {
                    private const string BaseUrl = "http://scoring.example.com";

                    public Task<string> ScoreAsync(string id) => http.GetStringAsync([|$"http://{Endpoints.Host}/score/{id}"|]);

                    public Task<string> ScoreSecureAsync(string id) => http.GetStringAsync($"https://{Endpoints.Host}/score/{id}");

                    public Task<HttpResponseMessage> PingAsync() => http.GetAsync([|new Uri(BaseUrl)|]);

                    public Task<HttpResponseMessage> PingLocalAsync() => http.GetAsync(new Uri(Endpoints.Local));

                    public Task<string> DocsLinkAsync() => Task.FromResult("see http://docs.example.com/scoring");

                    public static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("inference", c => c.BaseAddress = [|new Uri(Endpoints.Inference)|]);
                        services.AddHttpClient("embeddings", c => c.BaseAddress = [|new Uri("http://embeddings.example.com/")|]);
                        services.AddHttpClient("secure", c => c.BaseAddress = new Uri(Endpoints.Secure));
                        services.AddHttpClient("sidecar", c => { c.BaseAddress = new Uri("http://127.0.0.1:8080/"); });
                        services.AddHttpClient<ScoringClient>(c => c.BaseAddress = new Uri("http://[::1]:9000/"));
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task Cleartext_AllowedHostsOption_Silent()
            => CleartextVerify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                public static class Registration
                {
                    private const string Mesh = "http://ollama.mesh.internal:11434/";

                    public static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("ollama", c => c.BaseAddress = new Uri(Mesh));
                        services.AddHttpClient("other", c => c.BaseAddress = [|new Uri("http://ollama.example.com:11434/")|]);
                    }
                }
                """, ReferenceCatalog.Web, editorConfig: "aisecure.allowed_http_hosts = ollama.mesh.internal");

        [Fact]
        public Task Certificate_CallbacksInEveryForm()
            => CertificateVerify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Security;
                using System.Security.Cryptography.X509Certificates;
                using Microsoft.Extensions.DependencyInjection;

                public static class Registration
                {
                    private static bool AcceptAll(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

                    private static bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

                    public static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("a").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            [|ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|],
                        });
                        services.AddHttpClient("b").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            [|ServerCertificateCustomValidationCallback = (_, _, _, _) => true|],
                        });
                        services.AddHttpClient("c").ConfigurePrimaryHttpMessageHandler(() =>
                        {
                            var handler = new HttpClientHandler();
                            [|handler.ServerCertificateCustomValidationCallback = AcceptAll|];
                            return handler;
                        });
                        services.AddHttpClient("d").ConfigurePrimaryHttpMessageHandler(() =>
                        {
                            bool Trust(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) => true;
                            var handler = new HttpClientHandler();
                            [|handler.ServerCertificateCustomValidationCallback = Trust|];
                            return handler;
                        });
                        services.AddHttpClient("e").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = Validate,
                        });
                        services.AddHttpClient("f").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None,
                        });
                        services.AddHttpClient("g").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                        {
                            SslOptions = new SslClientAuthenticationOptions { [|RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => { return true; }|] },
                        });
                        services.AddHttpClient("h").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                        {
                            SslOptions = { RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None },
                        });
                    }
                }
                """, ReferenceCatalog.Web);

        [Fact]
        public Task Credentials_ConstantsStaticFieldsAndPlaceholders()
            => CredentialVerify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using Amazon.Runtime;
                using Amazon.S3;
                using Azure;
                using OpenAI;

                public static class Keys
                {
                    public const string OpenAi = [|"sk-proj-4fT9qLm2Xc7Vb1Nz8Rw3Ks6Jd0Hy5Pg"|];
                    public static readonly string AccessKey = [|"AKIAIOSFODNN7EXAMPLF"|];
                    public static readonly string Secret = [|"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEYQ"|];
                    public const string Azure = [|"3f9a1c7e5b2d4a6f8e0c1b3d5f7a9e2c"|];
                    public const string Placeholder = "<your-api-key>";
                    public const string TestKey = "my-test-api-key-1234567890";
                }

                public class Clients
                {
                    private const string Key = [|"sk-4fT9qLm2Xc7Vb1Nz8Rw3Ks6Jd0Hy5PgQe"|];

                    public OpenAIClient OpenAi() => new OpenAIClient(new ApiKeyCredential(Key));

                    public OpenAIClient FromConst() => new OpenAIClient(new ApiKeyCredential(Keys.OpenAi));

                    public AzureKeyCredential Azure() => new AzureKeyCredential(Keys.Azure);

                    public AmazonS3Client S3() => new AmazonS3Client(new BasicAWSCredentials(Keys.AccessKey, Keys.Secret));

                    public OpenAIClient Placeholder() => new OpenAIClient(new ApiKeyCredential(Keys.Placeholder));

                    public OpenAIClient Test() => new OpenAIClient(new ApiKeyCredential(Keys.TestKey));

                    public OpenAIClient Invalid() => new OpenAIClient(new ApiKeyCredential("invalid_key"));

                    public OpenAIClient FromEnvironment() => new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!));
                }
                """, ReferenceCatalog.All);
    }
}
