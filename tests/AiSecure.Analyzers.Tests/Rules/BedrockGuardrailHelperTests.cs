using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.BedrockGuardrailAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.BedrockGuardrailFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC041 on requests built in helpers (docs/rules/AISEC041.md).</summary>
    public class BedrockGuardrailHelperTests
    {
        [Fact]
        public Task HelperRequest_ReportedAtItsCreation_NamingEachCallerThatSendsItWithoutAGuardrail()
            => new Verify.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;
                    using Amazon.BedrockRuntime;
                    using Amazon.BedrockRuntime.Model;

                    class ChatService
                    {
                        private readonly IAmazonBedrockRuntime _bedrock;
                        private ConverseRequest? _last;

                        public ChatService(IAmazonBedrockRuntime bedrock) => _bedrock = bedrock;

                        private static ConverseRequest Build(string question)
                        {
                            var request = {|#0:new ConverseRequest { ModelId = "amazon.nova-pro-v1:0" }|};
                            request.Messages = new List<Message> { new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = question } } } };
                            return request;
                        }

                        private static ConverseRequest Unused() => new ConverseRequest { ModelId = "amazon.nova-pro-v1:0" };

                        public Task<ConverseResponse> AskAsync(string question) => _bedrock.ConverseAsync(Build(question));

                        public async Task<ConverseResponse> AskGuardedAsync(string question, string guardrailId)
                        {
                            var request = Build(question);
                            request.GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = guardrailId, GuardrailVersion = "1" };
                            return await _bedrock.ConverseAsync(request);
                        }

                        public void Keep(string question) => _last = Build(question);
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.BedrockGuardrailMissingAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("'ConverseRequest' is sent without a guardrail (no GuardrailConfig); prompts and completions are not screened for prompt attacks, harmful content or sensitive data", "ChatService.AskAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task GuardrailFromANullableHelper_MessageNamesTheHelper()
            => new Verify.Test
            {
                TestCode = NullableHelperSource,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.BedrockGuardrailMissing).WithLocation(0)
                        .WithArguments("'ConverseRequest'", "GuardrailConfig from 'ChatService.Guardrail', which can return null"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task GuardrailFromANullableHelper_HasNoFix()
        {
            var source = NullableHelperSource.Replace("{|#0:", "[|").Replace(" }|})", " }|])");
            return Verify.FixAsync(source, source, ReferenceCatalog.Aws, awsStubs: true);
        }

        private const string NullableHelperSource = """
            using System.Threading.Tasks;
            using Amazon.BedrockRuntime;
            using Amazon.BedrockRuntime.Model;

            class ChatService
            {
                private readonly IAmazonBedrockRuntime _bedrock;
                private readonly string? _guardrailId;

                public ChatService(IAmazonBedrockRuntime bedrock, string? guardrailId)
                {
                    _bedrock = bedrock;
                    _guardrailId = guardrailId;
                }

                private GuardrailConfiguration? Guardrail()
                    => _guardrailId == null ? null : new GuardrailConfiguration { GuardrailIdentifier = _guardrailId, GuardrailVersion = "1" };

                public Task<ConverseResponse> AskAsync() => _bedrock.ConverseAsync({|#0:new ConverseRequest { ModelId = "amazon.nova-pro-v1:0", GuardrailConfig = Guardrail() }|});
            }
            """;
    }
}
