using AiSecure.Analyzers.Tests.References;
using CredentialVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC040 on options-class defaults and raw Authorization headers of hand-written model API clients.</summary>
    public class RawModelClientCredentialTests
    {
        /// <summary>A literal holding the scheme too ("Bearer sk-…") is reported without a fix: replacing it would drop the scheme.</summary>
        [Fact]
        public Task SettableOptionsDefaultsAndBearerHeaders()
            => CredentialVerify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using OpenAI;

                public sealed class OpenAISettings
                {
                    public string Model { get; set; } = "gpt-4o-mini";
                    public string ApiKey { get; set; } = [|"sk-proj-Qm7Xv2Lp5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaZe8Ub2Io4"|];
                }

                public sealed class RawOpenAI(HttpClient http, OpenAISettings settings)
                {
                    private const string OpenAiKey = [|"sk-proj-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaWe3Rt6Yu9"|];
                    private const string Session = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJlMTIzNDU2";

                    public OpenAIClient Client() => new OpenAIClient(settings.ApiKey);

                    public void Configure()
                    {
                        http.DefaultRequestHeaders.Add("Authorization", $"Bearer {OpenAiKey}");
                        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", [|"Bearer sk-proj-Hc6Jd4Fs0GaZq8Xv2Lm5Nw9Rt3Yk7Pb1We3Rt6Yu9"|]);
                        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + Session);
                        http.DefaultRequestHeaders.Add("Authorization", $"Bearer {Environment.GetEnvironmentVariable("OPENAI_API_KEY")}");
                        http.DefaultRequestHeaders.Add("Authorization", "Bearer sk-your-key-here-xxxxxxxxxxxxxxxx");
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task BearerHeader_FixReplacesTheKeyKeepingTheScheme()
            => CredentialVerify.FixAsync("""
                using System.Net.Http;

                public sealed class RawOpenAI(HttpClient http)
                {
                    public void Configure()
                    {
                        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + [|"sk-proj-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaWe3Rt6Yu9"|]);
                    }
                }
                """, """
                using System;
                using System.Net.Http;

                public sealed class RawOpenAI(HttpClient http)
                {
                    public void Configure()
                    {
                        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                    }
                }
                """, ReferenceCatalog.All);
    }
}
