// Test stand-ins for AWSSDK.BedrockRuntime (AWS SDK for .NET v4), which the package registry used
// here does not serve. Written by hand from the SDK's documented public API (docs/knowledge/aws-stubs.md lists the
// types and what is assumed); not copied from the SDK. Only the public shape matters: the analyzer matches these types by metadata name, so
// the same rules work against the real assembly.
//
// Shape conventions (v4): value-type members are nullable (int?, float?), collections are List<T> /
// Dictionary<K,V> and default to null, enum-like values are sealed ConstantClass subclasses, requests
// derive from AmazonBedrockRuntimeRequest : AmazonWebServiceRequest, responses from
// AmazonWebServiceResponse. The real SDK is not annotated for nullable reference types, so neither is
// this file. Members marked "outside facts" exist only so realistic test code compiles. See docs/knowledge/aws-stubs.md.
#nullable disable

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.BedrockRuntime.Model;
using Amazon.Runtime;
using Amazon.Runtime.Documents;
using Amazon.Runtime.Endpoints;

namespace Amazon.BedrockRuntime
{
    // ---------------------------------------------------------------- enum-like constants

    // No system role: the system prompt goes in ConverseRequest.System.
    public sealed class ConversationRole : ConstantClass
    {
        public static readonly ConversationRole Assistant = new ConversationRole("assistant");
        public static readonly ConversationRole User = new ConversationRole("user");
        public ConversationRole(string value) : base(value) { }
        public static ConversationRole FindValue(string value) => FindValue<ConversationRole>(value);
        public static implicit operator ConversationRole(string value) => FindValue(value);
    }

    // Type name from facts; member names and values outside facts.
    public sealed class GuardrailTrace : ConstantClass
    {
        public static readonly GuardrailTrace Disabled = new GuardrailTrace("disabled");
        public static readonly GuardrailTrace Enabled = new GuardrailTrace("enabled");
        public static readonly GuardrailTrace Enabled_full = new GuardrailTrace("enabled_full");
        public GuardrailTrace(string value) : base(value) { }
        public static GuardrailTrace FindValue(string value) => FindValue<GuardrailTrace>(value);
        public static implicit operator GuardrailTrace(string value) => FindValue(value);
    }

    // Type name from facts; member names and values outside facts.
    public sealed class GuardrailStreamProcessingMode : ConstantClass
    {
        public static readonly GuardrailStreamProcessingMode Async = new GuardrailStreamProcessingMode("async");
        public static readonly GuardrailStreamProcessingMode Sync = new GuardrailStreamProcessingMode("sync");
        public GuardrailStreamProcessingMode(string value) : base(value) { }
        public static GuardrailStreamProcessingMode FindValue(string value) => FindValue<GuardrailStreamProcessingMode>(value);
        public static implicit operator GuardrailStreamProcessingMode(string value) => FindValue(value);
    }

    // InvokeModelRequest.Trace. Type name from facts; member names and values outside facts.
    public sealed class Trace : ConstantClass
    {
        public static readonly Trace DISABLED = new Trace("DISABLED");
        public static readonly Trace ENABLED = new Trace("ENABLED");
        public static readonly Trace ENABLED_FULL = new Trace("ENABLED_FULL");
        public Trace(string value) : base(value) { }
        public static Trace FindValue(string value) => FindValue<Trace>(value);
        public static implicit operator Trace(string value) => FindValue(value);
    }

    // Type name from facts; member names and values outside facts.
    public sealed class PerformanceConfigLatency : ConstantClass
    {
        public static readonly PerformanceConfigLatency Optimized = new PerformanceConfigLatency("optimized");
        public static readonly PerformanceConfigLatency Standard = new PerformanceConfigLatency("standard");
        public PerformanceConfigLatency(string value) : base(value) { }
        public static PerformanceConfigLatency FindValue(string value) => FindValue<PerformanceConfigLatency>(value);
        public static implicit operator PerformanceConfigLatency(string value) => FindValue(value);
    }

    // ---------------------------------------------------------------- client config and client

    public partial class AmazonBedrockRuntimeConfig : ClientConfig
    {
        // The real config passes a provider built from the service's generated default configurations;
        // the provider rejects an empty list, so a single "Standard" configuration stands in for them.
        public AmazonBedrockRuntimeConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(new IDefaultConfiguration[]
            {
                new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
            }))
        {
        }

        public override string ServiceVersion => "2023-09-30";
        public override string UserAgent => "aws-sdk-dotnet-stub/BedrockRuntime";
        public override string RegionEndpointServiceName => "bedrock-runtime";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }

    public partial interface IAmazonBedrockRuntime : IAmazonService, IDisposable
    {
        Task<ApplyGuardrailResponse> ApplyGuardrailAsync(ApplyGuardrailRequest request, CancellationToken cancellationToken = default);
        Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default);
        Task<ConverseStreamResponse> ConverseStreamAsync(ConverseStreamRequest request, CancellationToken cancellationToken = default);
        Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default);
        Task<InvokeModelWithResponseStreamResponse> InvokeModelWithResponseStreamAsync(InvokeModelWithResponseStreamRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonBedrockRuntimeClient : AmazonServiceClient, IAmazonBedrockRuntime
    {
        // Constructor set of a generated v4 client (facts section 4; UNVERIFIED per service).
        // Bodies chain to AmazonServiceClient's protected constructors; never run by the tests.
        public AmazonBedrockRuntimeClient() : base(new AmazonBedrockRuntimeConfig()) { }
        public AmazonBedrockRuntimeClient(RegionEndpoint region) : base(new AmazonBedrockRuntimeConfig { RegionEndpoint = region }) { }
        public AmazonBedrockRuntimeClient(AmazonBedrockRuntimeConfig config) : base(config) { }
        public AmazonBedrockRuntimeClient(AWSCredentials credentials) : this(credentials, new AmazonBedrockRuntimeConfig()) { }
        public AmazonBedrockRuntimeClient(AWSCredentials credentials, RegionEndpoint region) : this(credentials, new AmazonBedrockRuntimeConfig { RegionEndpoint = region }) { }
        public AmazonBedrockRuntimeClient(AWSCredentials credentials, AmazonBedrockRuntimeConfig clientConfig) : base(credentials, clientConfig) { }
        public AmazonBedrockRuntimeClient(string awsAccessKeyId, string awsSecretAccessKey) : this(awsAccessKeyId, awsSecretAccessKey, new AmazonBedrockRuntimeConfig()) { }
        public AmazonBedrockRuntimeClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) : this(awsAccessKeyId, awsSecretAccessKey, new AmazonBedrockRuntimeConfig { RegionEndpoint = region }) { }
        public AmazonBedrockRuntimeClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonBedrockRuntimeConfig clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }
        public AmazonBedrockRuntimeClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonBedrockRuntimeConfig()) { }
        public AmazonBedrockRuntimeClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region) : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonBedrockRuntimeConfig { RegionEndpoint = region }) { }
        public AmazonBedrockRuntimeClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonBedrockRuntimeConfig clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        // IAmazonService declares these as static abstract members in AWSSDK.Core's net8.0+ builds.
        public static ClientConfig CreateDefaultClientConfig() => new AmazonBedrockRuntimeConfig();
        public static IAmazonService CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonBedrockRuntimeClient(awsCredentials, (AmazonBedrockRuntimeConfig)clientConfig);

        public virtual Task<ApplyGuardrailResponse> ApplyGuardrailAsync(ApplyGuardrailRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<ConverseStreamResponse> ConverseStreamAsync(ConverseStreamRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<InvokeModelWithResponseStreamResponse> InvokeModelWithResponseStreamAsync(InvokeModelWithResponseStreamRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}

namespace Amazon.BedrockRuntime.Model
{
    public abstract partial class AmazonBedrockRuntimeRequest : AmazonWebServiceRequest
    {
    }

    // ---------------------------------------------------------------- Converse / ConverseStream

    public partial class ConverseRequest : AmazonBedrockRuntimeRequest
    {
        public string ModelId { get; set; }                                           // [Required]
        public List<Message> Messages { get; set; }
        public List<SystemContentBlock> System { get; set; }
        public GuardrailConfiguration GuardrailConfig { get; set; }
        public InferenceConfiguration InferenceConfig { get; set; }
        public Document AdditionalModelRequestFields { get; set; }
        public List<string> AdditionalModelResponseFieldPaths { get; set; }           // element type outside facts
        public Dictionary<string, PromptVariableValues> PromptVariables { get; set; } // type from llm-sdks.md; Sensitive
        public Dictionary<string, string> RequestMetadata { get; set; }               // type outside facts; Sensitive
        public PerformanceConfiguration PerformanceConfig { get; set; }               // type name outside facts
        public ServiceTier ServiceTier { get; set; }                                  // type name outside facts
        public ToolConfiguration ToolConfig { get; set; }                             // type from llm-sdks.md
    }

    // Same members as ConverseRequest, but GuardrailConfig is GuardrailStreamConfiguration.
    public partial class ConverseStreamRequest : AmazonBedrockRuntimeRequest
    {
        public string ModelId { get; set; }                                           // [Required]
        public List<Message> Messages { get; set; }
        public List<SystemContentBlock> System { get; set; }
        public GuardrailStreamConfiguration GuardrailConfig { get; set; }
        public InferenceConfiguration InferenceConfig { get; set; }
        public Document AdditionalModelRequestFields { get; set; }
        public List<string> AdditionalModelResponseFieldPaths { get; set; }
        public Dictionary<string, PromptVariableValues> PromptVariables { get; set; }
        public Dictionary<string, string> RequestMetadata { get; set; }
        public PerformanceConfiguration PerformanceConfig { get; set; }
        public ServiceTier ServiceTier { get; set; }
        public ToolConfiguration ToolConfig { get; set; }
    }

    public partial class Message
    {
        public Amazon.BedrockRuntime.ConversationRole Role { get; set; }               // [Required]
        public List<ContentBlock> Content { get; set; }                                // [Required]
    }

    public partial class ContentBlock
    {
        public string Text { get; set; }
        public ImageBlock Image { get; set; }                                          // type name outside facts
        public DocumentBlock Document { get; set; }                                    // type name outside facts
        public ToolUseBlock ToolUse { get; set; }                                      // type name outside facts
        public ToolResultBlock ToolResult { get; set; }                                // type name outside facts
        public GuardrailConverseContentBlock GuardContent { get; set; }
    }

    public partial class SystemContentBlock
    {
        public string Text { get; set; }
        public GuardrailConverseContentBlock GuardContent { get; set; }
    }

    // Member outside facts.
    public partial class GuardrailConverseContentBlock
    {
        public GuardrailConverseTextBlock Text { get; set; }
    }

    // Outside facts.
    public partial class GuardrailConverseTextBlock
    {
        public string Text { get; set; }
    }

    public partial class ImageBlock { }                                                // placeholder
    public partial class DocumentBlock { }                                             // placeholder
    public partial class ToolUseBlock { }                                              // placeholder
    public partial class ToolResultBlock { }                                           // placeholder
    public partial class ToolConfiguration { }                                         // placeholder
    public partial class PromptVariableValues                                          // member outside facts
    {
        public string Text { get; set; }
    }
    public partial class PerformanceConfiguration                                      // member outside facts
    {
        public Amazon.BedrockRuntime.PerformanceConfigLatency Latency { get; set; }
    }
    public partial class ServiceTier { }                                               // placeholder

    public partial class GuardrailConfiguration
    {
        public string GuardrailIdentifier { get; set; }                               // [Required]
        public string GuardrailVersion { get; set; }                                  // [Required]
        public Amazon.BedrockRuntime.GuardrailTrace Trace { get; set; }
    }

    public partial class GuardrailStreamConfiguration
    {
        public string GuardrailIdentifier { get; set; }                               // not [Required]
        public string GuardrailVersion { get; set; }                                  // not [Required]
        public Amazon.BedrockRuntime.GuardrailStreamProcessingMode StreamProcessingMode { get; set; }
        public Amazon.BedrockRuntime.GuardrailTrace Trace { get; set; }
    }

    public partial class InferenceConfiguration
    {
        public int? MaxTokens { get; set; }
        public float? Temperature { get; set; }
        public float? TopP { get; set; }
        public List<string> StopSequences { get; set; }
    }

    // ---------------------------------------------------------------- InvokeModel / InvokeModelWithResponseStream

    public partial class InvokeModelRequest : AmazonBedrockRuntimeRequest
    {
        public MemoryStream Body { get; set; }                                        // Sensitive
        public string ModelId { get; set; }                                           // [Required]
        public string ContentType { get; set; }
        public string Accept { get; set; }
        public string GuardrailIdentifier { get; set; }
        public string GuardrailVersion { get; set; }
        public Amazon.BedrockRuntime.Trace Trace { get; set; }
        public Amazon.BedrockRuntime.PerformanceConfigLatency PerformanceConfigLatency { get; set; }
        // ServiceTier exists in newer versions; its type is not given in the facts, omitted.
    }

    public partial class InvokeModelWithResponseStreamRequest : AmazonBedrockRuntimeRequest
    {
        public MemoryStream Body { get; set; }                                        // [Required]
        public string ModelId { get; set; }
        public string ContentType { get; set; }
        public string Accept { get; set; }
        public string GuardrailIdentifier { get; set; }
        public string GuardrailVersion { get; set; }
        public Amazon.BedrockRuntime.Trace Trace { get; set; }
    }

    // ---------------------------------------------------------------- ApplyGuardrail (members outside facts)

    public partial class ApplyGuardrailRequest : AmazonBedrockRuntimeRequest
    {
        public string GuardrailIdentifier { get; set; }
        public string GuardrailVersion { get; set; }
    }

    // ---------------------------------------------------------------- responses (outside facts)

    public partial class ConverseResponse : AmazonWebServiceResponse
    {
        public ConverseOutput Output { get; set; }
    }

    public partial class ConverseOutput
    {
        public Message Message { get; set; }
    }

    public partial class ConverseStreamResponse : AmazonWebServiceResponse { }

    public partial class InvokeModelResponse : AmazonWebServiceResponse
    {
        public MemoryStream Body { get; set; }
        public string ContentType { get; set; }
    }

    public partial class InvokeModelWithResponseStreamResponse : AmazonWebServiceResponse { }

    public partial class ApplyGuardrailResponse : AmazonWebServiceResponse { }
}
