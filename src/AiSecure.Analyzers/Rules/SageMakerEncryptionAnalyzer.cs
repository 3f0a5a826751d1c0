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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SageMakerWithoutKmsKey, Descriptors.SageMakerWithoutKmsKeyAcrossMethods);

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
            // Requests and nested configs built in helpers: judged with the callers that send them, once every method has been seen.
            var helpers = new HelperRequests(calls, SageMakerNetworkSpecs.IsModelType);
            context.RegisterOperationBlockAction(c => AnalyzeBlock(c, table, calls, helpers));
            context.RegisterCompilationEndAction(c => helpers.Report(c, (state, options, report, _) => Judge(report, options, state, table), _ => Descriptors.SageMakerWithoutKmsKeyAcrossMethods));
        }

        [MethodImpl(CodeTier.Optimized)]
        private static void AnalyzeBlock(OperationBlockAnalysisContext context, ImmutableDictionary<INamedTypeSymbol, SageMakerKmsSpec> table, AwsSdkCalls calls, HelperRequests helpers)
        {
            var requests = new List<IObjectCreationOperation>();
            List<IInvocationOperation>? helperCalls = null;
            var returnType = HelperRequests.ReturnedType(context.OwningSymbol as IMethodSymbol);
            foreach (var root in context.OperationBlocks)
            {
                foreach (var operation in root.WalkTree())
                {
                    if (operation.Kind == OperationKind.Invocation && operation is IInvocationOperation invocation && helpers.IsHelperCall(invocation))
                    {
                        (helperCalls ??= new List<IInvocationOperation>()).Add(invocation);
                        continue;
                    }

                    if (operation.Kind != OperationKind.ObjectCreation || operation is not IObjectCreationOperation creation)
                    {
                        continue;
                    }

                    if (Find(table, creation.Type) != null)
                    {
                        requests.Add(creation);
                    }
                    else if (returnType != null && SymbolEqualityComparer.Default.Equals(returnType, creation.Type) && SageMakerNetworkSpecs.IsModelType(returnType))
                    {
                        // A nested config (OutputDataConfig, …) that a helper builds and returns.
                        helpers.AddHelper(context.OwningSymbol, RequestState.Analyze(creation, calls, context.CancellationToken));
                    }
                }
            }

            // A definition shared by two requests of the block is reported once.
            var reporter = requests.Count > 0 ? new BlockReporter(context) : null;
            foreach (var creation in requests)
            {
                var state = RequestState.Analyze(creation, calls, context.CancellationToken);
                helpers.AddHelper(context.OwningSymbol, state);
                if (state != null)
                {
                    Judge(reporter!.Report, context.Options, state, table);
                }
            }

            if (helperCalls != null && context.OperationBlocks.Length > 0)
            {
                helpers.AddCaller(context.OwningSymbol, context.OperationBlocks[0], helperCalls, requests);
            }
        }

        private static SageMakerKmsSpec? Find(ImmutableDictionary<INamedTypeSymbol, SageMakerKmsSpec> table, ITypeSymbol? created)
        {
            for (var type = created as INamedTypeSymbol; type != null; type = type.BaseType)
            {
                if (table.TryGetValue(type.OriginalDefinition, out var spec))
                {
                    return spec;
                }
            }

            return null;
        }

        /// <summary>AISEC011 on one request at its send.</summary>
        private static void Judge(Action<Diagnostic> report, AnalyzerOptions analyzerOptions, RequestState state, ImmutableDictionary<INamedTypeSymbol, SageMakerKmsSpec> table)
        {
            var creation = state.Creation;
            var spec = Find(table, creation.Type);
            if (spec == null || state.Fate != RequestFate.Sent || state.Root.IsOpaque)
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

        private static void Check(Findings root, ObjectState owner, ImmutableArray<KmsKeyPath> paths, string prefix)
        {
            foreach (var path in paths)
            {
                if (path.OnlyWhenSet != null && owner.GetStatus(path.OnlyWhenSet) != PathStatus.Set)
                {
                    continue;
                }

                // A nested config a helper built (OutputDataConfig = BuildOutput()): reported on its creation in the helper.
                var findings = root;
                var shown = prefix + path.Path;
                if (HelperObjectOnPath(owner, path.Path, out var helperObject, out var depth))
                {
                    findings = root.Elsewhere(helperObject);
                    var segments = path.Path.Split('.');
                    shown = string.Join(".", segments, depth, segments.Length - depth);
                }

                var status = owner.GetStatus(path.Path);
                if (status == PathStatus.Set
                    && (RequestState.IsAwsManagedKeyAlias(owner.GetValue(path.Path)) || NullableReturns.NullableMember(owner.GetValue(path.Path)?.Value) != null))
                {
                    findings.Empty.Add((shown, owner.GetValue(path.Path)!));
                    continue;
                }

                switch (status)
                {
                    case PathStatus.NullOrEmpty:
                        if (path.Alternative == null || owner.GetStatus(path.Alternative) is PathStatus.Unset or PathStatus.NullOrEmpty)
                        {
                            findings.Empty.Add((shown, owner.GetValue(path.Path)!));
                        }

                        break;
                    case PathStatus.Unset:
                        if (path.Alternative == null || owner.GetStatus(path.Alternative) is PathStatus.Unset or PathStatus.NullOrEmpty)
                        {
                            findings.Missing.Add((shown, owner, path.Path));
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// True when a container on <paramref name="path"/> below <paramref name="owner"/> is an object some helper built
        /// (and <paramref name="owner"/> is not that helper's): <paramref name="depth"/> segments lead to it.
        /// </summary>
        private static bool HelperObjectOnPath(ObjectState owner, string path, out ObjectState helperObject, out int depth)
        {
            var segments = path.Split('.');
            var current = owner;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                var next = current.Get(segments[i])?.Object;
                if (next == null)
                {
                    break;
                }

                if (next.Helper != null && next.Creation != null && !SymbolEqualityComparer.Default.Equals(next.Helper, owner.Helper))
                {
                    helperObject = next;
                    depth = i + 1;
                    return true;
                }

                current = next;
            }

            helperObject = owner;
            depth = 0;
            return false;
        }

        private static void Report(Action<Diagnostic> report, Findings findings, AiSecureOptions options)
        {
            foreach (var other in findings.Others)
            {
                Report(report, other, options);
            }

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

            /// <summary>Findings on objects built elsewhere (a helper's nested config), each reported on its own creation.</summary>
            public readonly List<Findings> Others = new();

            public Findings Elsewhere(ObjectState owner)
            {
                foreach (var other in Others)
                {
                    if (other.Owner == owner)
                    {
                        return other;
                    }
                }

                var created = new Findings(owner.Creation!, owner);
                Others.Add(created);
                return created;
            }
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
