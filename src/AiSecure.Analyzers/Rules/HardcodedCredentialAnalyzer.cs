using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC040: a cloud or LLM credential is written in source. Sinks are the parameters and properties
    /// that take a key: AWS credential types and client constructors (access key id, secret, session
    /// token), <c>ApiKeyCredential</c> / <c>AzureKeyCredential</c>, <c>apiKey</c> parameters of the LLM
    /// SDKs, and the Anthropic client's <c>ApiKey</c> / <c>AuthToken</c>. The value is followed through
    /// <c>const</c> fields and locals, <c>static readonly</c>/<c>readonly</c> fields and get-only
    /// properties initialized with a literal, and locals initialized once; the diagnostic is on the literal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the environment variable the fix reads.</summary>
        internal const string VariableProperty = "EnvironmentVariable";

        /// <summary>Diagnostic property: "true" when the fix must add <c>!</c> (non-nullable target, nullable warnings on).</summary>
        internal const string NullForgivingProperty = "NullForgiving";

        internal const string AwsAccessKeyIdVariable = "AWS_ACCESS_KEY_ID";
        internal const string AwsSecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";
        internal const string AwsSessionTokenVariable = "AWS_SESSION_TOKEN";
        internal const string OpenAIVariable = "OPENAI_API_KEY";
        internal const string AzureOpenAIVariable = "AZURE_OPENAI_API_KEY";
        internal const string AnthropicVariable = "ANTHROPIC_API_KEY";
        internal const string AnthropicTokenVariable = "ANTHROPIC_AUTH_TOKEN";

        private const int MaxDepth = 4;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = new CredentialSymbols(context.Compilation);
            if (!symbols.HasAny)
            {
                return;
            }

            var names = new IdentifierIndex();
            context.RegisterOperationBlockAction(c => AnalyzeBlock(c, symbols, names));
        }

        /// <summary>
        /// The sinks of a method, lambda or initializer. A block action rather than operation actions: the literal may
        /// sit in another statement (<c>var key = "…";</c>), and span-based analysis (the IDE's light bulb on the
        /// literal) must still run the analysis that reports it.
        /// </summary>
        [MethodImpl(CodeTier.Optimized)]
        private static void AnalyzeBlock(OperationBlockAnalysisContext blockContext, CredentialSymbols symbols, IdentifierIndex names)
        {
            foreach (var block in blockContext.OperationBlocks)
            {
                var context = new Context(blockContext, block.SemanticModel);
                foreach (var operation in block.WalkTree())
                {
                    // The kind first: a type test against an operation interface costs more than reading the kind.
                    switch (operation.Kind)
                    {
                        case OperationKind.ObjectCreation when operation is IObjectCreationOperation { Constructor: { } constructor } creation:
                            AnalyzeArguments(context, symbols, constructor, creation.Arguments);
                            break;
                        case OperationKind.Invocation when operation is IInvocationOperation { TargetMethod: { Name: "SetEnvironmentVariable", IsStatic: true } } setter:
                            AnalyzeEnvironmentSetter(context, setter);
                            break;
                        case OperationKind.Invocation when operation is IInvocationOperation invocation:
                            AnalyzeArguments(context, symbols, invocation.TargetMethod, invocation.Arguments);
                            break;
                        case OperationKind.SimpleAssignment when operation is ISimpleAssignmentOperation assignment:
                            AnalyzeAssignment(context, assignment);
                            break;
                        case OperationKind.Literal when operation is ILiteralOperation { Syntax.Parent: EqualsValueClauseSyntax or ArrowExpressionClauseSyntax } literal:
                            // Initializers of fields, properties and parameters are operation blocks of their own.
                            AnalyzeDeclaredLiteral(context, literal, symbols, names);
                            break;
                    }
                }
            }
        }

        private static void AnalyzeArguments(Context context, CredentialSymbols symbols, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            // Most calls pass no string: nothing to classify, so the type checks below are not worth making.
            var type = method.ContainingType;
            if (type == null || !HasStringArgument(arguments))
            {
                return;
            }

            var root = RootNamespace(type);
            if (root == null || !IsCredentialMethod(symbols, type, root))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || argument.ArgumentKind != ArgumentKind.Explicit || !parameter.Type.IsString())
                {
                    continue;
                }

                var secret = Classify(symbols, method, parameter, root, argument);
                var header = root == "System" ? HeaderOf(symbols, method, parameter, arguments) : null;
                if (secret == null && header == null && root != "Amazon")
                {
                    continue;
                }

                foreach (var found in ResolveAll(argument.Value, context.CancellationToken))
                {
                    if (IsReportedAtDeclaration(found, argument))
                    {
                        continue;
                    }

                    var reported = secret ?? TextSecret(root, header, found.Text);
                    if (reported != null)
                    {
                        Report(context, reported, found, parameter.Type, MemberName(method));
                    }
                }
            }
        }

        private static bool HasStringArgument(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter && parameter.Type.IsString())
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-…")</c>: the key the SDK will read is still written
        /// in source. Reported on the literal, without a fix (the value must come from outside the program).
        /// </summary>
        private static void AnalyzeEnvironmentSetter(Context context, IInvocationOperation setter)
        {
            var method = setter.TargetMethod;
            if (method.ContainingType is not { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
                || setter.Arguments.Length < 2)
            {
                return;
            }

            IOperation? name = null;
            IArgumentOperation? value = null;
            foreach (var argument in setter.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "variable":
                        name = argument.Value.WalkDownConversions();
                        break;
                    case "value":
                        value = argument;
                        break;
                }
            }

            var secret = (name?.ConstantValue.Value as string)?.Trim() switch
            {
                AwsAccessKeyIdVariable => new Secret(AwsAccessKeyIdVariable, "AWS access key id"),
                AwsSecretAccessKeyVariable => new Secret(AwsSecretAccessKeyVariable, "AWS secret access key"),
                AwsSessionTokenVariable => new Secret(AwsSessionTokenVariable, "AWS session token"),
                OpenAIVariable => new Secret(OpenAIVariable, "OpenAI API key"),
                AzureOpenAIVariable => new Secret(AzureOpenAIVariable, "Azure OpenAI API key"),
                AnthropicVariable => new Secret(AnthropicVariable, "Anthropic API key"),
                AnthropicTokenVariable => new Secret(AnthropicTokenVariable, "Anthropic auth token"),
                _ => null,
            };
            if (secret == null || value == null || value.Parameter == null)
            {
                return;
            }

            foreach (var found in ResolveAll(value.Value, context.CancellationToken))
            {
                if (!found.IsMember)
                {
                    Report(context, secret, new Found(found.Text, found.Literal, null, null), value.Parameter.Type, "Environment.SetEnvironmentVariable");
                }
            }
        }

        private static void AnalyzeAssignment(Context context, ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } || !property.Type.IsString())
            {
                return;
            }

            var secret = PropertySecret(property);
            if (secret == null)
            {
                return;
            }

            foreach (var found in ResolveAll(assignment.Value, context.CancellationToken))
            {
                if (!IsReportedAtDeclaration(found, assignment))
                {
                    Report(context, secret, found, property.Type, property.ContainingType.Name + "." + property.Name);
                }
            }
        }

        private static Secret? PropertySecret(IPropertySymbol property)
        {
            // By name first: most assigned properties hold no secret, and only these names can.
            switch (property.Name)
            {
                case "ApiKey":
                {
                    var root = RootNamespace(property.ContainingType);
                    if (root == "Anthropic")
                    {
                        return new Secret(AnthropicVariable, "Anthropic API key");
                    }

                    return root != null && IsLlmNamespace(property.ContainingType.ContainingNamespace, root)
                        ? ApiKeySecret(root, property.ContainingType.Name, property.Name)
                        : null;
                }

                case "AuthToken":
                    return RootNamespace(property.ContainingType) == "Anthropic" ? new Secret(AnthropicTokenVariable, "Anthropic auth token") : null;

                // new CredentialProfileOptions { AccessKey = "AKIA…", SecretKey = "…" }, registered as a shared profile.
                case "AccessKey" when IsCredentialProfileOptions(property):
                    return new Secret(AwsAccessKeyIdVariable, "AWS access key id");
                case "SecretKey" when IsCredentialProfileOptions(property):
                    return new Secret(AwsSecretAccessKeyVariable, "AWS secret access key");
                case "Token" when IsCredentialProfileOptions(property):
                    return new Secret(AwsSessionTokenVariable, "AWS session token");
                default:
                    return null;
            }
        }

        private static bool IsCredentialProfileOptions(IPropertySymbol property)
            => RootNamespace(property.ContainingType) == "Amazon" && property.ContainingType.Name == "CredentialProfileOptions";

        /// <summary>
        /// A constant, readonly field or get-only property declared in the same file is reported from its declaration
        /// (<see cref="AnalyzeDeclaredLiteral"/>), so that the diagnostic belongs to the code that holds the literal
        /// (the IDE shows it while that file is open). Declarations in other files are reported from the use.
        /// </summary>
        private static bool IsReportedAtDeclaration(Found found, IOperation use)
            => found.IsMember && found.Literal.SyntaxTree == use.Syntax.SyntaxTree
               && DeclaredName(found.Literal) is { } name && DeclarationLooksForUses(name, found.Text);

        /// <summary>
        /// Whether the declaration side looks for the uses of a field or property literal. Finding uses binds
        /// them, which is the costly part of this rule, so it is done only for members whose name or value looks
        /// like a credential; any other literal is reported from its use instead (same diagnostic, same fix).
        /// </summary>
        private static bool DeclarationLooksForUses(string memberName, string text)
        {
            foreach (var word in CredentialNameParts)
            {
                if (memberName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            text = text.Trim();
            if (CredentialLiterals.IsAwsAccessKeyId(text) || text.StartsWith("sk-", StringComparison.Ordinal))
            {
                return true;
            }

            return HasRandomRun(text);
        }

        /// <summary>
        /// Sixteen or more letters and digits in a row, both kinds present: the random body of a key (base64, hex,
        /// vendor-prefixed keys). Model ids, hosts, ARNs and version strings are short runs between separators
        /// (<c>anthropic.claude-3-5-sonnet-20240620-v1:0</c>, <c>gpt-4o-2024-08-06</c>), and URLs are no keys: their uses stay unbound.
        /// </summary>
        private static bool HasRandomRun(string text)
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

        private static readonly string[] CredentialNameParts = { "key", "secret", "token", "password", "pwd", "credential", "auth" };

        private static string? DeclaredName(ExpressionSyntax literal)
            => literal.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
                EqualsValueClauseSyntax { Parent: ParameterSyntax parameter } => parameter.Identifier.ValueText,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
                ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
                _ => null,
            };

        /// <summary>
        /// A string literal that initializes a <c>const</c> or readonly field or a get-only property: reported when a use
        /// in the same file reaches a credential sink, with the fix at the use (const) or on the literal.
        /// </summary>
        private static void AnalyzeDeclaredLiteral(Context context, ILiteralOperation literal, CredentialSymbols symbols, IdentifierIndex names)
        {
            if (literal.Syntax is not LiteralExpressionSyntax { Parent: EqualsValueClauseSyntax or ArrowExpressionClauseSyntax } literalSyntax
                || literal.ConstantValue.Value is not string text
                || !CredentialLiterals.LooksLikeSecret(text) || literal.SemanticModel is not { } model
                || DeclaredName(literalSyntax) is not { } declaredName || !DeclarationLooksForUses(declaredName, text))
            {
                return;
            }

            ISymbol? member = literalSyntax.Parent switch
            {
                EqualsValueClauseSyntax { Parent: ParameterSyntax parameter } => model.GetDeclaredSymbol(parameter, context.CancellationToken),
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } declarator } => model.GetDeclaredSymbol(declarator, context.CancellationToken),
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax initialized } => model.GetDeclaredSymbol(initialized, context.CancellationToken),
                ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax bodied } => model.GetDeclaredSymbol(bodied, context.CancellationToken),
                _ => null,
            };
            var isConst = member is IFieldSymbol { IsConst: true };
            if (member is not (IFieldSymbol { IsConst: true } or IFieldSymbol { IsReadOnly: true } or IPropertySymbol or IParameterSymbol))
            {
                return;
            }

            if (member is IPropertySymbol property && PropertyLiteral(property, context.CancellationToken) != literalSyntax)
            {
                return;
            }

            foreach (var name in names.Find(literalSyntax.SyntaxTree, member.Name, context.CancellationToken))
            {

                var reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;
                if (model.GetOperation(reference, context.CancellationToken) is not { } use
                    || !SymbolEqualityComparer.Default.Equals(ReferencedMember(use), member)
                    || FindSink(symbols, use, text) is not { } sink)
                {
                    continue;
                }

                // A const cannot hold a call: the fix replaces each use. A parameter default must stay a constant: no fix.
                // Anything else: the literal, once.
                var found = isConst
                    ? new Found(text, literalSyntax, use.Syntax, null, isMember: true)
                    : member is IParameterSymbol
                        ? new Found(text, literalSyntax, null, null, isMember: true)
                        : new Found(text, literalSyntax, literalSyntax, member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type, isMember: true);
                Report(context, sink.Secret, found, sink.Type, sink.Member);
                if (!isConst)
                {
                    return;
                }
            }
        }

        private static ISymbol? ReferencedMember(IOperation operation)
            => operation switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

        /// <summary>The credential sink a use flows into directly (as an argument or an assigned value), if any.</summary>
        private static Sink? FindSink(CredentialSymbols symbols, IOperation use, string text)
        {
            var top = use;
            var parent = use.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                top = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation { Parameter: { } parameter, ArgumentKind: ArgumentKind.Explicit } argument when parameter.Type.IsString():
                    var method = argument.Parent switch
                    {
                        IObjectCreationOperation creation => creation.Constructor,
                        IInvocationOperation invocation => invocation.TargetMethod,
                        _ => null,
                    };
                    var root = RootNamespace(method?.ContainingType);
                    if (method == null || root == null || !IsCredentialMethod(symbols, method.ContainingType, root))
                    {
                        return null;
                    }

                    var arguments = argument.Parent switch
                    {
                        IObjectCreationOperation creation => creation.Arguments,
                        IInvocationOperation invocation => invocation.Arguments,
                        _ => ImmutableArray<IArgumentOperation>.Empty,
                    };
                    var secret = Classify(symbols, method, parameter, root, argument)
                        ?? TextSecret(root, root == "System" ? HeaderOf(symbols, method, parameter, arguments) : null, text);

                    return secret == null ? null : new Sink(secret, parameter.Type, MemberName(method));
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment when assignment.Value == top && property.Type.IsString():
                    var propertySecret = PropertySecret(property);
                    return propertySecret == null ? null : new Sink(propertySecret, property.Type, property.ContainingType.Name + "." + property.Name);
                default:
                    return null;
            }
        }

        private static bool IsCredentialMethod(CredentialSymbols symbols, INamedTypeSymbol type, string root)
            => (root != "System" || type.InheritsFromOrEquals(symbols.ApiKeyCredential) || type.InheritsFromOrEquals(symbols.AuthenticationHeaderValue) || type.InheritsFromOrEquals(symbols.HttpHeaders))
               && (root is "Amazon" or "System" || IsLlmNamespace(type.ContainingNamespace, root));

        /// <summary>
        /// Raw HTTP calls to the model APIs: <c>new AuthenticationHeaderValue("Bearer", "sk-…")</c>, and
        /// <c>headers.Add("x-api-key" | "api-key", "…")</c>. Which vendor the key is for comes from the header and the key's prefix.
        /// </summary>
        private static string? HeaderOf(CredentialSymbols symbols, IMethodSymbol method, IParameterSymbol parameter, ImmutableArray<IArgumentOperation> arguments)
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
                        return name.Trim().ToLowerInvariant() is "x-api-key" or "api-key" ? name.Trim().ToLowerInvariant() : null;
                    }
                }
            }

            return null;
        }

        /// <summary>Secrets recognized by their text: an AWS key id anywhere in the AWS SDK, a vendor-prefixed key in an HTTP header.</summary>
        private static Secret? TextSecret(string root, string? header, string text)
        {
            text = text.Trim();
            if (root == "Amazon")
            {
                // A key id passed where no key belongs (an account id, a region, a description).
                return CredentialLiterals.IsAwsAccessKeyId(text) ? new Secret(AwsAccessKeyIdVariable, "AWS access key id") : null;
            }

            switch (header)
            {
                case "Bearer" or "x-api-key" when text.StartsWith("sk-ant-", StringComparison.Ordinal):
                    return new Secret(AnthropicVariable, "Anthropic API key");
                case "Bearer" when text.StartsWith("sk-", StringComparison.Ordinal):
                    return new Secret(OpenAIVariable, "OpenAI API key");
                case "api-key":
                    return new Secret(AzureOpenAIVariable, "Azure OpenAI API key");
                default:
                    return null;
            }
        }

        private static Secret? Classify(CredentialSymbols symbols, IMethodSymbol method, IParameterSymbol parameter, string root, IArgumentOperation argument)
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
                    ? new Secret(AzureOpenAIVariable, "Azure API key")
                    : new Secret(OpenAIVariable, "OpenAI API key");
            }

            if (root == "Amazon")
            {
                if (Is(name, "awsAccessKeyId") || Is(name, "accessKey") || Is(name, "accessKeyId"))
                {
                    return new Secret(AwsAccessKeyIdVariable, "AWS access key id");
                }

                if (Is(name, "awsSecretAccessKey") || Is(name, "secretKey") || Is(name, "secretAccessKey"))
                {
                    return new Secret(AwsSecretAccessKeyVariable, "AWS secret access key");
                }

                if (Is(name, "awsSessionToken") || Is(name, "sessionToken")
                    || (Is(name, "token") && method.MethodKind == MethodKind.Constructor
                        && (type.InheritsFromOrEquals(symbols.AwsCredentials) || type.InheritsFromOrEquals(symbols.ImmutableCredentials))))
                {
                    return new Secret(AwsSessionTokenVariable, "AWS session token");
                }

                return null;
            }

            if (IsLlmNamespace(type.ContainingNamespace, root) && (Is(name, "apiKey") || Is(name, "apiKeys")))
            {
                return ApiKeySecret(root, type.Name, method.Name);
            }

            return null;
        }

        private static Secret ApiKeySecret(string root, string typeName, string memberName)
        {
            if (root == "Anthropic" || Contains(typeName, "Anthropic") || Contains(memberName, "Anthropic") || Contains(memberName, "Claude"))
            {
                return new Secret(AnthropicVariable, "Anthropic API key");
            }

            if (root == "Azure" || Contains(typeName, "Azure") || Contains(memberName, "Azure"))
            {
                return new Secret(AzureOpenAIVariable, "Azure OpenAI API key");
            }

            return new Secret(OpenAIVariable, root == "OpenAI" || Contains(typeName, "OpenAI") || Contains(memberName, "OpenAI") ? "OpenAI API key" : "API key");
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

        private static void Report(Context context, Secret secret, Found found, ITypeSymbol sinkType, string member)
        {
            if (!CredentialLiterals.LooksLikeSecret(found.Text))
            {
                return;
            }

            var target = found.DeclaredType ?? sinkType;
            var forgive = found.Replace != null && NeedsNullForgiving(context, found.Replace, target);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(VariableProperty, secret.Variable)
                .Add(NullForgivingProperty, forgive ? "true" : "false");
            var description = "The " + secret.Description + " passed to '" + member + "'";
            context.Report(Diagnostic.Create(
                Descriptors.HardcodedCredential,
                found.Literal.GetLocation(),
                found.Replace == null ? ImmutableArray<Location>.Empty : ImmutableArray.Create(found.Replace.GetLocation()),
                properties,
                description,
                secret.Variable));
        }

        private static bool NeedsNullForgiving(Context context, SyntaxNode replace, ITypeSymbol target)
        {
            if (target.NullableAnnotation != NullableAnnotation.NotAnnotated)
            {
                return false;
            }

            var model = context.Model;
            if (model != null && model.SyntaxTree == replace.SyntaxTree)
            {
                return model.GetNullableContext(replace.SpanStart).WarningsEnabled();
            }

            return context.Compilation.Options.NullableContextOptions.WarningsEnabled();
        }

        /// <summary>
        /// The string literals a value can be: the value itself, the fallback of <c>??</c> (<c>config["Key"] ?? "sk-…"</c>)
        /// and both branches of a conditional, each followed by <see cref="Resolve"/>.
        /// </summary>
        private static List<Found> ResolveAll(IOperation value, CancellationToken cancellationToken)
        {
            var results = new List<Found>();
            Collect(value, 0, results, cancellationToken);
            return results;
        }

        private static void Collect(IOperation? value, int depth, List<Found> results, CancellationToken cancellationToken)
        {
            if (value == null || depth > MaxDepth)
            {
                return;
            }

            value = value.WalkDownConversions();
            switch (value)
            {
                case ICoalesceOperation coalesce:
                    Collect(coalesce.WhenNull, depth + 1, results, cancellationToken);
                    break;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    Collect(conditional.WhenTrue, depth + 1, results, cancellationToken);
                    Collect(whenFalse, depth + 1, results, cancellationToken);
                    break;
                case ILocalReferenceOperation { Local: { IsConst: false } local }:
                    var inner = new List<Found>();
                    Collect(local.GetSingleInitializer(value), depth + 1, inner, cancellationToken);
                    foreach (var initial in inner)
                    {
                        results.Add(ThroughLocal(initial, local, cancellationToken));
                    }

                    break;
                default:
                    if (Resolve(value, depth, cancellationToken) is { } found)
                    {
                        results.Add(found);
                    }

                    break;
            }
        }

        /// <summary>Follows a value back to the string literal that holds it, and says where a fix can put a call instead.</summary>
        private static Found? Resolve(IOperation? value, int depth, CancellationToken cancellationToken)
        {
            if (value == null || depth > MaxDepth)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            value = value.WalkDownConversions();
            switch (value)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text }, Syntax: LiteralExpressionSyntax literal }:
                    return new Found(text, literal, literal, null);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue: { HasValue: true, Value: string joined }, Syntax: BinaryExpressionSyntax concatenation }:
                    // "sk-proj-" + "…": a key split to get past secret scanners is still a constant key.
                    return new Found(joined, concatenation, concatenation, null);

                case IFieldReferenceOperation { Field: { } field }:
                    if (field.IsConst && field.ConstantValue is string constantText && DeclaredLiteral(field, cancellationToken) is { } constantLiteral)
                    {
                        // A const cannot hold a call: the fix replaces this use.
                        return new Found(constantText, constantLiteral, value.Syntax, null, isMember: true);
                    }

                    if (field.IsReadOnly && DeclaredLiteral(field, cancellationToken) is { } fieldLiteral && fieldLiteral.Token.Value is string fieldText)
                    {
                        return new Found(fieldText, fieldLiteral, fieldLiteral, field.Type, isMember: true);
                    }

                    return null;

                case IPropertyReferenceOperation { Property: { } property } when property.Parameters.IsEmpty:
                    return PropertyLiteral(property, cancellationToken) is { } propertyLiteral && propertyLiteral.Token.Value is string propertyText
                        ? new Found(propertyText, propertyLiteral, propertyLiteral, property.Type, isMember: true)
                        : null;

                case IParameterReferenceOperation { Parameter: { HasExplicitDefaultValue: true, ExplicitDefaultValue: string defaultText } parameter }:
                    // string apiKey = "sk-…": the default is a hard-coded key. A default value must stay a constant, so
                    // there is no automatic fix (null: no replacement).
                    // Reported from the declaration (AnalyzeDeclaredLiteral), where the diagnostic is local to the literal.
                    foreach (var reference in parameter.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken) is ParameterSyntax { Default.Value: LiteralExpressionSyntax defaultLiteral })
                        {
                            return new Found(defaultText, defaultLiteral, null, null, isMember: true);
                        }
                    }

                    return null;

                case ILocalReferenceOperation { Local: { } local }:
                    if (local.IsConst && local.ConstantValue is string localText && DeclaredLiteral(local, cancellationToken) is { } localLiteral)
                    {
                        return new Found(localText, localLiteral, value.Syntax, null);
                    }

                    var inner = Resolve(local.GetSingleInitializer(value), depth + 1, cancellationToken);
                    return inner == null ? null : ThroughLocal(inner, local, cancellationToken);

                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>string key = "…";</c>: the call lands in the initializer, typed by the declaration. A field reached through
        /// a local is reported from the use: the declaration side only sees direct uses.
        /// </summary>
        private static Found ThroughLocal(Found inner, ILocalSymbol local, CancellationToken cancellationToken)
        {
            var declaredType = inner.DeclaredType == null && !IsImplicitlyTyped(local, cancellationToken) ? local.Type : inner.DeclaredType;
            return new Found(inner.Text, inner.Literal, inner.Replace, declaredType, isMember: false);
        }

        private static LiteralExpressionSyntax? DeclaredLiteral(ISymbol symbol, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal } && literal.Token.Value is string)
                {
                    return literal;
                }
            }

            return null;
        }

        /// <summary><c>string Key { get; } = "…";</c> or <c>string Key => "…";</c>: a property that only ever returns the literal.</summary>
        private static LiteralExpressionSyntax? PropertyLiteral(IPropertySymbol property, CancellationToken cancellationToken)
        {
            if (property.SetMethod is { IsInitOnly: false })
            {
                return null;
            }

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
                {
                    continue;
                }

                if (declaration.ExpressionBody?.Expression is LiteralExpressionSyntax bodyLiteral && bodyLiteral.Token.Value is string)
                {
                    return bodyLiteral;
                }

                if (declaration.Initializer?.Value is LiteralExpressionSyntax initializerLiteral && initializerLiteral.Token.Value is string)
                {
                    return initializerLiteral;
                }
            }

            return null;
        }

        private static bool IsImplicitlyTyped(ILocalSymbol local, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken).Parent is VariableDeclarationSyntax { Type: IdentifierNameSyntax { IsVar: true } })
                {
                    return true;
                }
            }

            return false;
        }

        private static string MemberName(IMethodSymbol method)
            => method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;

        private static string? RootNamespace(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            if (ns == null || ns.IsGlobalNamespace)
            {
                return null;
            }

            while (!ns.ContainingNamespace.IsGlobalNamespace)
            {
                ns = ns.ContainingNamespace;
            }

            return ns.Name;
        }

        /// <summary>
        /// The LLM SDKs: OpenAI, Azure, Anthropic (official and community), OllamaSharp, and under
        /// Microsoft only Semantic Kernel, Microsoft.Extensions.AI, Agent Framework and Kernel Memory.
        /// </summary>
        private static bool IsLlmNamespace(INamespaceSymbol ns, string root)
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

        private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// The simple names of each syntax tree by identifier, built once per tree when a field or property literal
        /// first needs its uses: one pass over the tree instead of one per literal.
        /// </summary>
        private sealed class IdentifierIndex
        {
            private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, Dictionary<string, List<SimpleNameSyntax>>> _trees = new();

            public IReadOnlyList<SimpleNameSyntax> Find(SyntaxTree tree, string name, CancellationToken cancellationToken)
            {
                var index = _trees.GetOrAdd(tree, t => Build(t, cancellationToken));
                return index.TryGetValue(name, out var names) ? names : (IReadOnlyList<SimpleNameSyntax>)Array.Empty<SimpleNameSyntax>();
            }

            private static Dictionary<string, List<SimpleNameSyntax>> Build(SyntaxTree tree, CancellationToken cancellationToken)
            {
                // Nodes, not tokens: the compiler's token walk is a query over a struct the runtime compiles anew in
                // every build, and a simple name holds exactly one identifier.
                var index = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is SimpleNameSyntax name && name.Identifier.IsKind(SyntaxKind.IdentifierToken))
                    {
                        index.AddToList(name.Identifier.ValueText, name);
                    }
                }

                return index;
            }
        }

        private sealed class Secret
        {
            public Secret(string variable, string description)
            {
                Variable = variable;
                Description = description;
            }

            public readonly string Variable;

            public readonly string Description;
        }

        /// <summary>
        /// One operation block being analyzed. Holds the context struct itself: a delegate to its ReportDiagnostic
        /// would box the struct and build a delegate on every block, which measured as a good part of this rule's cost.
        /// </summary>
        private sealed class Context
        {
            private readonly OperationBlockAnalysisContext _block;

            public Context(OperationBlockAnalysisContext block, SemanticModel? model)
            {
                _block = block;
                Model = model;
            }

            public Compilation Compilation => _block.Compilation;

            public readonly SemanticModel? Model;

            public CancellationToken CancellationToken => _block.CancellationToken;

            public void Report(Diagnostic diagnostic) => _block.ReportDiagnostic(diagnostic);
        }

        private sealed class Sink
        {
            public Sink(Secret secret, ITypeSymbol type, string member)
            {
                Secret = secret;
                Type = type;
                Member = member;
            }

            public readonly Secret Secret;

            public readonly ITypeSymbol Type;

            public readonly string Member;
        }

        private sealed class Found
        {
            public Found(string text, ExpressionSyntax literal, SyntaxNode? replace, ITypeSymbol? declaredType, bool isMember = false)
            {
                Text = text;
                Literal = literal;
                Replace = replace;
                DeclaredType = declaredType;
                IsMember = isMember;
            }

            /// <summary>The literal initializes a field or property, not a local.</summary>
            public readonly bool IsMember;

            public readonly string Text;

            /// <summary>Where the diagnostic goes.</summary>
            public readonly ExpressionSyntax Literal;

            /// <summary>The expression the fix replaces: the literal, or the use of a constant; null when no fix can (a parameter default).</summary>
            public readonly SyntaxNode? Replace;

            /// <summary>The declared type the replacement must convert to, when it is not the sink's parameter or property.</summary>
            public readonly ITypeSymbol? DeclaredType;
        }

        private sealed class CredentialSymbols
        {
            public CredentialSymbols(Compilation compilation)
            {
                ApiKeyCredential = TypeResolver.Get(compilation, "System.ClientModel.ApiKeyCredential");
                AzureKeyCredential = TypeResolver.Get(compilation, "Azure.AzureKeyCredential");
                AwsCredentials = TypeResolver.Get(compilation, "Amazon.Runtime.AWSCredentials");
                ImmutableCredentials = TypeResolver.Get(compilation, "Amazon.Runtime.ImmutableCredentials");
                AnthropicClient = TypeResolver.Get(compilation, "Anthropic.AnthropicClient") ?? TypeResolver.Get(compilation, "Anthropic.SDK.AnthropicClient");
                OpenAIClient = TypeResolver.Get(compilation, "OpenAI.OpenAIClient");
                AuthenticationHeaderValue = TypeResolver.Get(compilation, "System.Net.Http.Headers.AuthenticationHeaderValue");
                HttpHeaders = TypeResolver.Get(compilation, "System.Net.Http.Headers.HttpHeaders");
                SemanticKernel = TypeResolver.Get(compilation, "Microsoft.SemanticKernel.Kernel");
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
}
