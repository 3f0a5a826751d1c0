using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.BedrockGuardrailAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.BedrockGuardrailFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC041 on DI-registered services: requests built by factories, extension methods, switch expressions, minimal-API handlers.</summary>
    public class BedrockGuardrailServiceTests
    {
        private const string Prelude = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.BedrockRuntime;
            using Amazon.BedrockRuntime.Model;

            public sealed class BedrockOptions
            {
                public string ModelId { get; set; } = "";
                public string GuardrailId { get; set; } = "";
                public string GuardrailVersion { get; set; } = "DRAFT";
                public GuardrailConfiguration? Guardrail { get; set; }
            }

            public interface IOptions<out T> where T : class { T Value { get; } }

            public sealed record ChatTurn(string Role, string Text);

            public static class ConverseRequestExtensions
            {
                public static ConverseRequest WithGuardrail(this ConverseRequest request, BedrockOptions options)
                {
                    request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = options.GuardrailId, GuardrailVersion = options.GuardrailVersion };
                    return request;
                }
            }

            """;

        [Fact]
        public Task FactoryClassExtensionsAndMutatingHelpers()
            => Verify.AnalyzeAsync(Prelude + """
                public static class BedrockRequests
                {
                    public static ConverseRequest Chat(string modelId, IEnumerable<ChatTurn> history)
                    {
                        var messages = new List<Message>();
                        foreach (var turn in history)
                        {
                            messages.Add(new Message
                            {
                                Role = turn.Role == "assistant" ? ConversationRole.Assistant : ConversationRole.User,
                                Content = [new ContentBlock { Text = turn.Text }],
                            });
                        }

                        return [|new ConverseRequest { ModelId = modelId, Messages = messages, InferenceConfig = new InferenceConfiguration { MaxTokens = 1024 } }|];
                    }
                }

                public sealed class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    private readonly BedrockOptions _options = options.Value;

                    private void Guard(ConverseRequest request)
                        => request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = _options.GuardrailId, GuardrailVersion = _options.GuardrailVersion };

                    public async Task<string> ReplyAsync(IReadOnlyList<ChatTurn> history, CancellationToken ct)
                    {
                        var request = BedrockRequests.Chat(_options.ModelId, history);
                        Guard(request);
                        var response = await bedrock.ConverseAsync(request, ct);
                        return response.Output.Message.Content[0].Text;
                    }

                    public async Task<string> ReplyFluentAsync(IReadOnlyList<ChatTurn> history, CancellationToken ct)
                    {
                        var response = await bedrock.ConverseAsync(BedrockRequests.Chat(_options.ModelId, history).WithGuardrail(_options), ct);
                        return response.Output.Message.Content[0].Text;
                    }

                    public async Task<string> ReplyFromOptionsAsync(IReadOnlyList<ChatTurn> history, CancellationToken ct)
                    {
                        var request = BedrockRequests.Chat(_options.ModelId, history);
                        request.GuardrailConfig = _options.Guardrail;
                        var response = await bedrock.ConverseAsync(request, ct);
                        return response.Output.Message.Content[0].Text;
                    }

                    public async Task<string> ReplyUnguardedAsync(IReadOnlyList<ChatTurn> history, CancellationToken ct)
                    {
                        var response = await bedrock.ConverseAsync(BedrockRequests.Chat(_options.ModelId, history), ct);
                        return response.Output.Message.Content[0].Text;
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task InvokeModelPerModelFamily_SwitchExpressionAndLocalFunction()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class CompletionService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    public async Task<Stream> CompleteAsync(string prompt, CancellationToken ct)
                    {
                        var modelId = options.Value.ModelId;
                        var request = modelId.StartsWith("anthropic.", StringComparison.Ordinal) switch
                        {
                            true => [|new InvokeModelRequest { ModelId = modelId, ContentType = "application/json", Body = Serialize(new { anthropic_version = "bedrock-2023-05-31", max_tokens = 512, messages = new[] { new { role = "user", content = prompt } } }) }|],
                            false => [|new InvokeModelRequest { ModelId = modelId, ContentType = "application/json", Body = Serialize(new { inputText = prompt }) }|],
                        };
                        var response = await bedrock.InvokeModelAsync(request, ct);
                        return response.Body;
                    }

                    public async Task StreamAsync(string prompt, CancellationToken ct)
                    {
                        InvokeModelWithResponseStreamRequest Build() => new()
                        {
                            ModelId = options.Value.ModelId,
                            Body = Serialize(new { inputText = prompt }),
                            GuardrailIdentifier = options.Value.GuardrailId,
                            GuardrailVersion = options.Value.GuardrailVersion,
                        };

                        await bedrock.InvokeModelWithResponseStreamAsync(Build(), ct);
                    }

                    public async Task StreamUnguardedAsync(string prompt, CancellationToken ct)
                    {
                        InvokeModelWithResponseStreamRequest Build() => [|new()
                        {
                            ModelId = options.Value.ModelId,
                            Body = Serialize(new { inputText = prompt }),
                        }|];

                        await bedrock.InvokeModelWithResponseStreamAsync(Build(), ct);
                    }

                    private static MemoryStream Serialize<T>(T payload) => new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(payload));
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GuardrailSetInsideTryBeforeTheCall_Silent_AfterTheCall_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    public async Task<string?> AskAsync(string question, CancellationToken ct)
                    {
                        var request = new ConverseRequest { ModelId = options.Value.ModelId, Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }] };
                        try
                        {
                            request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                            var response = await bedrock.ConverseAsync(request, ct);
                            return response.Output.Message.Content[0].Text;
                        }
                        catch (Amazon.Runtime.AmazonServiceException)
                        {
                            return null;
                        }
                    }

                    public async Task<string> AskThenGuardAsync(string question, CancellationToken ct)
                    {
                        var request = [|new ConverseRequest { ModelId = options.Value.ModelId, Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }] }|];
                        var response = await bedrock.ConverseAsync(request, ct);
                        request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                        return response.Output.Message.Content[0].Text;
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task LocalFunctionBuilder_FixAddsTheGuardrailThere()
            => FixAcrossMethodsAsync("""
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Completion
                {
                    public async Task StreamAsync(IAmazonBedrockRuntime client, MemoryStream body)
                    {
                        InvokeModelWithResponseStreamRequest Build() => [|new()
                        {
                            ModelId = "amazon.titan-text-express-v1",
                            Body = body,
                        }|];

                        await client.InvokeModelWithResponseStreamAsync(Build());
                    }
                }
                """, """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Completion
                {
                    public async Task StreamAsync(IAmazonBedrockRuntime client, MemoryStream body)
                    {
                        InvokeModelWithResponseStreamRequest Build() => new()
                        {
                            ModelId = "amazon.titan-text-express-v1",
                            Body = body,
                            GuardrailIdentifier = Environment.GetEnvironmentVariable("BEDROCK_GUARDRAIL_ID"),
                            GuardrailVersion = "DRAFT",
                        };

                        await client.InvokeModelWithResponseStreamAsync(Build());
                    }
                }
                """);

        [Fact]
        public Task RequestsSentThroughARetryWrapper()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ResilientChat(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    private static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                return await action(ct);
                            }
                            catch (Amazon.Runtime.AmazonServiceException) when (attempt < 3)
                            {
                                await Task.Delay(200 * attempt, ct);
                            }
                        }
                    }

                    public async Task<string> AskAsync(string question, CancellationToken ct)
                    {
                        var request = [|new ConverseRequest { ModelId = options.Value.ModelId, Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }] }|];
                        var response = await RetryAsync(token => bedrock.ConverseAsync(request, token), ct);
                        return response.Output.Message.Content[0].Text;
                    }

                    public async Task<string> AskGuardedAsync(string question, CancellationToken ct)
                    {
                        var request = new ConverseRequest { ModelId = options.Value.ModelId, Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }] };
                        request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                        var response = await RetryAsync(token => bedrock.ConverseAsync(request, token), ct);
                        return response.Output.Message.Content[0].Text;
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GuardrailDefaultedWithCoalescingAssignment_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    private readonly GuardrailConfiguration _guardrail = new() { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };

                    public Task<ConverseResponse> SendAsync(ConverseRequest request, CancellationToken ct)
                        => bedrock.ConverseAsync(request, ct);

                    public Task<ConverseResponse> AskAsync(string question, CancellationToken ct)
                    {
                        var request = new ConverseRequest { ModelId = options.Value.ModelId, Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }] };
                        request.GuardrailConfig ??= _guardrail;
                        return bedrock.ConverseAsync(request, ct);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        /// <summary>A helper's request is reported at the end of the compilation (a non-local diagnostic): the fix still applies.</summary>
        private static Task FixAcrossMethodsAsync(string source, string fixedSource)
            => new Verify.Test
            {
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                TestCode = source,
                FixedCode = fixedSource,
            }.RunWithStubsAsync();
    }
}
