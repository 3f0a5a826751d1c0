using AiSecure.Analyzers.Tests.References;
using CleartextVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.CleartextEndpointAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer>;
using CredentialVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC020 and AISEC040 in DI registration extensions: options bound with nameof, snapshots, MinIO set conditionally, Aspire names, Semantic Kernel builders.</summary>
    public class ServiceRegistrationTransportTests
    {
        private static Task CleartextAsync(string source, params (string Path, string Text)[] files)
        {
            var test = new CleartextVerify.Test { TestCode = source, References = ReferenceCatalog.All };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task Cleartext_RegistrationExtension_OptionsSnapshotsMinioAspireAndLocalModels()
            => CleartextAsync("""
                using System;
                using System.Net.Http;
                using Amazon.S3;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Options;
                using OpenAI;
                using OllamaSharp;

                public sealed class OllamaOptions { public string Endpoint { get; set; } = "http://localhost:11434"; public string Model { get; set; } = "llama3.1"; }
                public sealed class StorageOptions { public string ServiceUrl { get; set; } = ""; }

                public static class Registration
                {
                    public static IServiceCollection AddAi(this IServiceCollection services, IConfiguration configuration)
                    {
                        services.AddOptions<OllamaOptions>().Bind(configuration.GetSection(nameof(OllamaOptions))).ValidateOnStart();
                        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
                        services.AddSingleton(sp =>
                        {
                            var options = sp.GetRequiredService<IOptionsSnapshot<OllamaOptions>>().Value;
                            return new OllamaApiClient(new Uri(options.Endpoint), options.Model);
                        });
                        services.AddSingleton<IAmazonS3>(sp =>
                        {
                            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                            var config = new AmazonS3Config { ForcePathStyle = true };
                            if (!string.IsNullOrEmpty(storage.ServiceUrl))
                            {
                                config.ServiceURL = storage.ServiceUrl;
                            }

                            return new AmazonS3Client(config);
                        });
                        services.AddHttpClient("catalog", c => c.BaseAddress = new Uri("https+http://catalog"));
                        services.AddHttpClient("lmstudio", c => c.BaseAddress = new Uri("http://localhost:1234/v1/"));
                        services.AddHttpClient("docker", c => c.BaseAddress = [|new Uri("http://host.docker.internal:11434/")|]);
                        services.AddHttpClient("aspire", c => c.BaseAddress = new Uri(configuration.GetConnectionString("inventory")!));
                        services.AddSingleton(new OpenAIClient(new System.ClientModel.ApiKeyCredential("x"), new OpenAIClientOptions { Endpoint = [|new Uri("http://vllm.internal:8000/v1")|] }));
                        return services;
                    }
                }
                """,
                ("/0/appsettings.json", """
                    {
                      "OllamaOptions": { "Endpoint": {|AISEC020:"http://gpu-01.internal:11434"|}, "Model": "llama3.1" },
                      "Storage": { "ServiceUrl": {|AISEC020:"http://minio.storage.svc:9000"|} },
                      "ConnectionStrings": { "inventory": {|AISEC020:"http://inventory.internal:8080"|} }
                    }
                    """));

        [Fact]
        public Task Credentials_KernelBuilderAndSessionCredentials()
            => CredentialVerify.AnalyzeAsync("""
                using System;
                using Amazon;
                using Amazon.Runtime;
                using Microsoft.SemanticKernel;
                using OpenAI;
                using OpenAI.Chat;

                public static class KernelSetup
                {
                    private const string AzureKey = [|"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|];

                    public static Kernel Build()
                    {
                        var builder = Kernel.CreateBuilder();
                        builder.AddAzureOpenAIChatCompletion(deploymentName: "gpt-4o-prod-eastus2-2024", endpoint: "https://contoso.openai.azure.com/", apiKey: AzureKey);
                        builder.AddOpenAIChatCompletion(modelId: "gpt-4o-2024-08-06", apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                        return builder.Build();
                    }

                    public static ChatClient Chat(string? apiKey = null)
                        => new ChatClient("gpt-4o-2024-08-06", apiKey ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);

                    public static AWSCredentials Aws()
                        => new SessionAWSCredentials([|"ASIAJ6RF3M4XKQ7Z2LPA"|], [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|], [|"FwoGZXIvYXdzEJr9Lk3Mn0Pq8Rs7Tu6Vw5Xy4Za3"|]);
                }
                """, ReferenceCatalog.All);
    }
}
