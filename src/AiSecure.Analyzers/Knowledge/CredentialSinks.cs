using System;
using System.Collections.Immutable;
using AiSecure.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// Where AISEC040's credentials are passed in code: the SDK namespaces whose <c>apiKey</c> parameters and
    /// <c>ApiKey</c> properties take a key, which vendor a key is for, and the raw HTTP headers that carry one.
    /// </summary>
    internal static class CredentialSinks
    {
        public static string? RootNamespace(INamedTypeSymbol? type) => type.NamespaceName(0);

        /// <summary>
        /// The LLM SDKs: OpenAI, Azure, Anthropic (official and community), OllamaSharp, and under
        /// Microsoft only Semantic Kernel, Microsoft.Extensions.AI, Agent Framework and Kernel Memory.
        /// </summary>
        public static bool IsLlmNamespace(INamespaceSymbol ns, string root)
        {
            if (root is "OpenAI" or "Azure" or "Anthropic" or "OllamaSharp")
            {
                return true;
            }

            if (root != "Microsoft")
            {
                return false;
            }

            var second = ns;
            while (second.ContainingNamespace is { IsGlobalNamespace: false } parent && parent.Name != "Microsoft")
            {
                second = parent;
            }

            if (second.Name is "SemanticKernel" or "Agents" or "KernelMemory")
            {
                return true;
            }

            // Microsoft.Extensions.AI.*
            return second.Name == "Extensions" && !SymbolEqualityComparer.Default.Equals(ns, second) && IsUnder(ns, second, "AI");
        }

        private static bool IsUnder(INamespaceSymbol ns, INamespaceSymbol ancestor, string childName)
        {
            for (var current = ns; current != null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
            {
                if (current.Name == childName && SymbolEqualityComparer.Default.Equals(current.ContainingNamespace, ancestor))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsCredentialMethod(CredentialSymbols symbols, INamedTypeSymbol type, string root)
            => (root != "System" || type.InheritsFromOrEquals(symbols.ApiKeyCredential) || type.InheritsFromOrEquals(symbols.AuthenticationHeaderValue) || type.InheritsFromOrEquals(symbols.HttpHeaders))
               && (root is "Amazon" or "System" || IsLlmNamespace(type.ContainingNamespace, root));

        /// <summary>
        /// Raw HTTP calls to the model APIs: <c>new AuthenticationHeaderValue("Bearer", "sk-…")</c>, and
        /// <c>headers.Add("x-api-key" | "api-key", "…")</c>. Which vendor the key is for comes from the header and the key's prefix.
        /// </summary>
        public static string? HeaderOf(CredentialSymbols symbols, IMethodSymbol method, IParameterSymbol parameter, ImmutableArray<IArgumentOperation> arguments)
        {
            var type = method.ContainingType;
            if (method.MethodKind == MethodKind.Constructor && parameter.Name == "parameter" && type.InheritsFromOrEquals(symbols.AuthenticationHeaderValue))
            {
                return "Bearer";
            }

            if (method.Name is "Add" or "TryAddWithoutValidation" && parameter.Name == "value" && type.InheritsFromOrEquals(symbols.HttpHeaders))
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Name == "name" && argument.Value.WalkDownConversions().ConstantValue.Value is string name)
                    {
                        return name.Trim().ToLowerInvariant() is "x-api-key" or "api-key" or "authorization" ? name.Trim().ToLowerInvariant() : null;
                    }
                }
            }

            return null;
        }


        public static CredentialKind ApiKeyCredentialKind(string root, string typeName, string memberName)
        {
            if (root == "Anthropic" || Contains(typeName, "Anthropic") || Contains(memberName, "Anthropic") || Contains(memberName, "Claude"))
            {
                return CredentialCatalog.AnthropicKey;
            }

            if (root == "Azure" || Contains(typeName, "Azure") || Contains(memberName, "Azure"))
            {
                return CredentialCatalog.AzureOpenAIKey;
            }

            return root == "OpenAI" || Contains(typeName, "OpenAI") || Contains(memberName, "OpenAI") ? CredentialCatalog.OpenAIKey : CredentialCatalog.GenericApiKey;
        }

        /// <summary>Credentials recognized by their text: an AWS key id anywhere in the AWS SDK, a vendor-prefixed key in an HTTP header.</summary>
        public static CredentialKind? TextCredentialKind(string root, string? header, string text)
        {
            text = text.Trim();
            if (root == "Amazon")
            {
                // A key id passed where no key belongs (an account id, a region, a description).
                return CredentialCatalog.IsAwsAccessKeyId(text) ? CredentialCatalog.AwsAccessKeyId : null;
            }

            switch (header)
            {
                case "Bearer" or "x-api-key" when text.StartsWith("sk-ant-", StringComparison.Ordinal):
                    return CredentialCatalog.AnthropicKey;
                case "Bearer" when text.StartsWith("sk-", StringComparison.Ordinal):
                    return CredentialCatalog.OpenAIKey;
                case "api-key":
                    return CredentialCatalog.AzureOpenAIKey;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Sixteen or more letters and digits in a row, both kinds present: the random body of a key (base64, hex,
        /// vendor-prefixed keys). Model ids, hosts, ARNs and version strings are short runs between separators
        /// (<c>anthropic.claude-3-5-sonnet-20240620-v1:0</c>, <c>gpt-4o-2024-08-06</c>), and URLs are no keys: their uses stay unbound.
        /// </summary>
        public static bool HasRandomRun(string text)
        {
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                // A URL: its path segments joined by '/' are no key.
                return false;
            }

            var run = 0;
            var letters = false;
            var digits = false;
            foreach (var c in text)
            {
                if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '/')
                {
                    run++;
                    letters |= char.IsLetter(c);
                    digits |= char.IsDigit(c);
                    if (run >= 16 && letters && digits)
                    {
                        return true;
                    }
                }
                else
                {
                    run = 0;
                    letters = false;
                    digits = false;
                }
            }

            return false;
        }

        /// <summary>Parts of a member name that say it may hold a credential (a field or property whose uses are worth finding).</summary>
        /// <summary>The text after a leading <c>Bearer </c> scheme (any case), or null when there is none.</summary>
        public static string? AfterBearer(string text)
            => text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? text.Substring("Bearer ".Length).Trim() : null;

        /// <summary>A string-keyed map: <c>Dictionary</c>, <c>IDictionary</c>, <c>ConcurrentDictionary</c>, <c>SortedDictionary</c> and the like.</summary>
        public static bool IsStringKeyedMap(INamedTypeSymbol? type)
            => type != null && type.Name.EndsWith("Dictionary", StringComparison.Ordinal) && type.TypeArguments.Length == 2 && type.TypeArguments[0].IsString();

        /// <summary>The header a dictionary pair's value is written under, when it is an API key header; else null.</summary>
        public static string? HeaderPairName(IOperation name)
        {
            if (name.WalkDownConversions().ConstantValue.Value is not string text)
            {
                return null;
            }

            text = text.Trim().ToLowerInvariant();
            return text is "api-key" or "x-api-key" ? text : null;
        }

        public static CredentialKind? PropertySecret(IPropertySymbol property)
        {
            // By name first: most assigned properties hold no secret, and only these names can.
            switch (property.Name)
            {
                case "ApiKey":
                {
                    var root = RootNamespace(property.ContainingType);
                    if (root == "Anthropic")
                    {
                        return CredentialCatalog.AnthropicKey;
                    }

                    return root != null && IsLlmNamespace(property.ContainingType.ContainingNamespace, root)
                        ? ApiKeyCredentialKind(root, property.ContainingType.Name, property.Name)
                        : null;
                }

                case "AuthToken":
                    return RootNamespace(property.ContainingType) == "Anthropic" ? CredentialCatalog.AnthropicToken : null;

                // new CredentialProfileOptions { AccessKey = "AKIA…", SecretKey = "…" }, registered as a shared profile.
                case "AccessKey" when IsCredentialProfileOptions(property):
                    return CredentialCatalog.AwsAccessKeyId;
                case "SecretKey" when IsCredentialProfileOptions(property):
                    return CredentialCatalog.AwsSecretAccessKey;
                case "Token" when IsCredentialProfileOptions(property):
                    return CredentialCatalog.AwsSessionToken;
                default:
                    return null;
            }
        }

        private static bool IsCredentialProfileOptions(IPropertySymbol property)
            => RootNamespace(property.ContainingType) == "Amazon" && property.ContainingType.Name == "CredentialProfileOptions";

        public static CredentialKind? ArgumentSecret(CredentialSymbols symbols, IMethodSymbol method, IParameterSymbol parameter, string root, IArgumentOperation argument)
        {
            var type = method.ContainingType;
            var name = parameter.Name;
            if (type.InheritsFromOrEquals(symbols.ApiKeyCredential))
            {
                if (method.MethodKind != MethodKind.Constructor && method.Name != "Update")
                {
                    return null;
                }

                return type.InheritsFromOrEquals(symbols.AzureKeyCredential) || (method.MethodKind == MethodKind.Constructor && IsPassedToAzure(argument))
                    ? CredentialCatalog.AzureKey
                    : CredentialCatalog.OpenAIKey;
            }

            if (root == "Amazon")
            {
                if (Is(name, "awsAccessKeyId") || Is(name, "accessKey") || Is(name, "accessKeyId"))
                {
                    return CredentialCatalog.AwsAccessKeyId;
                }

                if (Is(name, "awsSecretAccessKey") || Is(name, "secretKey") || Is(name, "secretAccessKey"))
                {
                    return CredentialCatalog.AwsSecretAccessKey;
                }

                if (Is(name, "awsSessionToken") || Is(name, "sessionToken")
                    || (Is(name, "token") && method.MethodKind == MethodKind.Constructor
                        && (type.InheritsFromOrEquals(symbols.AwsCredentials) || type.InheritsFromOrEquals(symbols.ImmutableCredentials))))
                {
                    return CredentialCatalog.AwsSessionToken;
                }

                return null;
            }

            if (IsLlmNamespace(type.ContainingNamespace, root) && (Is(name, "apiKey") || Is(name, "apiKeys")))
            {
                return ApiKeyCredentialKind(root, type.Name, method.Name);
            }

            return null;
        }

        /// <summary><c>new AzureOpenAIClient(endpoint, new ApiKeyCredential("…"))</c>: the key is an Azure key.</summary>
        private static bool IsPassedToAzure(IArgumentOperation keyArgument)
        {
            var current = keyArgument.Parent?.Parent;
            while (current is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation)
            {
                return false;
            }

            var method = current.Parent switch
            {
                IObjectCreationOperation creation => creation.Constructor,
                IInvocationOperation invocation => invocation.TargetMethod,
                _ => null,
            };
            return method != null && (RootNamespace(method.ContainingType) == "Azure" || Contains(method.ContainingType.Name, "Azure") || Contains(method.Name, "Azure"));
        }

        /// <summary>
        /// Whether the declaration side looks for the uses of a field or property literal. Finding uses binds
        /// them, which is the costly part of this rule, so it is done only for members whose name or value looks
        /// like a credential; any other literal is reported from its use instead (same diagnostic, same fix).
        /// </summary>
        public static bool DeclarationLooksForUses(string memberName, string text)
        {
            foreach (var word in CredentialNameParts)
            {
                if (memberName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            text = text.Trim();
            if (CredentialCatalog.IsAwsAccessKeyId(text) || text.StartsWith("sk-", StringComparison.Ordinal))
            {
                return true;
            }

            return HasRandomRun(text);
        }

        public static readonly string[] CredentialNameParts = { "key", "secret", "token", "password", "pwd", "credential", "auth" };

        private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The credential SDK types of a compilation, resolved once at its start.</summary>
    internal sealed class CredentialSymbols
    {
        public CredentialSymbols(Compilation compilation)
        {
            ApiKeyCredential = TypeResolver.Get(compilation, "System.ClientModel.ApiKeyCredential");
            AzureKeyCredential = TypeResolver.Get(compilation, "Azure.AzureKeyCredential");
            AwsCredentials = TypeResolver.Get(compilation, "Amazon.Runtime.AWSCredentials");
            ImmutableCredentials = TypeResolver.Get(compilation, "Amazon.Runtime.ImmutableCredentials");
            AnthropicClient = TypeResolver.Get(compilation, "Anthropic.AnthropicClient") ?? TypeResolver.Get(compilation, "Anthropic.SDK.AnthropicClient");
            OpenAIClient = TypeResolver.Get(compilation, "OpenAI.OpenAIClient");
            SemanticKernel = TypeResolver.Get(compilation, "Microsoft.SemanticKernel.Kernel");

            // The raw HTTP headers matter only beside an SDK, and every project references them: looking them up
            // loads the members of System.Net.Http's namespaces, so a project without any SDK does not pay for it.
            if (HasAny)
            {
                AuthenticationHeaderValue = TypeResolver.Get(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
                HttpHeaders = TypeResolver.Get(compilation, "System.Net.Http.Headers.HttpHeaders");
            }
        }

        public readonly INamedTypeSymbol? ApiKeyCredential;

        public readonly INamedTypeSymbol? AzureKeyCredential;

        public readonly INamedTypeSymbol? AwsCredentials;

        public readonly INamedTypeSymbol? ImmutableCredentials;

        public readonly INamedTypeSymbol? AnthropicClient;

        public readonly INamedTypeSymbol? OpenAIClient;

        public readonly INamedTypeSymbol? SemanticKernel;

        public readonly INamedTypeSymbol? AuthenticationHeaderValue;

        public readonly INamedTypeSymbol? HttpHeaders;

        public bool HasAny => ApiKeyCredential != null || AzureKeyCredential != null || AwsCredentials != null
            || AnthropicClient != null || OpenAIClient != null || SemanticKernel != null;
    }
}
