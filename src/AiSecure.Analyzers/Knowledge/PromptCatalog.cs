using System.Collections.Immutable;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>The role the SDK gives text that reaches a sink.</summary>
    internal enum SinkRole
    {
        /// <summary>User-role text: reported when composed from an untrusted part.</summary>
        User,

        /// <summary>Prompt-template text (parsed for variables, functions or role tags): any untrusted value.</summary>
        Template,

        /// <summary>System or developer instruction: any untrusted value.</summary>
        System,

        /// <summary>The role comes from another argument of the same call (<see cref="SinkRow.RoleParameter"/>).</summary>
        FromArgument,

        /// <summary>A content part: the role of the message that contains it.</summary>
        FromContainer,

        /// <summary>A serialized body (JSON bytes): the role is read from sibling <c>role</c> / <c>system</c> members.</summary>
        Serialized,
    }

    /// <summary>How a sink row is matched.</summary>
    internal enum SinkMemberKind
    {
        /// <summary>A method or constructor argument (<see cref="SinkRow.Member"/> is the method name, ".ctor" for constructors).</summary>
        Argument,

        /// <summary>A property assignment, in an initializer or a statement.</summary>
        Property,

        /// <summary>A user-defined conversion from string (<c>op_Implicit</c>) into the type.</summary>
        Conversion,
    }

    /// <summary>One prompt sink of one SDK, as data.</summary>
    internal sealed class SinkRow
    {
        public SinkRow(string sdk, string type, SinkMemberKind kind, string member, string? parameter, SinkRole role, string? roleParameter = null)
        {
            Sdk = sdk;
            Type = type;
            Kind = kind;
            Member = member;
            Parameter = parameter;
            Role = role;
            RoleParameter = roleParameter;
        }

        public readonly string Sdk;

        /// <summary>Metadata name of the declaring type.</summary>
        public readonly string Type;

        public readonly SinkMemberKind Kind;

        public readonly string Member;

        /// <summary>The parameter that carries the text (arguments only).</summary>
        public readonly string? Parameter;

        public readonly SinkRole Role;

        /// <summary>For <see cref="SinkRole.FromArgument"/>: the parameter (or, for a property, the sibling property set in the same initializer) that holds the role.</summary>
        public readonly string? RoleParameter;
    }

    /// <summary>The kinds of value a taint source produces; AISEC003 adds model output.</summary>
    internal enum SourceKind
    {
        /// <summary>Request data, console input, files, web content: untrusted input.</summary>
        UntrustedInput,

        /// <summary>What an LLM returned (reserved for AISEC003).</summary>
        ModelOutput,
    }

    /// <summary>One source member: a method's return value or a property's value.</summary>
    internal sealed class SourceRow
    {
        public SourceRow(string type, string member, string display, SourceKind kind = SourceKind.UntrustedInput, bool isConstructor = false, bool trustedAtConstantPath = false)
        {
            TrustedAtConstantPath = trustedAtConstantPath;
            Type = type;
            Member = member;
            Display = display;
            Kind = kind;
            IsConstructor = isConstructor;
        }

        public readonly string Type;

        /// <summary>Method or property name; every overload matches.</summary>
        public readonly string Member;

        /// <summary>How the message names the source.</summary>
        public readonly string Display;

        public readonly SourceKind Kind;

        /// <summary>A constructor whose first argument is a string (a file path): <c>new StreamReader(path)</c>.</summary>
        public readonly bool IsConstructor;

        /// <summary>
        /// A file read: at a compile-time-constant path (<c>File.ReadAllText("benefits.md")</c>) it reads a file that ships
        /// with the app, which is trusted; at any other path, external content (docs/rules/AISEC001.md, "Sources").
        /// </summary>
        public readonly bool TrustedAtConstantPath;
    }

    /// <summary>
    /// What the LLM SDKs and the platform are, for AISEC001/AISEC002: prompt sinks with their role and
    /// untrusted sources. Member names were checked against the packages the tests compile with
    /// (OpenAI 2.15.0, Microsoft.Extensions.AI.Abstractions 10.11.0, Semantic Kernel 1.82.0, Anthropic
    /// 13.14.0, OllamaSharp 5.5.2) and the Bedrock Runtime stand-in. Adding an SDK is adding rows.
    /// </summary>
    internal static class PromptCatalog
    {
        private const string OpenAI = "OpenAI";
        private const string Meai = "Microsoft.Extensions.AI";
        private const string SemanticKernel = "Semantic Kernel";
        private const string Anthropic = "Anthropic";
        private const string Bedrock = "Amazon Bedrock";
        private const string Ollama = "OllamaSharp";
        private const string AgentFramework = "Microsoft Agent Framework";

        public static readonly ImmutableArray<SinkRow> Sinks = ImmutableArray.Create(
            // OpenAI chat (Azure.AI.OpenAI returns the same OpenAI.Chat types).
            Arg(OpenAI, "OpenAI.Chat.UserChatMessage", ".ctor", "content", SinkRole.User),
            Arg(OpenAI, "OpenAI.Chat.SystemChatMessage", ".ctor", "content", SinkRole.System),
            Arg(OpenAI, "OpenAI.Chat.DeveloperChatMessage", ".ctor", "content", SinkRole.System),
            Arg(OpenAI, "OpenAI.Chat.ChatMessage", "CreateUserMessage", "content", SinkRole.User),
            Arg(OpenAI, "OpenAI.Chat.ChatMessage", "CreateSystemMessage", "content", SinkRole.System),
            Arg(OpenAI, "OpenAI.Chat.ChatMessage", "CreateDeveloperMessage", "content", SinkRole.System),
            Arg(OpenAI, "OpenAI.Chat.ChatMessageContentPart", "CreateTextPart", "text", SinkRole.FromContainer),
            Conv(OpenAI, "OpenAI.Chat.ChatMessage", SinkRole.User),
            Conv(OpenAI, "OpenAI.Chat.ChatMessageContentPart", SinkRole.FromContainer),
            Arg(OpenAI, "OpenAI.Chat.ChatClient", "CompleteChat", "content", SinkRole.Serialized),
            Arg(OpenAI, "OpenAI.Chat.ChatClient", "CompleteChatAsync", "content", SinkRole.Serialized),

            // OpenAI Responses (2.8+ names and the older ones).
            Arg(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponse", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseAsync", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseStreaming", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseStreamingAsync", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponse", "content", SinkRole.Serialized),
            Arg(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseAsync", "content", SinkRole.Serialized),
            Arg(OpenAI, "OpenAI.Responses.OpenAIResponseClient", "CreateResponse", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.OpenAIResponseClient", "CreateResponseAsync", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.OpenAIResponseClient", "CreateResponseStreaming", "userInputText", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.OpenAIResponseClient", "CreateResponseStreamingAsync", "userInputText", SinkRole.User),
            Prop(OpenAI, "OpenAI.Responses.CreateResponseOptions", "Instructions", SinkRole.System),
            Prop(OpenAI, "OpenAI.Responses.ResponseCreationOptions", "Instructions", SinkRole.System),
            Arg(OpenAI, "OpenAI.Responses.ResponseItem", "CreateUserMessageItem", "inputTextContent", SinkRole.User),
            Arg(OpenAI, "OpenAI.Responses.ResponseItem", "CreateSystemMessageItem", "inputTextContent", SinkRole.System),
            Arg(OpenAI, "OpenAI.Responses.ResponseItem", "CreateDeveloperMessageItem", "inputTextContent", SinkRole.System),
            Arg(OpenAI, "OpenAI.Responses.ResponseContentPart", "CreateInputTextPart", "text", SinkRole.FromContainer),

            // OpenAI Assistants.
            Prop(OpenAI, "OpenAI.Assistants.AssistantCreationOptions", "Instructions", SinkRole.System),
            Prop(OpenAI, "OpenAI.Assistants.AssistantModificationOptions", "Instructions", SinkRole.System),
            Prop(OpenAI, "OpenAI.Assistants.RunCreationOptions", "AdditionalInstructions", SinkRole.System),
            Prop(OpenAI, "OpenAI.Assistants.RunCreationOptions", "InstructionsOverride", SinkRole.System),

            // Microsoft.Extensions.AI.
            Arg(Meai, "Microsoft.Extensions.AI.ChatClientExtensions", "GetResponseAsync", "chatMessage", SinkRole.User),
            Arg(Meai, "Microsoft.Extensions.AI.ChatClientExtensions", "GetStreamingResponseAsync", "chatMessage", SinkRole.User),
            Arg(Meai, "Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", "GetResponseAsync", "chatMessage", SinkRole.User),
            Arg(Meai, "Microsoft.Extensions.AI.ChatMessage", ".ctor", "content", SinkRole.FromArgument, "role"),
            Arg(Meai, "Microsoft.Extensions.AI.TextContent", ".ctor", "text", SinkRole.FromContainer),
            Prop(Meai, "Microsoft.Extensions.AI.ChatOptions", "Instructions", SinkRole.System),

            // Semantic Kernel.
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", ".ctor", "systemMessage", SinkRole.System),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", ".ctor", "message", SinkRole.FromArgument, "role"),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", "AddUserMessage", "content", SinkRole.User),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", "AddSystemMessage", "content", SinkRole.System),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", "AddDeveloperMessage", "content", SinkRole.System),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", "AddMessage", "content", SinkRole.FromArgument, "authorRole"),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatMessageContent", ".ctor", "content", SinkRole.FromArgument, "role"),
            Prop(SemanticKernel, "Microsoft.SemanticKernel.ChatMessageContent", "Content", SinkRole.FromArgument, "Role"),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentAsync", "prompt", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentsAsync", "prompt", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", "GetStreamingChatMessageContentsAsync", "prompt", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.KernelExtensions", "InvokePromptAsync", "promptTemplate", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.KernelExtensions", "InvokePromptStreamingAsync", "promptTemplate", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.KernelExtensions", "CreateFunctionFromPrompt", "promptTemplate", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.KernelFunctionFactory", "CreateFromPrompt", "promptTemplate", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.PromptTemplateConfig", ".ctor", "template", SinkRole.Template),
            Prop(SemanticKernel, "Microsoft.SemanticKernel.PromptTemplateConfig", "Template", SinkRole.Template),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", "GetTextContentsAsync", "prompt", SinkRole.User),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", "GetStreamingTextContentsAsync", "prompt", SinkRole.User),
            Arg(SemanticKernel, "Microsoft.SemanticKernel.TextGeneration.TextGenerationExtensions", "GetTextContentAsync", "prompt", SinkRole.User),
            Prop(SemanticKernel, "Microsoft.SemanticKernel.Agents.Agent", "Instructions", SinkRole.System),
            Prop(SemanticKernel, "Microsoft.SemanticKernel.Agents.AgentInvokeOptions", "AdditionalInstructions", SinkRole.System),

            // Anthropic (official SDK, 13.x): strings convert implicitly into these content types.
            Prop(Anthropic, "Anthropic.Models.Messages.MessageCreateParams", "System", SinkRole.System),
            Prop(Anthropic, "Anthropic.Models.Messages.SystemMessageParam", "Content", SinkRole.System),
            Arg(Anthropic, "Anthropic.Models.Messages.SystemMessageParam", ".ctor", "content", SinkRole.System),
            Prop(Anthropic, "Anthropic.Models.Messages.UserMessageParam", "Content", SinkRole.User),
            Arg(Anthropic, "Anthropic.Models.Messages.UserMessageParam", ".ctor", "content", SinkRole.User),
            Prop(Anthropic, "Anthropic.Models.Messages.TextBlockParam", "Text", SinkRole.FromContainer),
            Arg(Anthropic, "Anthropic.Models.Messages.TextBlockParam", ".ctor", "text", SinkRole.FromContainer),
            Prop(Anthropic, "Anthropic.Models.Beta.Messages.MessageCreateParams", "System", SinkRole.System),

            // Amazon Bedrock Runtime.
            Prop(Bedrock, "Amazon.BedrockRuntime.Model.SystemContentBlock", "Text", SinkRole.System),
            Prop(Bedrock, "Amazon.BedrockRuntime.Model.ContentBlock", "Text", SinkRole.User),
            Prop(Bedrock, "Amazon.BedrockRuntime.Model.InvokeModelRequest", "Body", SinkRole.Serialized),
            Prop(Bedrock, "Amazon.BedrockRuntime.Model.InvokeModelWithResponseStreamRequest", "Body", SinkRole.Serialized),

            // Not served here, matched by metadata name with their documented public shapes: the community
            // Anthropic.SDK, Microsoft Agent Framework, legacy Azure.AI.OpenAI 1.0 betas and Azure.AI.Inference.
            Arg(Anthropic, "Anthropic.SDK.Messaging.SystemMessage", ".ctor", "text", SinkRole.System),
            Prop(Anthropic, "Anthropic.SDK.Messaging.SystemMessage", "Text", SinkRole.System),
            Arg(Anthropic, "Anthropic.SDK.Messaging.Message", ".ctor", "text", SinkRole.User),
            Prop(Anthropic, "Anthropic.SDK.Messaging.TextContent", "Text", SinkRole.User),
            Arg(AgentFramework, "Microsoft.Agents.AI.ChatClientAgent", ".ctor", "instructions", SinkRole.System),
            Arg(AgentFramework, "Microsoft.Agents.AI.ChatClientExtensions", "AsAIAgent", "instructions", SinkRole.System),
            Arg(AgentFramework, "Microsoft.Agents.AI.ChatClientExtensions", "CreateAIAgent", "instructions", SinkRole.System),
            Arg(AgentFramework, "Microsoft.Agents.AI.AIAgent", "RunAsync", "message", SinkRole.User),
            Arg(AgentFramework, "Microsoft.Agents.AI.AIAgent", "RunStreamingAsync", "message", SinkRole.User),
            Arg(OpenAI, "Azure.AI.OpenAI.ChatRequestSystemMessage", ".ctor", "content", SinkRole.System),
            Arg(OpenAI, "Azure.AI.OpenAI.ChatRequestUserMessage", ".ctor", "content", SinkRole.User),
            Arg(OpenAI, "Azure.AI.Inference.ChatRequestSystemMessage", ".ctor", "content", SinkRole.System),
            Arg(OpenAI, "Azure.AI.Inference.ChatRequestUserMessage", ".ctor", "content", SinkRole.User),

            // OllamaSharp.
            Arg(Ollama, "OllamaSharp.Chat", ".ctor", "systemPrompt", SinkRole.System),
            Arg(Ollama, "OllamaSharp.Chat", "SendAsync", "message", SinkRole.User),
            Arg(Ollama, "OllamaSharp.Chat", "SendAsAsync", "message", SinkRole.FromArgument, "role"),
            Arg(Ollama, "OllamaSharp.Models.Chat.Message", ".ctor", "content", SinkRole.FromArgument, "role"),
            Prop(Ollama, "OllamaSharp.Models.Chat.Message", "Content", SinkRole.FromArgument, "Role"),
            Arg(Ollama, "OllamaSharp.OllamaApiClientExtensions", "GenerateAsync", "prompt", SinkRole.User),
            Prop(Ollama, "OllamaSharp.Models.GenerateRequest", "Prompt", SinkRole.User),
            Prop(Ollama, "OllamaSharp.Models.GenerateRequest", "System", SinkRole.System),
            Prop(Ollama, "OllamaSharp.Models.GenerateRequest", "Template", SinkRole.Template));

        /// <summary>Role values that are the system role, by the name of the static member or the string they are built from.</summary>
        public static readonly ImmutableHashSet<string> SystemRoleNames = ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase, "System", "Developer");

        /// <summary>The role types whose static <c>System</c>/<c>Developer</c> members name the system role.</summary>
        public static readonly ImmutableArray<string> RoleTypes = ImmutableArray.Create(
            "Microsoft.Extensions.AI.ChatRole",
            "Microsoft.SemanticKernel.ChatCompletion.AuthorRole",
            "OllamaSharp.Models.Chat.ChatRole",
            "OpenAI.Chat.ChatMessageRole");

        /// <summary>Message types whose role is fixed by the type, for content parts inside them.</summary>
        public static readonly ImmutableArray<string> SystemMessageContainers = ImmutableArray.Create(
            "OpenAI.Chat.SystemChatMessage",
            "OpenAI.Chat.DeveloperChatMessage",
            "Anthropic.Models.Messages.SystemMessageParam");

        /// <inheritdoc cref="SystemMessageContainers"/>
        public static readonly ImmutableArray<string> UserMessageContainers = ImmutableArray.Create(
            "OpenAI.Chat.UserChatMessage",
            "Anthropic.Models.Messages.UserMessageParam");

        public static readonly ImmutableArray<SourceRow> Sources = ImmutableArray.Create(
            new SourceRow("System.Console", "ReadLine", "Console.ReadLine()"),
            new SourceRow("System.Console", "In", "Console.In"),
            new SourceRow("System.IO.File", "ReadAllText", "File.ReadAllText", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadAllTextAsync", "File.ReadAllTextAsync", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadAllLines", "File.ReadAllLines", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadAllLinesAsync", "File.ReadAllLinesAsync", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadLines", "File.ReadLines", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadLinesAsync", "File.ReadLinesAsync", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "OpenText", "File.OpenText", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "OpenRead", "File.OpenRead", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadAllBytes", "File.ReadAllBytes", trustedAtConstantPath: true),
            new SourceRow("System.IO.File", "ReadAllBytesAsync", "File.ReadAllBytesAsync", trustedAtConstantPath: true),
            new SourceRow("System.IO.FileInfo", "OpenText", "FileInfo.OpenText"),
            new SourceRow("System.IO.StreamReader", ".ctor", "a file read with StreamReader", isConstructor: true, trustedAtConstantPath: true),
            new SourceRow("System.Net.Http.HttpClient", "GetStringAsync", "HttpClient.GetStringAsync"),
            new SourceRow("System.Net.Http.HttpClient", "GetStreamAsync", "HttpClient.GetStreamAsync"),
            new SourceRow("System.Net.Http.HttpClient", "GetByteArrayAsync", "HttpClient.GetByteArrayAsync"),
            new SourceRow("System.Net.Http.HttpContent", "ReadAsStringAsync", "HttpContent.ReadAsStringAsync"),
            new SourceRow("System.Net.Http.HttpContent", "ReadAsStreamAsync", "HttpContent.ReadAsStreamAsync"),
            new SourceRow("System.Net.Http.HttpContent", "ReadAsStream", "HttpContent.ReadAsStream"),
            new SourceRow("System.Net.Http.HttpContent", "ReadAsByteArrayAsync", "HttpContent.ReadAsByteArrayAsync"),
            new SourceRow("System.Net.Http.Json.HttpClientJsonExtensions", "GetFromJsonAsync", "HttpClient.GetFromJsonAsync"),
            new SourceRow("System.Net.Http.Json.HttpClientJsonExtensions", "GetFromJsonAsAsyncEnumerable", "HttpClient.GetFromJsonAsAsyncEnumerable"),
            new SourceRow("System.Net.Http.Json.HttpContentJsonExtensions", "ReadFromJsonAsync", "HttpContent.ReadFromJsonAsync"),
            new SourceRow("System.Net.Http.Json.HttpContentJsonExtensions", "ReadFromJsonAsAsyncEnumerable", "HttpContent.ReadFromJsonAsAsyncEnumerable"),
            new SourceRow("Amazon.SQS.Model.Message", "Body", "SQS Message.Body"),
            new SourceRow("Amazon.S3.Model.GetObjectResponse", "ResponseStream", "S3 GetObjectResponse.ResponseStream"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "Query", "HttpRequest.Query"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "Form", "HttpRequest.Form"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "ReadFormAsync", "HttpRequest.ReadFormAsync"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "Headers", "HttpRequest.Headers"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "Cookies", "HttpRequest.Cookies"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "RouteValues", "HttpRequest.RouteValues"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "Body", "HttpRequest.Body"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "BodyReader", "HttpRequest.BodyReader"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "Path", "HttpRequest.Path"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequest", "QueryString", "HttpRequest.QueryString"),
            new SourceRow("Microsoft.AspNetCore.Http.HttpRequestJsonExtensions", "ReadFromJsonAsync", "HttpRequest.ReadFromJsonAsync"),
            new SourceRow("Microsoft.AspNetCore.Http.IFormFile", "OpenReadStream", "IFormFile.OpenReadStream"),
            new SourceRow("Microsoft.AspNetCore.Http.IFormFile", "FileName", "IFormFile.FileName"));

        /// <summary>Anonymous-object or dictionary member names that hold a system prompt in JSON request bodies.</summary>
        public static readonly ImmutableHashSet<string> SystemMemberNames = ImmutableHashSet.Create(
            System.StringComparer.OrdinalIgnoreCase, "system", "instructions", "system_prompt", "systemPrompt", "preamble", "system_instruction");

        private static SinkRow Arg(string sdk, string type, string member, string parameter, SinkRole role, string? roleParameter = null)
            => new(sdk, type, SinkMemberKind.Argument, member, parameter, role, roleParameter);

        private static SinkRow Prop(string sdk, string type, string member, SinkRole role, string? roleProperty = null)
            => new(sdk, type, SinkMemberKind.Property, member, null, role, roleProperty);

        private static SinkRow Conv(string sdk, string type, SinkRole role)
            => new(sdk, type, SinkMemberKind.Conversion, "op_Implicit", null, role);
    }
}
