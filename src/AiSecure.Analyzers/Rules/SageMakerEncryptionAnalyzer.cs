using System;
using System.Collections.Generic;
using System.Threading;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC011: a SageMaker request that stores data is sent without every KMS key path of
    /// <see cref="EncryptionAtRestCatalog.SageMakerRequests"/>: one diagnostic on the request's creation naming every
    /// missing path (a tuning job's training definition built on its own, or listed in <c>TrainingJobDefinitions</c>:
    /// on the definition's creation), and one on each explicit null/empty key assignment.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SageMakerEncryptionAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: missing paths relative to the fix targets, '|' separated, aligned with the additional locations.</summary>
        internal const string FixPathsProperty = "FixPaths";

        /// <summary>Diagnostic property: "true" on the explicit null/empty assignment; additional location [0] is the value to replace.</summary>
        internal const string ReplaceValueProperty = "ReplaceValue";

        /// <summary>Diagnostic property: the key-id expression from <c>aisecure.kms_key_id</c>, when set.</summary>
        internal const string KeyExpressionProperty = "KeyExpression";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SageMakerWithoutKmsKey);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var calls = AwsSdkCalls.Create(context.Compilation);
            if (calls == null)
            {
                return;
            }

            var requests = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, SageMakerKmsSpec>(SymbolEqualityComparer.Default);
            foreach (var spec in EncryptionAtRestCatalog.SageMakerRequests)
            {
                var type = TypeResolver.Get(context.Compilation, spec.MetadataName);
                if (type != null)
                {
                    requests[type] = spec;
                }
            }

            if (requests.Count == 0)
            {
                return;
            }

            var table = requests.ToImmutable();
            // One action per operation block: a training definition built on its own is reported outside the
            // request's creation, and the IDE treats diagnostics outside the analyzed operation as non-local. (Actions
            // registered per block would cost a dispatch per operation and per block.)
            context.RegisterOperationBlockAction(c => AnalyzeBlock(c, table, calls));
        }

        [MethodImpl(CodeTier.Optimized)]
        private static void AnalyzeBlock(OperationBlockAnalysisContext context, ImmutableDictionary<INamedTypeSymbol, SageMakerKmsSpec> table, AwsSdkCalls calls)
        {
            // A definition shared by two requests of the block is reported once. Made for the first request only:
            // most blocks have none.
            BlockReporter? reporter = null;
            foreach (var root in context.OperationBlocks)
            {
                foreach (var operation in root.WalkTree())
                {
                    if (operation.Kind != OperationKind.ObjectCreation || operation is not IObjectCreationOperation creation)
                    {
                        continue;
                    }

                    for (var type = creation.Type as INamedTypeSymbol; type != null; type = type.BaseType)
                    {
                        if (table.TryGetValue(type.OriginalDefinition, out var spec))
                        {
                            try
                            {
                                reporter ??= new BlockReporter(context);
                                AnalyzeCreation(reporter.Report, context.Options, context.CancellationToken, creation, spec, calls);
                            }
                            catch (System.Exception ex) when (ex is not System.OperationCanceledException)
                            {
                                // An unexpected shape ends the analysis of this operation, never the compiler.
                            }

                            break;
                        }
                    }
                }
            }
        }

        private static void AnalyzeCreation(Action<Diagnostic> report, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken, IObjectCreationOperation creation, SageMakerKmsSpec spec, AwsSdkCalls calls)
        {
            var state = RequestState.Analyze(creation, calls, cancellationToken);
            if (state is not { Fate: RequestFate.Sent } || state.Root.IsOpaque)
            {
                return;
            }

            var options = AiSecureOptions.Get(analyzerOptions, creation.Syntax.SyntaxTree);
            var findings = new Findings(creation, state.Root);
            Check(findings, state.Root, spec.Paths, prefix: "");

            foreach (var property in spec.Definitions)
            {
                var value = state.Root.Get(property);
                if (value?.Object is not { } definition || value.IsNullOrEmpty)
                {
                    continue;
                }

                if (definition.Creation != null && !IsInside(definition.Creation, creation))
                {
                    // Built on its own: reported on the definition's creation, paths relative to it.
                    var own = new Findings(definition.Creation, definition);
                    Check(own, definition, EncryptionAtRestCatalog.TrainingDefinition.Paths, prefix: "");
                    Report(report, own, options);
                }
                else
                {
                    Check(findings, definition, EncryptionAtRestCatalog.TrainingDefinition.Paths, prefix: property + ".");
                }
            }

            foreach (var property in spec.DefinitionLists)
            {
                var list = state.Root.Get(property)?.Object;
                if (list == null)
                {
                    continue;
                }

                foreach (var element in list.Elements)
                {
                    if (element.Object is { Creation: { } elementCreation } definition)
                    {
                        var own = new Findings(elementCreation, definition);
                        Check(own, definition, EncryptionAtRestCatalog.TrainingDefinition.Paths, prefix: "");
                        Report(report, own, options);
                    }
                }
            }

            Report(report, findings, options);
        }

        private static void Check(Findings findings, ObjectState owner, ImmutableArray<KmsKeyPath> paths, string prefix)
        {
            foreach (var path in paths)
            {
                if (path.OnlyWhenSet != null && owner.GetStatus(path.OnlyWhenSet) != PathStatus.Set)
                {
                    continue;
                }

                var status = owner.GetStatus(path.Path);
                if (status == PathStatus.Set && RequestState.IsAwsManagedKeyAlias(owner.GetValue(path.Path)))
                {
                    findings.Empty.Add((prefix + path.Path, owner.GetValue(path.Path)!));
                    continue;
                }

                switch (status)
                {
                    case PathStatus.NullOrEmpty:
                        if (path.Alternative == null || owner.GetStatus(path.Alternative) is PathStatus.Unset or PathStatus.NullOrEmpty)
                        {
                            findings.Empty.Add((prefix + path.Path, owner.GetValue(path.Path)!));
                        }

                        break;
                    case PathStatus.Unset:
                        if (path.Alternative == null || owner.GetStatus(path.Alternative) is PathStatus.Unset or PathStatus.NullOrEmpty)
                        {
                            findings.Missing.Add((prefix + path.Path, owner, path.Path));
                        }

                        break;
                }
            }
        }

        private static void Report(Action<Diagnostic> report, Findings findings, AiSecureOptions options)
        {
            var typeName = findings.Creation.Type?.Name ?? "request";
            foreach (var (path, write) in findings.Empty)
            {
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                var additional = new List<Location>();
                if (write.Value != null && write.Origin is IAssignmentOperation)
                {
                    properties.Add(ReplaceValueProperty, "true");
                    additional.Add(write.Value.Syntax.GetLocation());
                }

                AddKey(properties, options);
                report(Diagnostic.Create(
                    Descriptors.SageMakerWithoutKmsKey,
                    write.Origin.Syntax.GetLocation(),
                    additional,
                    properties.ToImmutable(),
                    typeName,
                    RequestState.IsAwsManagedKeyAlias(write) ? "sets " + path + " to an AWS-managed key alias" : "sets " + path + " to an empty value"));
            }

            if (findings.Missing.Count == 0)
            {
                return;
            }

            var shown = new List<string>();
            var fixPaths = new List<string>();
            var locations = new List<Location>();
            foreach (var (path, owner, relative) in findings.Missing)
            {
                shown.Add(path);
                if (FindInsertionTarget(owner, relative, out var target, out var remaining))
                {
                    fixPaths.Add(remaining);
                    locations.Add(target.GetLocation());
                }
            }

            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            if (fixPaths.Count > 0)
            {
                builder.Add(FixPathsProperty, string.Join("|", fixPaths));
            }

            AddKey(builder, options);
            report(Diagnostic.Create(
                Descriptors.SageMakerWithoutKmsKey,
                S3EncryptionAnalyzer.CreationLocation(findings.Creation),
                locations,
                builder.ToImmutable(),
                typeName,
                "does not set " + string.Join(", ", shown)));
        }

        private static void AddKey(ImmutableDictionary<string, string?>.Builder properties, AiSecureOptions options)
        {
            if (options.KmsKeyId != null)
            {
                properties.Add(KeyExpressionProperty, options.KmsKeyId);
            }
        }

        /// <summary>
        /// The syntax the fix adds to: the deepest object on the path that the method creates (its object creation) or
        /// initializes in place (<c>X = { … }</c>), and the rest of the path below it.
        /// </summary>
        private static bool FindInsertionTarget(ObjectState owner, string path, out SyntaxNode target, out string remaining)
        {
            var segments = path.Split('.');
            var current = owner;
            TrackedValue? via = null;
            var index = 0;
            while (index < segments.Length - 1)
            {
                var value = current.Get(segments[index]);
                if (value == null || value.IsNullOrEmpty || value.Object == null)
                {
                    break;
                }

                via = value;
                current = value.Object;
                index++;
            }

            remaining = string.Join(".", segments, index, segments.Length - index);
            if (current.Creation != null)
            {
                target = current.Creation.Syntax;
                return true;
            }

            if (via?.Origin is IMemberInitializerOperation memberInitializer)
            {
                target = memberInitializer.Syntax;
                return true;
            }

            target = owner.Creation?.Syntax!;
            return false;
        }

        private static bool IsInside(IOperation inner, IOperation outer)
            => inner.Syntax.SyntaxTree == outer.Syntax.SyntaxTree && outer.Syntax.Span.Contains(inner.Syntax.Span);

        private sealed class Findings
        {
            public Findings(IOperation creation, ObjectState owner)
            {
                Creation = creation;
                Owner = owner;
            }

            public readonly IOperation Creation;

            public readonly ObjectState Owner;

            public readonly List<(string Path, ObjectState Owner, string Relative)> Missing = new();

            public readonly List<(string Path, TrackedValue Write)> Empty = new();
        }

        /// <summary>Reports each diagnostic of one operation block once.</summary>
        private sealed class BlockReporter
        {
            private readonly OperationBlockAnalysisContext _context;
            private readonly HashSet<LocatedKey> _reported = new();

            public BlockReporter(OperationBlockAnalysisContext context)
            {
                _context = context;
                Report = ReportOnce;
            }

            public readonly Action<Diagnostic> Report;

            private void ReportOnce(Diagnostic diagnostic)
            {
                if (_reported.Add(new LocatedKey(diagnostic.Location, diagnostic.GetMessage())))
                {
                    _context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}
