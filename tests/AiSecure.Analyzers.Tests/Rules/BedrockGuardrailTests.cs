using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.BedrockGuardrailAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.BedrockGuardrailFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC041: Bedrock model call has no guardrail.</summary>
    public class BedrockGuardrailTests
    {
        [Fact]
        public Task ConverseWithoutGuardrail()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class ChatService
                {
                    private readonly IAmazonBedrockRuntime _bedrock;

                    public ChatService(IAmazonBedrockRuntime bedrock) => _bedrock = bedrock;

                    public async Task<string> AskAsync(string question)
                    {
                        var request = [|new ConverseRequest
                        {
                            ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0",
                            Messages = new List<Message>
                            {
                                new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = question } } },
                            },
                            InferenceConfig = new InferenceConfiguration { MaxTokens = 512, Temperature = 0.2f },
                        }|];

                        var response = await _bedrock.ConverseAsync(request);
                        return response.Output.Message.Content[0].Text;
                    }

                    public Task<ConverseStreamResponse> StreamAsync(string question)
                        => _bedrock.ConverseStreamAsync([|new ConverseStreamRequest { ModelId = "amazon.nova-pro-v1:0" }|]);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task InvokeModelWithoutGuardrailIdentifier()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Text;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Completion
                {
                    public async Task<Stream> InvokeAsync(AmazonBedrockRuntimeClient client, string prompt)
                    {
                        var body = JsonSerializer.Serialize(new { anthropic_version = "bedrock-2023-05-31", max_tokens = 512, messages = new[] { new { role = "user", content = prompt } } });
                        var request = [|new InvokeModelRequest()|];
                        request.ModelId = "anthropic.claude-3-haiku-20240307-v1:0";
                        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
                        request.ContentType = "application/json";
                        request.GuardrailVersion = "1";
                        var response = await client.InvokeModelAsync(request);
                        return response.Body;
                    }

                    public Task<InvokeModelWithResponseStreamResponse> StreamAsync(IAmazonBedrockRuntime client, MemoryStream body)
                        => client.InvokeModelWithResponseStreamAsync([|new InvokeModelWithResponseStreamRequest { ModelId = "m", Body = body, GuardrailIdentifier = "" }|]);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task SilentWithGuardrailsUnsentEscapingOrUnknown()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Guarded
                {
                    private ConverseRequest? _pending;

                    public Task<ConverseResponse> Converse(IAmazonBedrockRuntime client, string guardrailId)
                        => client.ConverseAsync(new ConverseRequest
                        {
                            ModelId = "m",
                            GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = guardrailId, GuardrailVersion = "3" },
                        });

                    public Task<ConverseStreamResponse> Stream(IAmazonBedrockRuntime client, GuardrailStreamConfiguration guardrail)
                    {
                        var request = new ConverseStreamRequest { ModelId = "m" };
                        request.GuardrailConfig = guardrail;
                        return client.ConverseStreamAsync(request);
                    }

                    public Task<InvokeModelResponse> Invoke(IAmazonBedrockRuntime client)
                        => client.InvokeModelAsync(new InvokeModelRequest { ModelId = "m", GuardrailIdentifier = "gr-123", GuardrailVersion = "DRAFT" });

                    // Built here, sent elsewhere: the caller may add the guardrail.
                    public ConverseRequest Build() => new ConverseRequest { ModelId = "m" };

                    public void Store() => _pending = new ConverseRequest { ModelId = "m" };

                    public void NeverSent()
                    {
                        var request = new InvokeModelRequest { ModelId = "m" };
                        System.Console.WriteLine(request);
                    }

                    public Task<ConverseResponse> Helper(IAmazonBedrockRuntime client)
                    {
                        var request = new ConverseRequest { ModelId = "m" };
                        Decorate(request);
                        return client.ConverseAsync(request);
                    }

                    private static void Decorate(ConverseRequest request) => request.GuardrailConfig = new GuardrailConfiguration();
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task SilentWithoutTheSdk()
            => Verify.AnalyzeAsync("""
                namespace Amazon.BedrockRuntime.Model
                {
                    class ConverseRequest { public string? ModelId { get; set; } }
                }

                class Client
                {
                    public object Send() => new Amazon.BedrockRuntime.Model.ConverseRequest { ModelId = "m" };
                }
                """);

        [Fact]
        public async Task MessageText()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.BedrockRuntime;
                    using Amazon.BedrockRuntime.Model;

                    class Chat
                    {
                        public Task<ConverseResponse> Send(IAmazonBedrockRuntime client) => client.ConverseAsync({|#0:new ConverseRequest { ModelId = "m" }|});
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.BedrockGuardrailMissing).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("'ConverseRequest' is sent without a guardrail (no GuardrailConfig); prompts and completions are not screened for prompt attacks, harmful content or sensitive data"));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Generated
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client) => client.ConverseAsync(new ConverseRequest { ModelId = "m" });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Broken
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client)
                    {
                        var request = new ConverseRequest { ModelId = , GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = } };
                        request.GuardrailConfig. = null;
                        return client.ConverseAsync(request, );
                    }

                    public Task<InvokeModelResponse> Invoke(IAmazonBedrockRuntime client) => client.InvokeModelAsync(new InvokeModelRequest { ModelId = "m", Unknown = 1 });
                }
                """, ReferenceCatalog.Aws, awsStubs: true, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task FixAddsGuardrailConfigurations()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Chat
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client, string prompt)
                    {
                        var request = [|new ConverseRequest
                        {
                            ModelId = "amazon.nova-pro-v1:0",
                            InferenceConfig = new InferenceConfiguration { MaxTokens = 256 },
                        }|];
                        return client.ConverseAsync(request);
                    }

                    public Task<ConverseStreamResponse> Stream(IAmazonBedrockRuntime client)
                        => client.ConverseStreamAsync([|new ConverseStreamRequest { ModelId = "m" }|]);
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Chat
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client, string prompt)
                    {
                        var request = new ConverseRequest
                        {
                            ModelId = "amazon.nova-pro-v1:0",
                            InferenceConfig = new InferenceConfiguration { MaxTokens = 256 },
                            GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = Environment.GetEnvironmentVariable("BEDROCK_GUARDRAIL_ID"), GuardrailVersion = "DRAFT" },
                        };
                        return client.ConverseAsync(request);
                    }

                    public Task<ConverseStreamResponse> Stream(IAmazonBedrockRuntime client)
                        => client.ConverseStreamAsync(new ConverseStreamRequest { ModelId = "m", GuardrailConfig = new GuardrailStreamConfiguration { GuardrailIdentifier = Environment.GetEnvironmentVariable("BEDROCK_GUARDRAIL_ID"), GuardrailVersion = "DRAFT" } });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task FixInvokeModelAddsInitializerAndKeepsVersion()
            => Verify.FixAsync("""
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Completion
                {
                    public Task<InvokeModelResponse> Invoke(IAmazonBedrockRuntime client, MemoryStream body)
                    {
                        var request = [|new InvokeModelRequest()|];
                        request.ModelId = "m";
                        request.Body = body;
                        return client.InvokeModelAsync(request);
                    }

                    public Task<InvokeModelWithResponseStreamResponse> Stream(IAmazonBedrockRuntime client, MemoryStream body)
                        => client.InvokeModelWithResponseStreamAsync([|new InvokeModelWithResponseStreamRequest { ModelId = "m", Body = body, GuardrailIdentifier = null, GuardrailVersion = "2" }|]);
                }
                """, """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Completion
                {
                    public Task<InvokeModelResponse> Invoke(IAmazonBedrockRuntime client, MemoryStream body)
                    {
                        var request = new InvokeModelRequest { GuardrailIdentifier = Environment.GetEnvironmentVariable("BEDROCK_GUARDRAIL_ID"), GuardrailVersion = "DRAFT" };
                        request.ModelId = "m";
                        request.Body = body;
                        return client.InvokeModelAsync(request);
                    }

                    public Task<InvokeModelWithResponseStreamResponse> Stream(IAmazonBedrockRuntime client, MemoryStream body)
                        => client.InvokeModelWithResponseStreamAsync(new InvokeModelWithResponseStreamRequest { ModelId = "m", Body = body, GuardrailIdentifier = Environment.GetEnvironmentVariable("BEDROCK_GUARDRAIL_ID"), GuardrailVersion = "2" });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task FixUsesOptions()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Chat
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client, GuardrailSettings settings)
                        => client.ConverseAsync([|new ConverseRequest { ModelId = "m", GuardrailConfig = null }|]);
                }

                class GuardrailSettings
                {
                    public string Id { get; set; } = "";
                    public string Version { get; set; } = "";
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Chat
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client, GuardrailSettings settings)
                        => client.ConverseAsync(new ConverseRequest { ModelId = "m", GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = settings.Id, GuardrailVersion = settings.Version } });
                }

                class GuardrailSettings
                {
                    public string Id { get; set; } = "";
                    public string Version { get; set; } = "";
                }
                """, ReferenceCatalog.Aws, editorConfig: "aisecure.bedrock_guardrail_id = settings.Id\naisecure.bedrock_guardrail_version = settings.Version", awsStubs: true);

        [Fact]
        public Task BadOptionValuesFallBackToDefaults()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Chat
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client)
                        => client.ConverseAsync([|new ConverseRequest { ModelId = "m" }|]);
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Chat
                {
                    public Task<ConverseResponse> Send(IAmazonBedrockRuntime client)
                        => client.ConverseAsync(new ConverseRequest { ModelId = "m", GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = Environment.GetEnvironmentVariable("BEDROCK_GUARDRAIL_ID"), GuardrailVersion = "DRAFT" } });
                }
                """, ReferenceCatalog.Aws, editorConfig: "aisecure.bedrock_guardrail_id = Configuration[\naisecure.bedrock_guardrail_version = ;;", awsStubs: true);
    }
}
