using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC040 on keys written into an in-memory configuration source (docs/rules/AISEC040.md).</summary>
    public class HardcodedCredentialInMemoryConfigurationTests
    {
        [Fact]
        public Task KnownFormatsAndKeyLikeValuesUnderKeyNames_Reported_PlaceholdersAndOtherSettings_Silent()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Configuration;
                using OpenAI;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                        {
                            ["OpenAI:ApiKey"] = {|AISEC040:"sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2"|},
                            ["OpenAI:Model"] = "gpt-4o-mini",
                            ["OpenAI:Endpoint"] = "https://api.openai.com/v1",
                        });

                        var settings = new Dictionary<string, string?>
                        {
                            { "Anthropic:ApiKey", {|AISEC040:"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|} },
                            { "Search:Key", "your-search-key-here" },
                            { "Cache:Key", "llm-cache-v2-partition-0042" },
                            { "Retry:Count", "3" },
                        };
                        builder.Configuration.AddInMemoryCollection(settings);

                        builder.Configuration.AddInMemoryCollection(new[]
                        {
                            new KeyValuePair<string, string?>("Aws:AccessKeyId", {|AISEC040:"AKIAZ7Q4X2M9P3L8K5RT"|}),
                            KeyValuePair.Create<string, string?>("Tests:ApiKey", "test-api-key-0000000000"),
                        });

                        var app = builder.Build();
                        app.Run();
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task Fix_ReadsTheKeyFromTheEnvironment()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;
                using OpenAI;

                public static class Setup
                {
                    public static IConfigurationBuilder Add(IConfigurationBuilder configuration)
                        => configuration.AddInMemoryCollection(new Dictionary<string, string?>
                        {
                            ["OpenAI:ApiKey"] = [|"sk-proj-Q7vX2mN9pL4kR8tW1yZ5bC3dF6gH0jK2"|],
                        });
                }
                """, """
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.Configuration;
                using OpenAI;

                public static class Setup
                {
                    public static IConfigurationBuilder Add(IConfigurationBuilder configuration)
                        => configuration.AddInMemoryCollection(new Dictionary<string, string?>
                        {
                            ["OpenAI:ApiKey"] = Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
                        });
                }
                """, ReferenceCatalog.Llm);
    }
}
