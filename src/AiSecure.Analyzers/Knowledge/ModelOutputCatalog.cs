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
            "OpenAI.Responses.OpenAIResponse",
            "OpenAI.Responses.ResponseResult",
            "OpenAI.Responses.StreamingResponseUpdate",
            // Microsoft.Extensions.AI
            "Microsoft.Extensions.AI.ChatResponse",
            "Microsoft.Extensions.AI.ChatResponse`1",
            "Microsoft.Extensions.AI.ChatResponseUpdate",
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

        /// <summary>
        /// Attributes (by name, any namespace) that make a method a tool the model calls: its text parameters are model
        /// output (docs/rules/AISEC003.md, "Tool arguments").
        /// </summary>
        private static readonly string[] ToolAttributeNames =
        {
            "KernelFunctionAttribute",
        };

        /// <summary>(type name, method) of factories that turn a lambda or method into a tool: the lambda's text parameters are model output.</summary>
        private static readonly (string Type, string Method)[] ToolFactoryNames =
        {
            ("AIFunctionFactory", "Create"),
            ("KernelFunctionFactory", "CreateFromMethod"),
        };

        /// <summary>Names of parameter types that are injected into a tool, never written by the model.</summary>
        private static readonly string[] InjectedParameterTypeNames =
        {
            "Kernel", "CancellationToken", "IServiceProvider", "McpServer", "IMcpServer", "AIFunctionArguments", "KernelArguments",
        };

        private ModelOutputCatalog(Compilation compilation)
        {
            // Output types are looked up only for a type of their name (and here until one is found): the SDKs'
            // response namespaces are large, and a project uses one or two SDKs.
            foreach (var name in OutputTypeNames)
            {
                var type = new LazyType(compilation, name);
                _outputTypes.Add(type, type);
            }

            _hasOutputType = _outputTypes.AnyExists();

            foreach (var (typeName, method) in TextCallNames)
            {
                if (TypeResolver.Get(compilation, typeName) is { } type)
                {
                    _textCalls.Add(new TextCall(type, method));
                }
            }

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
            Results = new LazyType(compilation, "Microsoft.AspNetCore.Http.Results");
            TypedResults = new LazyType(compilation, "Microsoft.AspNetCore.Http.TypedResults");
            ControllerBase = new LazyType(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            EfRelationalQueryable = new LazyType(compilation, "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            EfRelationalDatabase = new LazyType(compilation, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
            Dapper = new LazyType(compilation, "Dapper.SqlMapper");
            WebUtility = new LazyType(compilation, "System.Net.WebUtility");
            HtmlEncoder = new LazyType(compilation, "System.Text.Encodings.Web.TextEncoder");
            HttpUtility = new LazyType(compilation, "System.Web.HttpUtility");
            StringType = compilation.GetSpecialType(SpecialType.System_String);
        }

        private readonly LazyTypeMap<LazyType> _outputTypes = new();

        private readonly bool _hasOutputType;

        // Objects, not tuples: a collection of tuples is generic code the runtime compiles in every build.
        private readonly List<TextCall> _textCalls = new();

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

        /// <summary>True when the compilation references an SDK whose output the rule follows.</summary>
        public bool HasModelSdk => _hasOutputType || _textCalls.Count > 0;

        public static ModelOutputCatalog Create(Compilation compilation) => new(compilation);

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

        /// <summary>HTML encoders clear a value for every sink of this rule's HTML kind.</summary>
        public bool IsHtmlEncoder(IMethodSymbol method)
            => (method.Name == "HtmlEncode" && (WebUtility.Is(method.ContainingType) || HttpUtility.Is(method.ContainingType)))
            || (method.Name == "Encode" && HtmlEncoder.IsBaseOrSelfOf(method.ContainingType));

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

            return IsHtmlEncoder(method) ? 1 << (int)DangerousSinkKind.Html : 0;
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

        /// <summary>The method is a tool the model calls (<c>[KernelFunction]</c> and the other tool attributes).</summary>
        public static bool IsToolMethod(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is { } name && System.Array.IndexOf(ToolAttributeNames, name) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>AIFunctionFactory.Create</c>, <c>KernelFunctionFactory.CreateFromMethod</c>: a call that turns its delegate into a tool.</summary>
        public static bool IsToolFactory(IMethodSymbol method)
        {
            foreach (var (type, name) in ToolFactoryNames)
            {
                if (method.Name == name && method.ContainingType?.Name == type)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A parameter the host fills (the kernel, a cancellation token, services), not the model.</summary>
        public static bool IsInjectedParameter(IParameterSymbol parameter)
            => System.Array.IndexOf(InjectedParameterTypeNames, parameter.Type.Name) >= 0
               || (parameter.Type.TypeKind == TypeKind.Interface && parameter.Type.ContainingNamespace?.ToString().StartsWith("System.Collections", System.StringComparison.Ordinal) != true)
               || HasAttributeNamed(parameter, "FromServices") || HasAttributeNamed(parameter, "FromKeyedServices");

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
