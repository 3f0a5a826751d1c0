using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC001 / AISEC002 fixes, each a separate code action, offered in this order:
    /// "Move the untrusted input into a user message" (AISEC002 on a message the fix can follow with a user message)
    /// keeps the system message constant and follows it with a user message; it is what the message recommends, so
    /// it comes first. "Sanitize the untrusted input" wraps every untrusted part in the project's
    /// <c>[PromptSanitizer]</c> method (or a small helper the fix adds once). "Use a template variable" turns the
    /// untrusted parts of a Semantic Kernel prompt template into <c>{{$name}}</c> variables.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PromptInjectionFixer)), Shared]
    public sealed class PromptInjectionFixer : CodeFixProvider
    {
        public const string SanitizeKey = "Sanitize";

        /// <summary>The sanitize action's key, shared by AISEC001 and AISEC002.</summary>
        public const string SanitizeEquivalenceKey = "AISEC001.Sanitize";
        public const string MoveKey = "MoveToUserMessage";
        public const string TemplateKey = "TemplateVariable";

        internal const string HelperTypeName = "PromptInputSanitizer";
        internal const string HelperMethodName = "Sanitize";

        private const string MovedPlaceholder = "(given in the next user message)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PromptInjection, DiagnosticIds.SystemPromptInjection);

        public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.AdditionalLocations.Count == 0)
                {
                    continue;
                }

                var document = context.Document;
                var id = diagnostic.Id;

                // The fix the message recommends comes first: the first action is the light bulb's first item and the one
                // `dotnet format` applies (docs/rules/AISEC002.md, "How to fix").
                if (diagnostic.Properties.ContainsKey(PromptInjectionAnalyzer.MoveToUserProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Move the untrusted input into a user message", ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), MoveKey, null, ct), id + "." + MoveKey),
                        diagnostic);
                }

                // One sanitize action for both rules, so Fix All cleans every untrusted part at once.
                context.RegisterCodeFix(
                    CodeAction.Create("Sanitize the untrusted input", ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), SanitizeKey, null, ct), SanitizeEquivalenceKey),
                    diagnostic);

                if (diagnostic.Properties.ContainsKey(PromptInjectionAnalyzer.TemplateVariableProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use a template variable", ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), TemplateKey, null, ct), id + "." + TemplateKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>Applies one kind of fix to every diagnostic of a document. <paramref name="helperOwner"/> says whether this document receives the sanitizer helper (null: decide alone).</summary>
        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string kind, bool? helperOwner, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            switch (kind)
            {
                case SanitizeKey:
                    return await SanitizeAsync(document, root, model, diagnostics, helperOwner, cancellationToken).ConfigureAwait(false);
                case TemplateKey:
                    return document.WithSyntaxRoot(UseTemplateVariables(root, diagnostics));
                case MoveKey:
                    return document.WithSyntaxRoot(MoveToUserMessages(root, diagnostics));
                default:
                    return document;
            }
        }

        // ---- Sanitize ----

        private static Task<Document> SanitizeAsync(Document document, SyntaxNode root, SemanticModel model, ImmutableArray<Diagnostic> diagnostics, bool? helperOwner, CancellationToken cancellationToken)
        {
            // The analyzer names a sanitizer only when aisecure.prompt_sanitizers configures one; a [PromptSanitizer]
            // method of the project (the helper this fix adds included) is looked for here.
            var existingHelper = PromptSanitizers.Discover(model.Compilation, cancellationToken) ?? FindHelper(model.Compilation);
            var needsHelper = false;
            var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                string sanitizer;
                if (diagnostic.Properties.TryGetValue(PromptInjectionAnalyzer.SanitizerProperty, out var configured) && configured != null)
                {
                    sanitizer = configured;
                }
                else
                {
                    sanitizer = existingHelper ?? HelperName(root);
                    needsHelper |= existingHelper == null;
                }

                foreach (var part in Parts(root, diagnostic))
                {
                    replacements[part] = Wrap(part, sanitizer, model, cancellationToken);
                }
            }

            if (replacements.Count == 0)
            {
                return Task.FromResult(document);
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            if (needsHelper && helperOwner != false)
            {
                newRoot = AddHelper(newRoot);
            }

            return Task.FromResult(document.WithSyntaxRoot(newRoot));
        }

        private static IEnumerable<ExpressionSyntax> Parts(SyntaxNode root, Diagnostic diagnostic)
        {
            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(location.SourceSpan))
                {
                    continue;
                }

                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: false);
                var expression = node.DescendantNodesAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == location.SourceSpan);
                if (expression != null)
                {
                    yield return expression;
                }
            }
        }

        private static ExpressionSyntax Wrap(ExpressionSyntax part, string sanitizer, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax argument = part.WithoutTrivia();
            var type = model.GetTypeInfo(part, cancellationToken).Type;
            var isText = type == null || type.SpecialType == SpecialType.System_String
                         || model.Compilation.ClassifyConversion(type, model.Compilation.GetSpecialType(SpecialType.System_String)).IsImplicit;
            if (!isText)
            {
                // Any value becomes text the way the prompt would have shown it.
                argument = SyntaxFactory.InterpolatedStringExpression(
                    SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken),
                    SyntaxFactory.SingletonList<InterpolatedStringContentSyntax>(SyntaxFactory.Interpolation(argument)));
            }

            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression(sanitizer).WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
            return call.WithTriviaFrom(part);
        }

        /// <summary>The helper a previous fix added, if the compilation has it.</summary>
        private static string? FindHelper(Compilation compilation)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(HelperTypeName, SymbolFilter.Type))
            {
                if (symbol is INamedTypeSymbol type && type.GetMembers(HelperMethodName).Any())
                {
                    var ns = type.ContainingNamespace;
                    return "global::" + (ns == null || ns.IsGlobalNamespace ? string.Empty : ns.ToString() + ".") + HelperTypeName + "." + HelperMethodName;
                }
            }

            return null;
        }

        /// <summary>Where <see cref="AddHelper"/> puts the helper in this document: a file-scoped namespace, else the global namespace.</summary>
        private static string HelperName(SyntaxNode root)
        {
            var fileScoped = (root as CompilationUnitSyntax)?.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault();
            var prefix = fileScoped == null ? string.Empty : fileScoped.Name.ToString() + ".";
            return "global::" + prefix + HelperTypeName + "." + HelperMethodName;
        }

        private static SyntaxNode AddHelper(SyntaxNode root)
        {
            if (root is not CompilationUnitSyntax unit)
            {
                return root;
            }

            var helper = CreateHelper().WithAdditionalAnnotations(Formatter.Annotation);
            var fileScoped = unit.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault();
            if (fileScoped != null)
            {
                return unit.ReplaceNode(fileScoped, fileScoped.AddMembers(helper));
            }

            return unit.AddMembers(helper);
        }

        private static MemberDeclarationSyntax CreateHelper()
        {
            const string text = """
                #nullable enable

                /// <summary>Prepares untrusted text for an LLM prompt (added by the AiSecure AISEC001/AISEC002 fix; adjust it to your needs).</summary>
                internal static class PromptInputSanitizer
                {
                    private static readonly System.Text.RegularExpressions.Regex Markers = new System.Text.RegularExpressions.Regex(
                        @"</?\s*(system|developer|assistant|user|message|untrusted-input)\b[^>]*>|<\|[^|>]*\|>|\[/?INST\]",
                        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

                    /// <summary>Drops control characters, neutralizes role and template markers, and fences the text as data.</summary>
                    [PromptSanitizer]
                    internal static string Sanitize(string? value)
                    {
                        if (string.IsNullOrEmpty(value))
                        {
                            return string.Empty;
                        }

                        var builder = new System.Text.StringBuilder(value!.Length);
                        foreach (var c in value)
                        {
                            if (!char.IsControl(c) || c == '\n' || c == '\t')
                            {
                                builder.Append(c);
                            }
                        }

                        var text = Markers.Replace(builder.ToString(), string.Empty).Replace("{{", "{ {").Replace("}}", "} }");
                        return "<untrusted-input>\n" + text + "\n</untrusted-input>";
                    }

                    /// <summary>Tells AiSecure.Analyzers that a method returns text that is safe to put in a prompt.</summary>
                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    internal sealed class PromptSanitizerAttribute : System.Attribute
                    {
                    }
                }
                #nullable restore

                """;
            var unit = SyntaxFactory.ParseCompilationUnit(text);
            var member = unit.Members[0];
            return member.WithTrailingTrivia(member.GetTrailingTrivia().AddRange(unit.EndOfFileToken.LeadingTrivia));
        }

        // ---- Template variables (Semantic Kernel) ----

        private static SyntaxNode UseTemplateVariables(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics)
        {
            var edits = new Dictionary<InvocationExpressionSyntax, InvocationExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    continue;
                }

                var template = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == diagnostic.Location.SourceSpan);
                if (template?.Parent is not ArgumentSyntax argument || argument.Parent?.Parent is not InvocationExpressionSyntax invocation || edits.ContainsKey(invocation))
                {
                    continue;
                }

                var parts = Parts(root, diagnostic).ToList();
                var names = new Dictionary<ExpressionSyntax, string>();
                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (var part in parts)
                {
                    names[part] = UniqueName(VariableName(part), used);
                }

                if (!TryFlatten(template, parts, p => "{{$" + names[p] + "}}", out var text, out var holes) || holes.Count > 0)
                {
                    continue;
                }

                var entries = parts.Select(p => (SyntaxNodeOrToken)SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(names[p])))))),
                    p.WithoutTrivia()));
                var initializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SeparatedList<ExpressionSyntax>(Interleave(entries)));
                var arguments = SyntaxFactory.ObjectCreationExpression(
                        SyntaxFactory.ParseTypeName("global::Microsoft.SemanticKernel.KernelArguments").WithAdditionalAnnotations(Simplifier.Annotation),
                        null,
                        initializer)
                    .WithAdditionalAnnotations(Formatter.Annotation);

                var newTemplate = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(template);
                var argumentList = invocation.ArgumentList.ReplaceNode(argument, argument.WithExpression(newTemplate));
                var existing = argumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "arguments");
                if (existing != null || argumentList.Arguments.Count > 1)
                {
                    // Existing arguments or more positional ones: leave the call as the user wrote it.
                    continue;
                }

                argumentList = argumentList.AddArguments(SyntaxFactory.Argument(arguments));
                edits[invocation] = invocation.WithArgumentList(argumentList);
            }

            return edits.Count == 0 ? root : root.ReplaceNodes(edits.Keys, (original, _) => edits[original]);
        }

        private static IEnumerable<SyntaxNodeOrToken> Interleave(IEnumerable<SyntaxNodeOrToken> nodes)
        {
            var first = true;
            foreach (var node in nodes)
            {
                if (!first)
                {
                    yield return SyntaxFactory.Token(SyntaxKind.CommaToken);
                }

                first = false;
                yield return node;
            }
        }

        private static string VariableName(ExpressionSyntax part)
        {
            var name = part switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => "input",
            };
            var chars = name.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray();
            var clean = new string(chars);
            if (clean.Length == 0 || char.IsDigit(clean[0]))
            {
                clean = "input";
            }

            return char.ToLowerInvariant(clean[0]) + clean.Substring(1);
        }

        private static string UniqueName(string name, HashSet<string> used)
        {
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        /// <summary>
        /// The text of a concatenation / interpolation of literals, with each untrusted part written as
        /// <paramref name="partText"/>; other expressions are returned as holes.
        /// </summary>
        private static bool TryFlatten(ExpressionSyntax expression, List<ExpressionSyntax> parts, Func<ExpressionSyntax, string> partText, out string text, out List<(int Index, ExpressionSyntax Expression)> holes)
        {
            var builder = new System.Text.StringBuilder();
            holes = new List<(int, ExpressionSyntax)>();
            var ok = Flatten(expression, parts, partText, builder, holes);
            text = builder.ToString();
            return ok;
        }

        private static bool Flatten(ExpressionSyntax expression, List<ExpressionSyntax> parts, Func<ExpressionSyntax, string> partText, System.Text.StringBuilder builder, List<(int, ExpressionSyntax)> holes)
        {
            if (parts.Contains(expression))
            {
                builder.Append(partText(expression));
                return true;
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Flatten(parenthesized.Expression, parts, partText, builder, holes);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    builder.Append(literal.Token.ValueText);
                    return true;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return Flatten(binary.Left, parts, partText, builder, holes) && Flatten(binary.Right, parts, partText, builder, holes);
                case InterpolatedStringExpressionSyntax interpolated when !interpolated.StringStartToken.Text.Contains("\"\"\""):
                    foreach (var content in interpolated.Contents)
                    {
                        switch (content)
                        {
                            case InterpolatedStringTextSyntax textPart:
                                builder.Append(textPart.TextToken.ValueText);
                                break;
                            case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole when parts.Contains(hole.Expression):
                                builder.Append(partText(hole.Expression));
                                break;
                            case InterpolationSyntax hole:
                                holes.Add((builder.Length, hole.Expression));
                                if (hole.AlignmentClause != null || hole.FormatClause != null)
                                {
                                    return false;
                                }

                                break;
                        }
                    }

                    return true;
                default:
                    holes.Add((builder.Length, expression));
                    return true;
            }
        }

        // ---- Move into a user message ----

        private static SyntaxNode MoveToUserMessages(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics)
        {
            var editor = new Dictionary<SyntaxNode, IEnumerable<SyntaxNode>>();
            foreach (var diagnostic in diagnostics)
            {
                var value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                    .AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == diagnostic.Location.SourceSpan);
                if (value?.Parent is not ArgumentSyntax argument)
                {
                    continue;
                }

                var parts = Parts(root, diagnostic).ToList();
                if (parts.Count == 0)
                {
                    continue;
                }

                var constant = ConstantRemainder(value, parts);
                switch (argument.Parent?.Parent)
                {
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                        when access.Name.Identifier.ValueText is "AddSystemMessage" or "AddDeveloperMessage" && call.Parent is ExpressionStatementSyntax statement:
                        {
                            var replacement = new List<SyntaxNode>();
                            if (constant != null)
                            {
                                replacement.Add(statement.ReplaceNode(value, constant.WithTriviaFrom(value)));
                            }

                            var first = constant == null;
                            foreach (var part in parts)
                            {
                                var userCall = SyntaxFactory.InvocationExpression(
                                    access.WithName(SyntaxFactory.IdentifierName("AddUserMessage")),
                                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(part.WithoutTrivia()))));
                                var userStatement = SyntaxFactory.ExpressionStatement(userCall);
                                replacement.Add(first ? userStatement.WithTriviaFrom(statement) : userStatement.WithTrailingTrivia(statement.GetTrailingTrivia()).WithLeadingTrivia(statement.GetLeadingTrivia()));
                                first = false;
                            }

                            if (!editor.ContainsKey(statement))
                            {
                                editor[statement] = replacement;
                            }

                            break;
                        }

                    case BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax:
                        {
                            var message = (ExpressionSyntax)argument.Parent.Parent;
                            var userMessages = parts.Select(p => UserMessage(message, argument, p)).Where(m => m != null).Cast<ExpressionSyntax>().ToList();
                            if (userMessages.Count != parts.Count)
                            {
                                break;
                            }

                            var newMessage = constant != null ? message.ReplaceNode(value, constant.WithTriviaFrom(value)) : null;
                            AddElements(editor, message, newMessage, userMessages);
                            break;
                        }
                }
            }

            if (editor.Count == 0)
            {
                return root;
            }

            // Elements of arrays, initializers and collection expressions: rebuild each list once.
            var containers = editor.Keys.Where(k => k.Parent is InitializerExpressionSyntax or CollectionExpressionSyntax).Select(k => k.Parent!).Distinct().ToList();
            var statements = editor.Keys.Where(k => k is StatementSyntax).ToList();
            var result = root.TrackNodes(containers.Concat(statements));
            foreach (var container in containers)
            {
                var current = result.GetCurrentNode(container);
                if (current == null)
                {
                    continue;
                }

                SyntaxNode rebuilt = container switch
                {
                    InitializerExpressionSyntax initializer => initializer.WithExpressions(Rebuild(initializer.Expressions, editor)),
                    CollectionExpressionSyntax collection => collection.WithElements(Rebuild(collection.Elements, editor)),
                    _ => container,
                };
                result = result.ReplaceNode(current, rebuilt);
            }

            foreach (var statement in statements)
            {
                var current = result.GetCurrentNode(statement);
                if (current?.Parent is BlockSyntax or SwitchSectionSyntax)
                {
                    result = result.ReplaceNode(current, editor[statement]);
                }
                else if (current?.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax)
                {
                    // Top-level statements: each new statement is a global statement of its own.
                    result = result.ReplaceNode(global, editor[statement].OfType<StatementSyntax>().Select(SyntaxFactory.GlobalStatement));
                }
            }

            return result;
        }

        private static SeparatedSyntaxList<T> Rebuild<T>(SeparatedSyntaxList<T> list, Dictionary<SyntaxNode, IEnumerable<SyntaxNode>> edits)
            where T : SyntaxNode
        {
            var items = new List<SyntaxNodeOrToken>();
            var template = list.SeparatorCount > 0 ? list.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            for (var i = 0; i < list.Count; i++)
            {
                var element = list[i];
                var separator = i < list.SeparatorCount ? list.GetSeparator(i) : default;
                if (edits.TryGetValue(element, out var replacement))
                {
                    var nodes = replacement.ToList();
                    for (var j = 0; j < nodes.Count; j++)
                    {
                        items.Add(nodes[j]);
                        if (j < nodes.Count - 1)
                        {
                            items.Add(separator.RawKind != 0 ? separator : template);
                        }
                    }
                }
                else
                {
                    items.Add(element);
                }

                if (separator.RawKind != 0)
                {
                    items.Add(separator);
                }
            }

            return SyntaxFactory.SeparatedList<T>(items);
        }

        /// <summary>The system text without its untrusted parts, or null when nothing constant is left.</summary>
        private static ExpressionSyntax? ConstantRemainder(ExpressionSyntax value, List<ExpressionSyntax> parts)
        {
            if (parts.Contains(value) || !TryFlatten(value, parts, _ => MovedPlaceholder, out var text, out var holes))
            {
                return null;
            }

            if (holes.Count == 0)
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
            }

            // Keep the trusted expressions as interpolation holes.
            var contents = new List<InterpolatedStringContentSyntax>();
            var position = 0;
            foreach (var (index, expression) in holes)
            {
                if (index > position)
                {
                    contents.Add(TextPart(text.Substring(position, index - position)));
                }

                contents.Add(SyntaxFactory.Interpolation(expression.WithoutTrivia()));
                position = index;
            }

            if (position < text.Length)
            {
                contents.Add(TextPart(text.Substring(position)));
            }

            return SyntaxFactory.InterpolatedStringExpression(SyntaxFactory.Token(SyntaxKind.InterpolatedStringStartToken), SyntaxFactory.List(contents));
        }

        private static InterpolatedStringTextSyntax TextPart(string text)
        {
            var escaped = SyntaxFactory.Literal(text).Text;
            escaped = escaped.Substring(1, escaped.Length - 2).Replace("{", "{{").Replace("}", "}}");
            return SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, escaped, text, default));
        }

        /// <summary>A user-role twin of a system message creation, carrying <paramref name="part"/>.</summary>
        private static ExpressionSyntax? UserMessage(ExpressionSyntax message, ArgumentSyntax content, ExpressionSyntax part)
        {
            var partArgument = SyntaxFactory.Argument(part.WithoutTrivia());
            switch (message)
            {
                case ObjectCreationExpressionSyntax creation when creation.Type.ToString().EndsWith("SystemChatMessage", StringComparison.Ordinal) || creation.Type.ToString().EndsWith("DeveloperChatMessage", StringComparison.Ordinal):
                    {
                        var typeText = creation.Type.ToString();
                        var userType = typeText.Substring(0, typeText.LastIndexOf(typeText.EndsWith("SystemChatMessage", StringComparison.Ordinal) ? "SystemChatMessage" : "DeveloperChatMessage", StringComparison.Ordinal)) + "UserChatMessage";
                        return SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName(userType), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(partArgument)), null)
                            .WithAdditionalAnnotations(Formatter.Annotation);
                    }

                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when access.Name.Identifier.ValueText is "CreateSystemMessage" or "CreateDeveloperMessage":
                    return SyntaxFactory.InvocationExpression(access.WithName(SyntaxFactory.IdentifierName("CreateUserMessage")), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(partArgument)));

                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } chatMessage when chatMessage.ArgumentList.Arguments[1] == content
                                                                                                          && chatMessage.ArgumentList.Arguments[0].Expression is MemberAccessExpressionSyntax role:
                    {
                        var userRole = role.WithName(SyntaxFactory.IdentifierName("User"));
                        var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(userRole), partArgument }));
                        return chatMessage switch
                        {
                            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.WithArgumentList(arguments).WithInitializer(null).WithoutTrivia(),
                            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.WithArgumentList(arguments).WithInitializer(null).WithoutTrivia(),
                            _ => null,
                        };
                    }

                default:
                    return null;
            }
        }

        /// <summary>Puts <paramref name="userMessages"/> right after the system message in its array, list or Add call.</summary>
        private static void AddElements(Dictionary<SyntaxNode, IEnumerable<SyntaxNode>> editor, ExpressionSyntax message, ExpressionSyntax? newMessage, List<ExpressionSyntax> userMessages)
        {
            var element = message.Parent is ExpressionElementSyntax collectionElement ? (SyntaxNode)collectionElement : message;
            switch (element.Parent)
            {
                case InitializerExpressionSyntax:
                case CollectionExpressionSyntax:
                    {
                        var nodes = new List<SyntaxNode>();
                        if (newMessage != null)
                        {
                            nodes.Add(element is ExpressionElementSyntax ? SyntaxFactory.ExpressionElement(newMessage) : newMessage);
                        }

                        // The line break after an element belongs to its comma, which Rebuild copies between the new elements.
                        foreach (var user in userMessages)
                        {
                            var formatted = user.WithLeadingTrivia(element.GetLeadingTrivia()).WithTrailingTrivia(element.GetTrailingTrivia());
                            nodes.Add(element is ExpressionElementSyntax ? SyntaxFactory.ExpressionElement(formatted) : formatted);
                        }

                        if (!editor.ContainsKey(element))
                        {
                            editor[element] = nodes;
                        }

                        break;
                    }

                case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } add } call } when call.Parent is ExpressionStatementSyntax statement:
                    {
                        var nodes = new List<SyntaxNode>();
                        nodes.Add(newMessage != null ? statement.ReplaceNode(message, newMessage.WithTriviaFrom(message)) : statement);
                        foreach (var user in userMessages)
                        {
                            var userCall = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(add, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(user)))));
                            nodes.Add(userCall.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia()));
                        }

                        if (!editor.ContainsKey(statement))
                        {
                            editor[statement] = nodes;
                        }

                        break;
                    }
            }
        }

        /// <summary>Fix All: every document at once, with the sanitizer helper added to one document only.</summary>
        private sealed class FixAll : FixAllProvider
        {
            public static readonly FixAll Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var key = fixAllContext.CodeActionEquivalenceKey;
                if (key == null)
                {
                    return null;
                }

                var kind = key.Substring(key.IndexOf('.') + 1);
                var diagnosticsByDocument = new Dictionary<Document, ImmutableArray<Diagnostic>>();
                foreach (var project in Projects(fixAllContext))
                {
                    var all = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document != null
                        ? await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false)
                        : await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    foreach (var group in all.Where(d => d.Id == fixAllContext.DiagnosticIds.FirstOrDefault() || fixAllContext.DiagnosticIds.Contains(d.Id)).GroupBy(d => d.Location.SourceTree))
                    {
                        var document = project.Solution.GetDocument(group.Key);
                        if (document != null)
                        {
                            diagnosticsByDocument[document] = group.Where(d => Applies(d, kind)).ToImmutableArray();
                        }
                    }
                }

                return CodeAction.Create(
                    "Fix all untrusted prompt input",
                    async ct =>
                    {
                        var solution = fixAllContext.Solution;
                        var owners = new HashSet<ProjectId>();
                        foreach (var pair in diagnosticsByDocument.OrderBy(p => p.Key.FilePath ?? p.Key.Name, StringComparer.Ordinal))
                        {
                            if (pair.Value.IsEmpty)
                            {
                                continue;
                            }

                            var document = solution.GetDocument(pair.Key.Id);
                            if (document == null)
                            {
                                continue;
                            }

                            // The first document of a project receives the helper; the others call it there.
                            var owner = owners.Add(document.Project.Id);
                            var fixedDocument = await FixDocumentAsync(document, pair.Value, kind, owner ? null : false, ct).ConfigureAwait(false);
                            solution = fixedDocument.Project.Solution;
                        }

                        return solution;
                    },
                    key);
            }

            private static bool Applies(Diagnostic diagnostic, string kind)
                => diagnostic.AdditionalLocations.Count > 0 && kind switch
                {
                    MoveKey => diagnostic.Properties.ContainsKey(PromptInjectionAnalyzer.MoveToUserProperty),
                    TemplateKey => diagnostic.Properties.ContainsKey(PromptInjectionAnalyzer.TemplateVariableProperty),
                    _ => true,
                };

            private static IEnumerable<Project> Projects(FixAllContext context)
                => context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
        }
    }
}
