using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.BedrockGuardrailAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.BedrockGuardrailFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC041 on service-shaped code: guardrails set later, on branches, in helpers, async helpers.</summary>
    public class BedrockGuardrailRealisticTests
    {
        private const string Prelude = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using Amazon.BedrockRuntime;
            using Amazon.BedrockRuntime.Model;

            public sealed class BedrockOptions
            {
                public string ModelId { get; set; } = "";
                public string GuardrailId { get; set; } = "";
                public string GuardrailVersion { get; set; } = "DRAFT";
                public bool Moderate { get; set; }
            }

            public interface IOptions<out T> where T : class { T Value { get; } }

            """;

        [Fact]
        public Task GuardrailSetLater_OrByAHelper_Silent_OnOneBranchOnly_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    private GuardrailConfiguration Guardrail() => new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };

                    public async Task<string> AskAsync(string question)
                    {
                        var request = new ConverseRequest
                        {
                            ModelId = options.Value.ModelId,
                            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }],
                        };
                        request.GuardrailConfig = Guardrail();
                        var response = await bedrock.ConverseAsync(request);
                        return response.Output.Message.Content[0].Text;
                    }

                    public async Task<string> AskModeratedAsync(string question)
                    {
                        var request = [|new ConverseRequest
                        {
                            ModelId = options.Value.ModelId,
                            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }],
                        }|];
                        if (options.Value.Moderate)
                        {
                            request.GuardrailConfig = Guardrail();
                        }

                        var response = await bedrock.ConverseAsync(request);
                        return response.Output.Message.Content[0].Text;
                    }

                    public async Task StreamAsync(string question)
                    {
                        var request = new ConverseStreamRequest { ModelId = options.Value.ModelId };
                        request.Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }];
                        request.GuardrailConfig = new GuardrailStreamConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = "1" };
                        await bedrock.ConverseStreamAsync(request);
                    }

                    public Task StreamUnguardedAsync(string question)
                        => bedrock.ConverseStreamAsync([|new ConverseStreamRequest
                        {
                            ModelId = options.Value.ModelId,
                            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }],
                        }|]);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task InvokeModel_WithoutIdentifier_Reported_IdentifierFromOptions_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class Summarizer(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    public async Task SummarizeAsync(string text)
                    {
                        var body = new MemoryStream(Encoding.UTF8.GetBytes("{\"prompt\":\"" + text + "\"}"));
                        var request = [|new InvokeModelRequest { ModelId = options.Value.ModelId, ContentType = "application/json", Body = body }|];
                        await bedrock.InvokeModelAsync(request);
                    }

                    public async Task SummarizeGuardedAsync(string text)
                    {
                        var request = new InvokeModelRequest { ModelId = options.Value.ModelId, ContentType = "application/json" };
                        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(text));
                        request.GuardrailIdentifier = options.Value.GuardrailId;
                        request.GuardrailVersion = options.Value.GuardrailVersion;
                        await bedrock.InvokeModelWithResponseStreamAsync(new InvokeModelWithResponseStreamRequest { ModelId = request.ModelId, Body = request.Body, GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = "DRAFT" });
                        await bedrock.InvokeModelAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task AsyncHelperRequest_ReportedAtItsCreation_GuardedByTheCaller_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    private async Task<ConverseRequest> BuildAsync(string question)
                    {
                        await Task.Yield();
                        return [|new ConverseRequest
                        {
                            ModelId = options.Value.ModelId,
                            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }],
                        }|];
                    }

                    public async Task AskAsync(string question) => await bedrock.ConverseAsync(await BuildAsync(question));

                    public async Task AskGuardedAsync(string question)
                    {
                        var request = await BuildAsync(question);
                        request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                        await bedrock.ConverseAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    

        [Fact]
        public Task GuardrailFromAConditionalWithANullArm_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    public Task AskAsync(string question)
                        => bedrock.ConverseAsync([|new ConverseRequest
                        {
                            ModelId = options.Value.ModelId,
                            Messages = [new Message { Role = ConversationRole.User, Content = [new ContentBlock { Text = question }] }],
                            GuardrailConfig = options.Value.Moderate ? new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = "1" } : null,
                        }|]);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    

        [Fact]
        public Task GuardrailFromAHelperThatCanReturnNull_Reported_AlwaysReturningHelper_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class GuardrailSettings { public string Id { get; set; } = ""; public string Version { get; set; } = "1"; }

                public class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options, GuardrailSettings? settings)
                {
                    private GuardrailConfiguration? MaybeGuardrail() => settings is { } g ? new GuardrailConfiguration { GuardrailIdentifier = g.Id, GuardrailVersion = g.Version } : null;

                    private GuardrailStreamConfiguration? StreamGuardrail()
                    {
                        if (!options.Value.Moderate)
                        {
                            return null;
                        }

                        return new GuardrailStreamConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                    }

                    private async Task<GuardrailConfiguration?> LoadGuardrailAsync()
                    {
                        await Task.Yield();
                        return options.Value.Moderate ? new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = "1" } : default;
                    }

                    private string? GuardrailId() => string.IsNullOrEmpty(options.Value.GuardrailId) ? null : options.Value.GuardrailId;

                    private GuardrailConfiguration BuildGuardrail()
                    {
                        Func<GuardrailConfiguration?> never = () => null;
                        return new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                    }

                    private string Id() => options.Value.GuardrailId;

                    public Task AskAsync(string question)
                        => bedrock.ConverseAsync([|new ConverseRequest { ModelId = options.Value.ModelId, GuardrailConfig = MaybeGuardrail() }|]);

                    public async Task StreamAsync(string question)
                    {
                        var request = [|new ConverseStreamRequest { ModelId = options.Value.ModelId }|];
                        request.GuardrailConfig = StreamGuardrail();
                        await bedrock.ConverseStreamAsync(request);
                    }

                    public async Task AskLoadedAsync(string question)
                        => await bedrock.ConverseAsync([|new ConverseRequest { ModelId = options.Value.ModelId, GuardrailConfig = await LoadGuardrailAsync() }|]);

                    public Task InvokeAsync(MemoryStream body)
                        => bedrock.InvokeModelAsync([|new InvokeModelRequest { ModelId = options.Value.ModelId, Body = body, GuardrailIdentifier = GuardrailId(), GuardrailVersion = "1" }|]);

                    public Task AskGuardedAsync(string question)
                        => bedrock.ConverseAsync(new ConverseRequest { ModelId = options.Value.ModelId, GuardrailConfig = BuildGuardrail() });

                    public Task InvokeGuardedAsync(MemoryStream body)
                        => bedrock.InvokeModelAsync(new InvokeModelRequest { ModelId = options.Value.ModelId, Body = body, GuardrailIdentifier = Id(), GuardrailVersion = "1" });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GuardrailFromAHelperReturningALocalThatStartsNull_Reported_OneAlwaysGivenAConfig_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options)
                {
                    private GuardrailConfiguration? Guardrail()
                    {
                        GuardrailConfiguration? config = null;
                        if (options.Value.Moderate)
                        {
                            config = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                        }

                        return config;
                    }

                    private GuardrailConfiguration AlwaysGuardrail()
                    {
                        var config = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId };
                        config.GuardrailVersion = options.Value.GuardrailVersion;
                        return config;
                    }

                    public Task AskAsync(string question)
                        => bedrock.ConverseAsync([|new ConverseRequest { ModelId = options.Value.ModelId, GuardrailConfig = Guardrail() }|]);

                    public Task AskGuardedAsync(string question)
                        => bedrock.ConverseAsync(new ConverseRequest { ModelId = options.Value.ModelId, GuardrailConfig = AlwaysGuardrail() });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GuardrailFromAFieldOrPropertyThatCanBeNull_Reported_AlwaysSet_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class GuardrailSettings { public string Id { get; set; } = ""; public string Version { get; set; } = "1"; }

                public class ChatService
                {
                    private readonly IAmazonBedrockRuntime _bedrock;
                    private readonly GuardrailConfiguration? _guardrail;
                    private readonly GuardrailConfiguration _required;
                    private readonly string? _guardrailId;

                    public ChatService(IAmazonBedrockRuntime bedrock, IOptions<BedrockOptions> options, GuardrailSettings? settings)
                    {
                        _bedrock = bedrock;
                        _guardrail = settings is { } g ? new GuardrailConfiguration { GuardrailIdentifier = g.Id, GuardrailVersion = g.Version } : null;
                        _required = new GuardrailConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = options.Value.GuardrailVersion };
                        _guardrailId = string.IsNullOrEmpty(options.Value.GuardrailId) ? null : options.Value.GuardrailId;
                        Streaming = options.Value.Moderate ? new GuardrailStreamConfiguration { GuardrailIdentifier = options.Value.GuardrailId, GuardrailVersion = "1" } : null;
                    }

                    private GuardrailStreamConfiguration? Streaming { get; }

                    private GuardrailConfiguration? Lazy => _guardrailId is null ? null : new GuardrailConfiguration { GuardrailIdentifier = _guardrailId, GuardrailVersion = "1" };

                    public Task AskAsync(string question)
                        => _bedrock.ConverseAsync([|new ConverseRequest { ModelId = "m", GuardrailConfig = _guardrail }|]);

                    public Task AskLazyAsync(string question)
                        => _bedrock.ConverseAsync([|new ConverseRequest { ModelId = "m", GuardrailConfig = Lazy }|]);

                    public Task StreamAsync(string question)
                        => _bedrock.ConverseStreamAsync([|new ConverseStreamRequest { ModelId = "m", GuardrailConfig = this.Streaming }|]);

                    public Task InvokeAsync(MemoryStream body)
                        => _bedrock.InvokeModelAsync([|new InvokeModelRequest { ModelId = "m", Body = body, GuardrailIdentifier = _guardrailId, GuardrailVersion = "1" }|]);

                    public Task AskGuardedAsync(string question)
                        => _bedrock.ConverseAsync(new ConverseRequest { ModelId = "m", GuardrailConfig = _required });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    }
}
