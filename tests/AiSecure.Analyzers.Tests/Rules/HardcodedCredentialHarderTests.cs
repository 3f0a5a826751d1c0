using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC040 in service configuration files: generic key names whose section or value says they hold no secret.</summary>
    public class HardcodedCredentialHarderTests
    {
        private static Task AnalyzeAsync(string path, string text)
        {
            var test = new Verify.Test { TestCode = "class Program { static void Main() { } }", References = ReferenceCatalog.Net };
            test.TestState.AdditionalFiles.Add((path, text));
            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task GenericKeyNamesUnderADataSection_AndModelOrCacheNames_Silent()
            => AnalyzeAsync("/0/appsettings.json", """
                {
                  "Cache": { "Key": "llm-responses-cache-v2", "InstanceName": "gateway" },
                  "Idempotency": { "Key": "x-idempotency-key-header" },
                  "Models": { "DefaultKey": "gpt-4o-mini-2024-07-18", "EmbeddingKey": "text-embedding-3-large", "BedrockKey": "anthropic.claude-3-5-sonnet-20240620-v1:0" },
                  "Routing": { "PartitionToken": "tenant-id-shard-0042" },
                  "OpenAI": { "ApiKey": {|AISEC040:"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|} },
                  "Search": { "Key": {|AISEC040:"5f1a9e3c-2b7d-4c8e-9a6f-0d1e2f3a4b5c"|} },
                  "AzureAd": { "ClientSecret": {|AISEC040:"super-secret-client-value-2024"|} },
                  "Signing": { "Key": {|AISEC040:"ThisIsTheSigningKeyForOurTokens"|} }
                }
                """);
    }
}
