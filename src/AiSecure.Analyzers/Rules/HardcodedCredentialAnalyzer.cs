using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using static AiSecure.Analyzers.Flow.LiteralOrigins;
using static AiSecure.Analyzers.Knowledge.CredentialSinks;
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedCredential, Descriptors.HardcodedCredentialInConfiguration);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);

            // Configuration files leak keys whatever SDK reads them: analyzed in every project that has them.
            context.RegisterAdditionalFileAction(AnalyzeConfigurationFile);
        }

        /// <summary>
        /// AISEC040 in <c>appsettings*.json</c> and in launch profiles' environment variables (docs/rules/AISEC040.md,
        /// "Configuration files"): a known key format anywhere, or a secret-looking value under a secret-named key.
        /// </summary>
        private static void AnalyzeConfigurationFile(AdditionalFileAnalysisContext context)
        {
            if (ConfigurationFiles.Read(context.AdditionalFile, context.CancellationToken) is not { } file)
            {
                return;
            }

            foreach (var value in file.Values)
            {
                var kind = CredentialCatalog.KnownFormat(value.Value);
                if (kind == null && CredentialCatalog.IsSecretName(value.Name, value.Section) && CredentialCatalog.LooksLikeConfiguredSecret(value.Value, value.Name))
                {
                    kind = CredentialCatalog.ForEnvironmentVariable(value.EnvironmentVariable) ?? CredentialCatalog.ConfiguredSecret;
                }

                if (kind != null)
                {
                    var what = kind == CredentialCatalog.ConfiguredSecret ? "A secret" : "The " + kind.Description;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.HardcodedCredentialInConfiguration, file.LocationOf(value.Token), what, value.Path, file.FileName));
                }
            }
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
                            if (InMemoryConfiguration.IsAddInMemoryCollection(invocation))
                            {
                                // AddInMemoryCollection(new Dictionary<string, string?> { ["OpenAI:ApiKey"] = "sk-…" }).
                                foreach (var hit in InMemoryConfiguration.Credentials(invocation, context.CancellationToken))
                                {
                                    Report(context, hit.Kind, hit.Found, hit.Type, hit.Member);
                                }

                                break;
                            }

                            if (invocation.TargetMethod.Name == "Add" && invocation.Arguments.Length == 2 && IsStringKeyedMap(invocation.TargetMethod.ContainingType))
                            {
                                // headers.Add("api-key", "…") on a dictionary (or a collection initializer's { "api-key", "…" }).
                                AnalyzeHeaderPair(context, invocation.Arguments[0].Value, invocation.Arguments[1]);
                            }

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

                var secret = ArgumentSecret(symbols, method, parameter, root, argument);
                var header = root == "System" ? HeaderOf(symbols, method, parameter, arguments) : null;
                if (header == "authorization")
                {
                    AnalyzeBearerValue(context, argument, parameter.Type);
                    continue;
                }
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

                    var reported = secret ?? TextCredentialKind(root, header, found.Text);
                    if (reported != null)
                    {
                        Report(context, reported, found, parameter.Type, MemberName(method));
                    }
                }
            }
        }

        /// <summary>
        /// <c>headers.Add("Authorization", "Bearer sk-…")</c>, <c>$"Bearer {Key}"</c>, <c>"Bearer " + Key</c>: the token after the
        /// scheme, when it has a known key format (docs/rules/AISEC040.md, raw HTTP). A literal that holds the scheme too
        /// is reported without a fix (replacing it would drop the scheme); a key held apart is fixed where it is.
        /// </summary>
        private static void AnalyzeBearerValue(Context context, IArgumentOperation argument, ITypeSymbol sinkType)
        {
            const string Member = "Authorization header";
            var value = argument.Value.WalkDownConversions();
            IOperation? token = null;
            switch (value)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } when value.Syntax is LiteralExpressionSyntax literal:
                    var bare = AfterBearer(text);
                    if (bare != null && TextCredentialKind("System", "Bearer", bare) is { } kind)
                    {
                        Report(context, kind, new LiteralOrigin(bare, literal, null, null), sinkType, Member);
                    }

                    return;
                case IInterpolatedStringOperation { Parts.Length: 2 } interpolated
                    when interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string prefix } && AfterBearer(prefix)?.Length == 0
                         && interpolated.Parts[1] is IInterpolationOperation { Alignment: null, FormatString: null } interpolation:
                    token = interpolation.Expression;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.LeftOperand.ConstantValue.Value is string left && AfterBearer(left)?.Length == 0:
                    token = binary.RightOperand;
                    break;
            }

            if (token == null)
            {
                return;
            }

            foreach (var found in ResolveAll(token, context.CancellationToken))
            {
                if (TextCredentialKind("System", "Bearer", found.Text) is { } kind)
                {
                    Report(context, kind, found, sinkType, Member);
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

            var secret = CredentialCatalog.ForEnvironmentVariable(name?.ConstantValue.Value as string);
            if (secret == null || value == null || value.Parameter == null)
            {
                return;
            }

            foreach (var found in ResolveAll(value.Value, context.CancellationToken))
            {
                if (!found.IsMember)
                {
                    Report(context, secret, new LiteralOrigin(found.Text, found.Literal, null, null), value.Parameter.Type, "Environment.SetEnvironmentVariable");
                }
            }
        }

        private static void AnalyzeAssignment(Context context, ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } target || !property.Type.IsString())
            {
                return;
            }

            if (property.IsIndexer)
            {
                // headers["api-key"] = "…" on a dictionary of request headers.
                if (target.Arguments.Length == 1 && IsStringKeyedMap(property.ContainingType))
                {
                    AnalyzeHeaderPair(context, target.Arguments[0].Value, assignment);
                }

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

        /// <summary>
        /// A name/value pair of a string dictionary whose name is an API key header (<c>api-key</c>, <c>x-api-key</c>):
        /// headers kept in a dictionary and copied onto requests (docs/rules/AISEC040.md). Only a constant header name
        /// is looked at; the value is judged as in <c>HttpHeaders.Add</c>.
        /// </summary>
        private static void AnalyzeHeaderPair(Context context, IOperation name, IOperation valueUse)
        {
            var value = valueUse is IArgumentOperation argument ? argument.Value : ((ISimpleAssignmentOperation)valueUse).Value;
            if (HeaderPairName(name) is not { } header || !value.WalkDownConversions().Type.IsString()
                || valueUse is IArgumentOperation { Parameter: not { Type.SpecialType: SpecialType.System_String } })
            {
                return;
            }

            foreach (var found in ResolveAll(value, context.CancellationToken))
            {
                if (IsReportedAtDeclaration(found, valueUse))
                {
                    continue;
                }

                if (TextCredentialKind("System", header, found.Text) is { } kind)
                {
                    Report(context, kind, found, value.WalkDownConversions().Type!, header + " header");
                }
            }
        }

        /// <summary>
        /// A constant, readonly field or get-only property declared in the same file is reported from its declaration
        /// (<see cref="AnalyzeDeclaredLiteral"/>), so that the diagnostic belongs to the code that holds the literal
        /// (the IDE shows it while that file is open). Declarations in other files are reported from the use.
        /// </summary>
        private static bool IsReportedAtDeclaration(LiteralOrigin found, IOperation use)
            => found.IsMember && found.Literal.SyntaxTree == use.Syntax.SyntaxTree
               && DeclaredName(found.Literal) is { } name && DeclarationLooksForUses(name, found.Text);

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
                || !CredentialCatalog.LooksLikeKey(text) || literal.SemanticModel is not { } model
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
                    || !IsUseOf(ReferencedMember(use), member)
                    || FindSink(symbols, use, text) is not { } sink)
                {
                    continue;
                }

                // A const cannot hold a call: the fix replaces each use. A parameter default must stay a constant: no fix.
                // Anything else: the literal, once.
                var found = isConst
                    ? new LiteralOrigin(text, literalSyntax, use.Syntax, null, isMember: true)
                    : member is IParameterSymbol
                        ? new LiteralOrigin(text, literalSyntax, null, null, isMember: true)
                        : new LiteralOrigin(text, literalSyntax, literalSyntax, member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type, isMember: true);
                Report(context, sink.Secret, found, sink.Type, sink.Member);
                if (!isConst)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// A use of the member: the member itself, or for a positional record's parameter
        /// (<c>record OpenAISettings(string ApiKey = "sk-…")</c>) the property it declares (<c>settings.ApiKey</c>).
        /// </summary>
        private static bool IsUseOf(ISymbol? referenced, ISymbol member)
        {
            if (SymbolEqualityComparer.Default.Equals(referenced, member))
            {
                return true;
            }

            return referenced is IPropertySymbol property && member is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }
                   && constructor.ContainingType.IsRecord && property.Name == member.Name
                   && SymbolEqualityComparer.Default.Equals(property.ContainingType, constructor.ContainingType)
                   && !constructor.DeclaringSyntaxReferences.IsEmpty && constructor.DeclaringSyntaxReferences[0].GetSyntax() is RecordDeclarationSyntax;
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
                case IArgumentOperation { Parameter: { } pairParameter, Parent: IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add } pairArgument
                    when pairParameter.Type.IsString() && pairParameter.Ordinal == 1 && IsStringKeyedMap(add.TargetMethod.ContainingType):
                    var pairHeader = HeaderPairName(add.Arguments[0].Value);
                    var pairSecret = pairHeader == null ? null : TextCredentialKind("System", pairHeader, text);
                    return pairSecret == null ? null : new Sink(pairSecret, pairParameter.Type, pairHeader + " header");
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: true } indexer, Arguments.Length: 1 } indexed } indexAssignment
                    when indexAssignment.Value == top && indexer.Type.IsString() && IsStringKeyedMap(indexer.ContainingType):
                    var indexHeader = HeaderPairName(indexed.Arguments[0].Value);
                    var indexSecret = indexHeader == null ? null : TextCredentialKind("System", indexHeader, text);
                    return indexSecret == null ? null : new Sink(indexSecret, indexer.Type, indexHeader + " header");
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
                    var secret = ArgumentSecret(symbols, method, parameter, root, argument)
                        ?? TextCredentialKind(root, root == "System" ? HeaderOf(symbols, method, parameter, arguments) : null, text);

                    return secret == null ? null : new Sink(secret, parameter.Type, MemberName(method));
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment when assignment.Value == top && property.Type.IsString():
                    var propertySecret = PropertySecret(property);
                    return propertySecret == null ? null : new Sink(propertySecret, property.Type, property.ContainingType.Name + "." + property.Name);
                default:
                    return null;
            }
        }

        private static void Report(Context context, CredentialKind secret, LiteralOrigin found, ITypeSymbol sinkType, string member)
        {
            if (!CredentialCatalog.LooksLikeKey(found.Text))
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

        private static string MemberName(IMethodSymbol method)
            => method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;

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
            public Sink(CredentialKind secret, ITypeSymbol type, string member)
            {
                Secret = secret;
                Type = type;
                Member = member;
            }

            public readonly CredentialKind Secret;

            public readonly ITypeSymbol Type;

            public readonly string Member;
        }
    }
}
