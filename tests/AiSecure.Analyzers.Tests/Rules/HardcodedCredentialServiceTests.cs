using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC040 on service code and its configuration files: settings records, header dictionaries, model names, ids and placeholders.</summary>
    public class HardcodedCredentialServiceTests
    {
        private static Task AnalyzeAsync(string source, params (string Path, string Text)[] files)
        {
            var test = new Verify.Test { TestCode = source, References = ReferenceCatalog.All };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task KeysInFieldsRecordsDefaultsAndCredentials_Reported()
            => AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using Amazon;
                using Amazon.Runtime;
                using Amazon.S3;
                using OpenAI;
                using OpenAI.Chat;

                public sealed record OpenAISettings(string Model = "gpt-4o-2024-08-06", string ApiKey = {|AISEC040:"sk-proj-Qm7Xv2Lp5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaZe8Ub2Io4"|});

                public static class Secrets
                {
                    internal const string Summarizer = {|AISEC040:"sk-proj-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaWe3Rt6Yu9"|};
                    internal static readonly string AwsAccessKey = {|AISEC040:"AKIAJ6RF3M4XKQ7Z2LPA"|};
                    internal static readonly string AwsSecret = {|AISEC040:"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"|};
                }

                public sealed class Clients
                {
                    public ChatClient Summaries() => new ChatClient("gpt-4o-mini-2024-07-18", new ApiKeyCredential(Secrets.Summarizer));

                    public ChatClient FromSettings(OpenAISettings settings) => new ChatClient(settings.Model, new ApiKeyCredential(settings.ApiKey));

                    public OpenAIClient Direct() => new OpenAIClient(new ApiKeyCredential({|AISEC040:"sk-proj-Hc6Jd4Fs0GaZq8Xv2Lm5Nw9Rt3Yk7Pb1We3Rt6Yu9"|}), new OpenAIClientOptions());

                    public IAmazonS3 Storage()
                        => new AmazonS3Client(new BasicAWSCredentials(Secrets.AwsAccessKey, Secrets.AwsSecret), RegionEndpoint.EUWest1);
                }
                """);

        [Fact]
        public Task HeaderDictionaries_Reported()
            => AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Net.Http;

                public sealed class AzureSearchClient(HttpClient http)
                {
                    private static readonly Dictionary<string, string> DefaultHeaders = new()
                    {
                        ["api-key"] = {|AISEC040:"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|},
                        ["x-ms-client-request-id"] = "7d9f3a2b4c6e8f0a1b3d5e7f9a2c4e6b",
                    };

                    private const string ClaudeKey = {|AISEC040:"sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|};

                    private static readonly Dictionary<string, string> OpenAIHeaders = new()
                    {
                        { "x-api-key", ClaudeKey },
                        { "anthropic-version", "2023-06-01" },
                        { "OpenAI-Organization", "org-4fJq9XtR2mVb7LwZ1cKd" },
                    };

                    public Dictionary<string, string> Headers()
                    {
                        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        headers.Add("api-key", {|AISEC040:"7e1c3b94b2c8e1f9a3d47e6b5c0d8f2a"|});
                        headers["x-api-key"] = "sk-ant-test-key";
                        headers["x-correlation-id"] = "7e1c3b94b2c8e1f9a3d47e6b5c0d8f2a";
                        return headers;
                    }

                    public void Configure()
                    {
                        foreach (var (name, value) in DefaultHeaders)
                        {
                            http.DefaultRequestHeaders.Add(name, value);
                        }

                        foreach (var header in OpenAIHeaders)
                        {
                            http.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
                        }
                    }
                }
                """);

        [Fact]
        public Task ModelNamesIdsHashesAndPlaceholders_Silent()
            => AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using Azure;
                using Azure.AI.OpenAI;
                using OpenAI;
                using OpenAI.Chat;

                public static class Defaults
                {
                    public const string Model = "gpt-4o-2024-08-06";
                    public const string Deployment = "contoso-gpt4o-prod-eastus2-0806";
                    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
                    public const string ExpectedSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
                    public const string KmsKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
                }

                public sealed class Clients
                {
                    public ChatClient Chat(string apiKey) => new ChatClient(model: Defaults.Model, apiKey: apiKey);

                    public ChatClient Deployment(AzureOpenAIClient azure) => azure.GetChatClient(Defaults.Deployment);

                    public OpenAIClient[] Placeholders() =>
                    [
                        new OpenAIClient(new ApiKeyCredential("<your-key>")),
                        new OpenAIClient(new ApiKeyCredential("${OPENAI_API_KEY}")),
                        new OpenAIClient(new ApiKeyCredential("#{OpenAiApiKey}#")),
                        new OpenAIClient(new ApiKeyCredential("__OpenAiApiKey__")),
                        new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "sk-not-set")),
                    ];

                    public AzureOpenAIClient Azure(Uri endpoint) => new AzureOpenAIClient(endpoint, new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!));
                }
                """);

        [Fact]
        public Task ConfigurationFiles_EnvironmentFilesAndLaunchProfiles()
            => AnalyzeAsync("""
                class Program
                {
                    static void Main() { }
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "ConnectionStrings": {
                        "Default": "Server=sql.internal;Database=orders;Trusted_Connection=True;Encrypt=True",
                        "Redis": "redis.internal:6379,ssl=true,abortConnect=false"
                      },
                      "OpenAI": { "Model": "gpt-4o-2024-08-06", "ApiKey": "" },
                      "AzureOpenAI": { "Endpoint": "https://contoso.openai.azure.com/", "DeploymentName": "gpt-4o-prod-eastus2-2024", "ApiKey": "#{AzureOpenAIKey}#" },
                      "AzureAd": { "TenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "ClientId": "0d3b1f2a-7c4e-4b9a-8f6d-2e1c3a5b7d9f", "ClientSecret": "__AzureAdClientSecret__" },
                      "Storage": { "Bucket": "ml-artifacts-prod", "Key": "models/classifier-v2.onnx", "KmsKey": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                      "Bedrock": { "ModelId": "anthropic.claude-3-5-sonnet-20240620-v1:0", "GuardrailId": "gr-4k2j9x7m1p3q" }
                    }
                    """),
                ("/0/appsettings.Development.json", """
                    {
                      "OpenAI": { "ApiKey": {|AISEC040:"sk-proj-Qm7Xv2Lp5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaZe8Ub2Io4"|} },
                      "Anthropic": { "Key": {|AISEC040:"Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|} },
                    }
                    """),
                ("/0/Properties/launchSettings.json", """
                    {
                      "profiles": {
                        "http": {
                          "commandName": "Project",
                          "applicationUrl": "http://localhost:5080",
                          "environmentVariables": {
                            "ASPNETCORE_ENVIRONMENT": "Development",
                            "AWS_REGION": "eu-west-1",
                            "AWS_ACCESS_KEY_ID": {|AISEC040:"AKIAJ6RF3M4XKQ7Z2LPA"|},
                            "AWS_SECRET_ACCESS_KEY": {|AISEC040:"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"|},
                            "OpenAI__ApiKey": {|AISEC040:"sk-proj-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0GaWe3Rt6Yu9"|},
                            "Ollama__Endpoint": "http://localhost:11434"
                          }
                        }
                      }
                    }
                    """));

        [Fact]
        public Task HeaderDictionary_FixReadsTheEnvironment()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using OpenAI;

                public static class SearchHeaders
                {
                    public static Dictionary<string, string> Create() => new() { ["api-key"] = [|"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|], ["accept"] = "application/json" };
                }
                """, """
                using System;
                using System.Collections.Generic;
                using OpenAI;

                public static class SearchHeaders
                {
                    public static Dictionary<string, string> Create() => new() { ["api-key"] = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!, ["accept"] = "application/json" };
                }
                """, ReferenceCatalog.All);
    }
}
