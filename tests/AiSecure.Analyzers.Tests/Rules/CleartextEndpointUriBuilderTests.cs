using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020 on endpoints built with <c>UriBuilder</c> (docs/rules/AISEC020.md).</summary>
    public class CleartextEndpointUriBuilderTests
    {
        [Fact]
        public Task UriBuilderWithAnHttpScheme_Reported_HttpsOrLoopback_Silent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using System.Net.Http;
                using OpenAI;

                public static class Clients
                {
                    public static OpenAIClient Proxy(string key)
                        => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = [|new UriBuilder("http", "llm-proxy.corp.example.com", 8080).Uri|] });

                    public static HttpClient Gateway(string host)
                        => new HttpClient { BaseAddress = [|new UriBuilder(Uri.UriSchemeHttp, host) { Path = "/v1/" }.Uri|] };

                    public static HttpClient Initialized(string host)
                        => new HttpClient { BaseAddress = [|new UriBuilder { Scheme = "http", Host = host, Port = 8080 }.Uri|] };

                    public static HttpClient FromUrl()
                        => new HttpClient { BaseAddress = [|new UriBuilder("http://inference.corp.example.com/") { Path = "/v2/" }.Uri|] };

                    public static HttpClient Secure(string host)
                        => new HttpClient { BaseAddress = new UriBuilder(Uri.UriSchemeHttps, host).Uri };

                    public static HttpClient Upgraded()
                        => new HttpClient { BaseAddress = new UriBuilder("http://inference.corp.example.com/") { Scheme = "https", Port = -1 }.Uri };

                    public static HttpClient Local()
                        => new HttpClient { BaseAddress = new UriBuilder("http", "localhost", 11434).Uri };
                }
                """, ReferenceCatalog.Llm);
    }
}
