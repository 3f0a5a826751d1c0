using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// Where a dangerous sink leads: the advice and whether a safe form can be written for it. The value is the bit a
    /// kind-specific sanitizer clears (<c>1 &lt;&lt; kind</c>, see <see cref="ModelOutputCatalog.SanitizedKinds"/>).
    /// </summary>
    internal enum DangerousSinkKind
    {
        Sql,
        Process,
        Html,

        /// <summary>A file system path: path traversal.</summary>
        Path,

        /// <summary>An outbound URL whose scheme or host the value decides: server-side request forgery.</summary>
        Url,
    }

    /// <summary>
    /// AISEC003's knowledge, as data: the SDK types whose members hold model output, the SDK calls that
    /// return model text directly, the dangerous sinks, and what clears a value. Resolved once per compilation.
    /// </summary>
    internal sealed class ModelOutputCatalog
    {
        /// <summary>Types whose members (and whatever is read from them) are model output.</summary>
        private static readonly string[] OutputTypeNames =
        {
            // OpenAI 2.x
            "OpenAI.Chat.ChatCompletion",
            "OpenAI.Chat.StreamingChatCompletionUpdate",
            // Tool calls: the model writes their arguments (docs/rules/AISEC003.md, "Tool arguments are model output too").
            "OpenAI.Chat.ChatToolCall",
            "OpenAI.Chat.StreamingChatToolCallUpdate",
            "OpenAI.Responses.FunctionCallResponseItem",
            "OpenAI.Responses.OpenAIResponse",
            "OpenAI.Responses.ResponseResult",
            "OpenAI.Responses.StreamingResponseUpdate",
            // Microsoft.Extensions.AI
            "Microsoft.Extensions.AI.ChatResponse",
            "Microsoft.Extensions.AI.ChatResponse`1",
            "Microsoft.Extensions.AI.ChatResponseUpdate",
            "Microsoft.Extensions.AI.FunctionCallContent",
            // Microsoft Agent Framework: what an agent's run returns (the names before and after the 2026 rename).
            "Microsoft.Agents.AI.AgentResponse",
            "Microsoft.Agents.AI.AgentResponse`1",
            "Microsoft.Agents.AI.AgentResponseUpdate",
            "Microsoft.Agents.AI.AgentRunResponse",
            "Microsoft.Agents.AI.AgentRunResponse`1",
            "Microsoft.Agents.AI.AgentRunResponseUpdate",
            // ModelContextProtocol: the raw arguments of a tool call, as a low-level call-tool handler receives them.
            "ModelContextProtocol.Protocol.CallToolRequestParams",
            // ModelContextProtocol sampling: what the client's model answers a server's McpServer.SampleAsync.
            "ModelContextProtocol.Protocol.CreateMessageResult",
            // Semantic Kernel
            "Microsoft.SemanticKernel.ChatMessageContent",
            "Microsoft.SemanticKernel.StreamingChatMessageContent",
            "Microsoft.SemanticKernel.StreamingKernelContent",
            "Microsoft.SemanticKernel.FunctionResult",
            "Microsoft.SemanticKernel.TextContent",
            // Anthropic (official SDK)
            "Anthropic.Models.Messages.Message",
            "Anthropic.Models.Messages.TextBlock",
            "Anthropic.Models.Messages.RawMessageStreamEvent",
            "Anthropic.Models.Messages.ContentBlock",
            "Anthropic.Models.Messages.RawContentBlockDeltaEvent",
            "Anthropic.Models.Messages.RawContentBlockDelta",
            "Anthropic.Models.Messages.TextDelta",
            "Anthropic.Models.Messages.ToolUseBlock",
            // Amazon Bedrock Runtime
            "Amazon.BedrockRuntime.Model.ConverseResponse",
            "Amazon.BedrockRuntime.Model.ConverseOutput",
            "Amazon.BedrockRuntime.Model.InvokeModelResponse",
            "Amazon.BedrockRuntime.Model.ConverseStreamResponse",
            // OllamaSharp
            "OllamaSharp.Models.GenerateResponseStream",
            "OllamaSharp.Models.GenerateDoneResponseStream",
            "OllamaSharp.Models.Chat.ChatResponseStream",
            "OllamaSharp.Models.Chat.ChatDoneResponseStream",
        };

        /// <summary>(type, method name) of SDK calls that hand back model text as a string or a stream of strings.</summary>
        private static readonly (string Type, string Method)[] TextCallNames =
        {
            ("Microsoft.SemanticKernel.Kernel", "InvokePromptAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokeAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokePromptStreamingAsync"),
            ("Microsoft.SemanticKernel.Kernel", "InvokeStreamingAsync"),
            ("Microsoft.SemanticKernel.KernelFunction", "InvokeAsync"),
            ("Microsoft.SemanticKernel.KernelFunction", "InvokeStreamingAsync"),
            ("OllamaSharp.Chat", "SendAsync"),
            ("OllamaSharp.Chat", "SendAsAsync"),
        };

        private ModelOutputCatalog(Compilation compilation, LazyTypeMap<LazyType> outputTypes, List<TextCall> textCalls)
        {
            _outputTypes = outputTypes;
            _textCalls = textCalls;
            DbCommand = new LazyType(compilation, "System.Data.Common.DbCommand");
            IDbCommand = new LazyType(compilation, "System.Data.IDbCommand");
            DbBatchCommand = new LazyType(compilation, "System.Data.Common.DbBatchCommand");
            DbDataSource = new LazyType(compilation, "System.Data.Common.DbDataSource");
            DapperCommandDefinition = new LazyType(compilation, "Dapper.CommandDefinition");
            Process = new LazyType(compilation, "System.Diagnostics.Process");
            ProcessStartInfo = new LazyType(compilation, "System.Diagnostics.ProcessStartInfo");
            HtmlString = new LazyType(compilation, "Microsoft.AspNetCore.Html.HtmlString");
            HtmlHelper = new LazyType(compilation, "Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper");
            MarkupString = new LazyType(compilation, "Microsoft.AspNetCore.Components.MarkupString");
            HtmlContentBuilder = new LazyType(compilation, "Microsoft.AspNetCore.Html.IHtmlContentBuilder");
            RenderTreeBuilder = new LazyType(compilation, "Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder");
            ContentResult = new LazyType(compilation, "Microsoft.AspNetCore.Mvc.ContentResult");
            Results = new LazyType(compilation, "Microsoft.AspNetCore.Http.Results");
            TypedResults = new LazyType(compilation, "Microsoft.AspNetCore.Http.TypedResults");
            ControllerBase = new LazyType(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            EfRelationalQueryable = new LazyType(compilation, "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            EfRelationalDatabase = new LazyType(compilation, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
            Dapper = new LazyType(compilation, "Dapper.SqlMapper");
            WebUtility = new LazyType(compilation, "System.Net.WebUtility");
            HtmlEncoder = new LazyType(compilation, "System.Text.Encodings.Web.TextEncoder");
            HttpUtility = new LazyType(compilation, "System.Web.HttpUtility");
            SystemIOPath = new LazyType(compilation, "System.IO.Path");
            Uri = new LazyType(compilation, "System.Uri");
            FileAndUrl = new FileAndUrlSinks(compilation);
            StringType = compilation.GetSpecialType(SpecialType.System_String);
        }

        private readonly LazyTypeMap<LazyType> _outputTypes;

        // Objects, not tuples: a collection of tuples is generic code the runtime compiles in every build.
        private readonly List<TextCall> _textCalls;

        public readonly LazyType DbCommand;

        public readonly LazyType IDbCommand;

        public readonly LazyType DbBatchCommand;

        public readonly LazyType DbDataSource;

        public readonly LazyType DapperCommandDefinition;

        public readonly LazyType Process;

        public readonly LazyType ProcessStartInfo;

        public readonly LazyType HtmlString;

        public readonly LazyType HtmlHelper;

        public readonly LazyType MarkupString;

        /// <summary><c>IHtmlContentBuilder</c>: <c>AppendHtml</c> / <c>SetHtmlContent</c> take markup as it is (tag helper output, <c>HtmlContentBuilder</c>).</summary>
        public readonly LazyType HtmlContentBuilder;

        /// <summary>Blazor's <c>RenderTreeBuilder.AddMarkupContent</c>: markup rendered as it is.</summary>
        public readonly LazyType RenderTreeBuilder;

        /// <summary>MVC <c>ContentResult</c>: its <c>Content</c> is the response body, HTML when <c>ContentType</c> says so.</summary>
        public readonly LazyType ContentResult;

        public readonly LazyType Results;

        public readonly LazyType TypedResults;

        public readonly LazyType ControllerBase;

        public readonly LazyType EfRelationalQueryable;

        public readonly LazyType EfRelationalDatabase;

        public readonly LazyType Dapper;

        public readonly LazyType WebUtility;

        public readonly LazyType HtmlEncoder;

        public readonly LazyType HttpUtility;

        public readonly INamedTypeSymbol StringType;

        public readonly LazyType SystemIOPath;

        public readonly LazyType Uri;

        /// <summary>The path and URL sinks.</summary>
        public readonly FileAndUrlSinks FileAndUrl;

        /// <summary>
        /// The catalog, or null when the compilation references no SDK whose output or tool arguments the rule follows:
        /// then no other type is looked up, so a project without an LLM SDK pays for none.
        /// </summary>
        public static ModelOutputCatalog? Create(Compilation compilation)
        {
            // Output types are looked up only for a type of their name (and here until one is found): the SDKs'
            // response namespaces are large, and a project uses one or two SDKs.
            var outputTypes = new LazyTypeMap<LazyType>();
            foreach (var name in OutputTypeNames)
            {
                var type = new LazyType(compilation, name);
                outputTypes.Add(type, type);
            }

            var textCalls = new List<TextCall>();
            foreach (var (typeName, method) in TextCallNames)
            {
                if (TypeResolver.Get(compilation, typeName) is { } type)
                {
                    textCalls.Add(new TextCall(type, method));
                }
            }

            // A project with MCP server tools or Semantic Kernel functions but no chat SDK still has tool arguments.
            var hasModelSdk = outputTypes.AnyExists() || textCalls.Count > 0
                || TypeResolver.Get(compilation, "ModelContextProtocol.Server.McpServerToolAttribute") != null
                || TypeResolver.Get(compilation, "Microsoft.SemanticKernel.KernelFunctionAttribute") != null
                || TypeResolver.Get(compilation, "Microsoft.Extensions.AI.AIFunctionFactory") != null;
            return hasModelSdk ? new ModelOutputCatalog(compilation, outputTypes, textCalls) : null;
        }

        public bool IsOutputType(ITypeSymbol? type)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (_outputTypes.TryGetValue(current.OriginalDefinition, out _))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsTextCall(IMethodSymbol method)
        {
            foreach (var call in _textCalls)
            {
                var type = call.Type;
                if (method.Name != call.Method)
                {
                    continue;
                }

                // Instance methods of the type, or extension methods on it (Kernel.InvokePromptAsync is one).
                var definition = method.ReducedFrom ?? method;
                if (method.ContainingType.InheritsFromOrEquals(type)
                    || (definition.IsExtensionMethod && definition.Parameters.Length > 0 && definition.Parameters[0].Type.InheritsFromOrEquals(type)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Members of the AI SDKs' types that the service fills, not the model: ids, the model's name, timestamps, roles, usage.</summary>
        private static readonly HashSet<string> ServiceMetadataNames = new(StringComparer.Ordinal)
        {
            "Model", "SystemFingerprint", "CreatedAt", "Created", "Role", "FinishReason", "StopReason", "Usage", "ServiceTier",
        };

        /// <summary>
        /// A property of an AI SDK's type (OpenAI, Azure OpenAI, Microsoft.Extensions.AI, Semantic Kernel, Agent Framework,
        /// Anthropic, OllamaSharp, ModelContextProtocol, Bedrock) that the service assigns rather than the model writes: an
        /// identifier (<c>Id</c>, <c>ResponseId</c>, <c>CallId</c>, <c>FileId</c>, …) or metadata (<c>Model</c>, <c>Role</c>,
        /// <c>FinishReason</c>, …). A transcript saved as <c>$"{completion.Id}.json"</c> is no path the model chose. A property
        /// of the project's own types (arguments deserialized from the model's JSON) is never one: the model wrote those.
        /// </summary>
        public static bool IsServiceMetadata(IPropertySymbol property)
        {
            var name = property.Name;
            var identifier = name == "Id" || (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) && char.IsLower(name[name.Length - 3]));
            if (!identifier && !ServiceMetadataNames.Contains(name))
            {
                return false;
            }

            foreach (var location in property.Locations)
            {
                if (location.IsInSource)
                {
                    return false;
                }
            }

            var type = property.ContainingType;
            switch (type.NamespaceName(0))
            {
                case "OpenAI":
                case "Anthropic":
                case "OllamaSharp":
                case "ModelContextProtocol":
                    return true;
                case "Microsoft":
                    return type.NamespaceName(1) is "SemanticKernel" or "Agents" || (type.NamespaceName(1) == "Extensions" && type.NamespaceName(2) == "AI");
                case "Amazon":
                    return type.NamespaceName(1) == "BedrockRuntime";
                case "Azure":
                    return type.NamespaceName(1) == "AI" && type.NamespaceName(2) == "OpenAI";
                default:
                    return false;
            }
        }

        /// <summary>HTML encoders clear a value for every sink of this rule's HTML kind.</summary>
        public bool IsHtmlEncoder(IMethodSymbol method)
            => (method.Name == "HtmlEncode" && (WebUtility.Is(method.ContainingType) || HttpUtility.Is(method.ContainingType)))
            || (method.Name == "Encode" && HtmlEncoder.IsBaseOrSelfOf(method.ContainingType));

        /// <summary>
        /// An HTML sanitizer library's <c>Sanitize</c>/<c>SanitizeDocument</c> (Ganss.Xss <c>HtmlSanitizer</c> and its interface,
        /// or a project's own class or interface named like it), matched by name: no type is looked up.
        /// </summary>
        private static bool IsHtmlSanitizer(IMethodSymbol method)
            => method.Name is "Sanitize" or "SanitizeDocument" or "SanitizeHtml"
            && method.ContainingType is { } type
            && type.Name.IndexOf("Html", StringComparison.Ordinal) >= 0
            && type.Name.IndexOf("Sanitiz", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// The sink kinds a method's result is clean for (bit <c>1 &lt;&lt; kind</c>): an HTML encoder clears HTML only. A
        /// method marked <c>[OutputValidator]</c> clears every kind (the policy adds the configured ones).
        /// </summary>
        public int SanitizedKinds(IMethodSymbol method)
        {
            if (HasAttributeNamed(method, "OutputValidator"))
            {
                return ~0;
            }

            if (IsHtmlEncoder(method))
            {
                // UrlEncoder is a TextEncoder too: what it encodes is neither markup nor a URL's structure.
                return method.ContainingType.Name == "UrlEncoder" ? (1 << (int)DangerousSinkKind.Html) | (1 << (int)DangerousSinkKind.Url) : 1 << (int)DangerousSinkKind.Html;
            }

            if (IsHtmlSanitizer(method))
            {
                // Markup left after an HTML sanitizer (HtmlSanitizer, IHtmlSanitizer) is still the model's text: SQL, a
                // process, a path or a URL built from it are as unsafe as before.
                return 1 << (int)DangerousSinkKind.Html;
            }

            if (method.Name is "GetFileName" or "GetFileNameWithoutExtension" && SystemIOPath.Is(method.ContainingType))
            {
                // Only the last segment of a path: no directory to traverse (docs/rules/AISEC003.md).
                return 1 << (int)DangerousSinkKind.Path;
            }

            if ((method.Name == "EscapeDataString" && Uri.Is(method.ContainingType))
                || (method.Name == "UrlEncode" && (WebUtility.Is(method.ContainingType) || HttpUtility.Is(method.ContainingType))))
            {
                // An escaped value has no ':', '/', '?', '#' or '@': it cannot choose a scheme or leave its segment.
                return 1 << (int)DangerousSinkKind.Url;
            }

            return 0;
        }

        /// <summary>
        /// Framework methods whose text result is built from their arguments: <c>Path.Combine</c>, <c>Path.GetFullPath</c> and
        /// the other path builders (a trusted root does not clear the value combined with it), URI unescaping and decoding.
        /// </summary>
        public bool IsPassThrough(IMethodSymbol method)
        {
            if (!method.IsStatic)
            {
                return false;
            }

            var type = method.ContainingType;
            if (IsThirdPartyPassThrough(method, type))
            {
                return true;
            }

            if (method.ReturnType.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            return SystemIOPath.Is(type)
                || (method.Name is "UnescapeDataString" or "EscapeUriString" && Uri.Is(type))
                || (method.Name is "UrlDecode" or "HtmlDecode" && (WebUtility.Is(type) || HttpUtility.Is(type)));
        }

        /// <summary>
        /// Libraries model output goes through on its way to a sink, matched by name (no type is looked up): Newtonsoft.Json
        /// (<c>JsonConvert.DeserializeObject</c>, <c>JObject.Parse</c>: the object is the text it was parsed from) and Markdig
        /// (<c>Markdown.ToHtml</c>: markdown passes raw HTML and <c>javascript:</c> links through into the markup it makes).
        /// </summary>
        private static bool IsThirdPartyPassThrough(IMethodSymbol method, INamedTypeSymbol? type)
        {
            switch (type?.Name)
            {
                case "JsonConvert" when type.IsInNamespace("Newtonsoft", "Json"):
                    return method.Name.StartsWith("Deserialize", StringComparison.Ordinal) || method.Name.StartsWith("Serialize", StringComparison.Ordinal);
                case "JToken" or "JObject" or "JArray" or "JValue" when type.IsInNamespace("Newtonsoft", "Json", "Linq"):
                    return method.Name is "Parse" or "FromObject" or "Load" or "ReadFrom";
                case "Markdown" when type.IsInNamespace("Markdig"):
                    return method.Name is "ToHtml" or "Convert";
                default:
                    return false;
            }
        }


        /// <summary>An attribute named <paramref name="name"/> or <paramref name="name"/>Attribute, in any namespace.</summary>
        public static bool HasAttributeNamed(ISymbol symbol, string name)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var attributeName = attribute.AttributeClass?.Name;
                if (attributeName == name || attributeName == name + "Attribute")
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class TextCall
        {
            public TextCall(INamedTypeSymbol type, string method)
            {
                Type = type;
                Method = method;
            }

            public readonly INamedTypeSymbol Type;

            public readonly string Method;
        }
    }
}
