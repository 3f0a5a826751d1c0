using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC030: SageMaker inter-container traffic encryption is off (explicit <c>false</c>, or unset on a job whose
    /// instance count is not the constant 1). AISEC031: a training, tuning, processing or model request without
    /// <c>EnableNetworkIsolation = true</c> or without a <c>VpcConfig</c>; a notebook with direct internet or root access.
    /// Both judge a request by its state when it is sent (<see cref="RequestState"/>); requests that leave the method
    /// unsent are not judged, except that an explicit <c>EnableInterContainerTrafficEncryption = false</c> is always reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SageMakerNetworkAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: <see cref="NotebookVariant"/> for a notebook's access settings.</summary>
        internal const string VariantProperty = "Variant";

        internal const string NotebookVariant = "Notebook";

        private const string ModelNamespace = SageMakerNetworkSpecs.Namespace;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InterContainerEncryptionDisabled, Descriptors.NetworkIsolationMissing, Descriptors.InterContainerEncryptionDisabledAcrossMethods, Descriptors.NetworkIsolationMissingAcrossMethods);

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

            var requests = new Dictionary<INamedTypeSymbol, SageMakerRequestSpec>(SymbolEqualityComparer.Default);
            foreach (var request in SageMakerNetworkSpecs.Requests)
            {
                if (TypeResolver.Get(context.Compilation, ModelNamespace + request.Name) is { } type)
                {
                    requests[type] = request;
                }
            }

            if (requests.Count == 0)
            {
                return;
            }

            var symbols = new SageMakerSymbols(
                requests,
                calls,
                TypeResolver.Get(context.Compilation, "Amazon.SageMaker.DirectInternetAccess"),
                TypeResolver.Get(context.Compilation, "Amazon.SageMaker.RootAccess"));
            // A block action, not an ObjectCreation action: a diagnostic may sit on a nested object created in another
            // statement, and span-based analysis (the IDE's light bulb) must still find it when it analyzes that statement.
            var helpers = new HelperRequests(calls, SageMakerNetworkSpecs.IsModelType);
            context.RegisterOperationBlockAction(c => AnalyzeBlock(c, symbols, helpers));
            context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);

            // Requests and nested configs built in helpers: judged with the callers that send them, once every method has been seen.
            context.RegisterCompilationEndAction(c => helpers.Report(c, (state, _, report, _) => Judge(report, symbols, state), AcrossMethods));
        }

        private static DiagnosticDescriptor AcrossMethods(DiagnosticDescriptor descriptor)
            => descriptor.Id == DiagnosticIds.InterContainerEncryptionDisabled ? Descriptors.InterContainerEncryptionDisabledAcrossMethods : Descriptors.NetworkIsolationMissingAcrossMethods;

        /// <summary>An explicit <c>EnableInterContainerTrafficEncryption = false</c> is reported wherever it is.</summary>
        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: SageMakerNetworkSpecs.EncryptionFlag } property }
                || !SageMakerNetworkSpecs.IsModelType(property.ContainingType)
                || !IsConstant(assignment.Value, false))
            {
                return;
            }

            var edit = new InitializerEdit(InitializerEditKind.Replace, assignment.Value.WalkDownConversions().Syntax.GetLocation(), ImmutableArray<PathSegment>.Empty, SageMakerNetworkSpecs.EncryptionFlag, "true");
            Report(context.ReportDiagnostic, Descriptors.InterContainerEncryptionDisabled, assignment.Syntax, new[] { edit }, $"'{property.ContainingType.Name}.{SageMakerNetworkSpecs.EncryptionFlag}' is set to false");
        }

        [MethodImpl(CodeTier.Optimized)]
        private static void AnalyzeBlock(OperationBlockAnalysisContext context, SageMakerSymbols symbols, HelperRequests helpers)
        {
            var requests = new List<IObjectCreationOperation>();
            List<IInvocationOperation>? helperCalls = null;
            var returnType = HelperRequests.ReturnedType(context.OwningSymbol as IMethodSymbol);
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.WalkTree())
                {
                    if (operation.Kind == OperationKind.ObjectCreation && operation is IObjectCreationOperation { Type: INamedTypeSymbol type } creation)
                    {
                        if (symbols.Requests.ContainsKey(type))
                        {
                            requests.Add(creation);
                        }
                        else if (returnType != null && SymbolEqualityComparer.Default.Equals(returnType, type) && SageMakerNetworkSpecs.IsModelType(type))
                        {
                            // A nested config (NetworkConfig, a training definition, …) that a helper builds and returns.
                            helpers.AddHelper(context.OwningSymbol, RequestState.Analyze(creation, symbols.Calls, context.CancellationToken));
                        }
                    }
                    else if (operation.Kind == OperationKind.Invocation && operation is IInvocationOperation invocation && helpers.IsHelperCall(invocation))
                    {
                        (helperCalls ??= new List<IInvocationOperation>()).Add(invocation);
                    }
                }
            }

            foreach (var creation in requests)
            {
                var state = RequestState.Analyze(creation, symbols.Calls, context.CancellationToken);
                helpers.AddHelper(context.OwningSymbol, state);
                if (state != null)
                {
                    Judge(context.ReportDiagnostic, symbols, state);
                }
            }

            if (helperCalls != null && context.OperationBlocks.Length > 0)
            {
                helpers.AddCaller(context.OwningSymbol, context.OperationBlocks[0], helperCalls, requests);
            }
        }

        /// <summary>AISEC030 and AISEC031 on one request at its send.</summary>
        private static void Judge(Action<Diagnostic> context, SageMakerSymbols symbols, RequestState state)
        {
            if (state.Fate != RequestFate.Sent || state.Creation.Type is not INamedTypeSymbol type || !symbols.Requests.TryGetValue(type, out var request))
            {
                return;
            }

            if (request.Name == SageMakerNetworkSpecs.NotebookRequest)
            {
                AnalyzeNotebook(context, symbols, state);
                return;
            }

            foreach (var spec in request.Units)
            {
                foreach (var unit in Units(state, spec, request.Name))
                {
                    if (spec.EncryptionOwner != null)
                    {
                        CheckEncryption(context, state, spec, unit);
                    }

                    if (spec.IsolationOwner != null && spec.VpcPath != null)
                    {
                        CheckIsolation(context, state, spec, unit);
                    }
                }
            }
        }

        private static List<Unit> Units(RequestState state, SageMakerUnitSpec spec, string requestName)
        {
            var units = new List<Unit>();
            if (spec.UnitPath.Length == 0)
            {
                units.Add(new Unit(state.Root, state.Creation.Syntax, requestName));
                return units;
            }

            var written = state.GetValue(spec.UnitPath);
            if (written == null || written.IsNullOrEmpty || written.Object is not { } value)
            {
                return units;
            }

            if (!spec.IsCollection)
            {
                if (InitializerEdit.EditableSyntax(value, written) is { } syntax)
                {
                    units.Add(new Unit(value, syntax, requestName + "." + spec.UnitPath));
                }

                return units;
            }

            for (var i = 0; i < value.Elements.Count; i++)
            {
                var element = value.Elements[i];
                if (element.Object is { } definition && InitializerEdit.EditableSyntax(definition, element) is { } syntax)
                {
                    units.Add(new Unit(definition, syntax, requestName + "." + spec.UnitPath + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
                }
            }

            return units;
        }

        private static void CheckEncryption(Action<Diagnostic> context, RequestState state, SageMakerUnitSpec spec, Unit unit)
        {
            var owner = spec.EncryptionOwner!;
            var flagPath = Join(owner, SageMakerNetworkSpecs.EncryptionFlag);
            var status = unit.State.GetStatus(flagPath);
            if (status is PathStatus.Set or PathStatus.Unknown || IsAnyConstant(unit.State.GetWritesAt(flagPath), false) != null)
            {
                // Set: true, a variable, or false (reported at the assignment by AnalyzeAssignment, on a branch too).
                return;
            }

            var single = IsSingleInstance(unit.State, spec.CountPaths);
            if (single != false)
            {
                return;
            }

            var location = OwnerSyntax(state, unit, owner);
            var edit = InitializerEdit.Set(unit.State, unit.Syntax, owner, SageMakerNetworkSpecs.EncryptionFlag, "true");
            var message = spec.CountPaths.IsEmpty
                ? $"'{unit.Display}' does not set {flagPath}"
                : $"'{unit.Display}' does not set {flagPath} and its instance count is not the constant 1";
            Report(context, Descriptors.InterContainerEncryptionDisabled, location, edit == null ? Array.Empty<InitializerEdit>() : new[] { edit }, message);
        }

        private static void CheckIsolation(Action<Diagnostic> context, RequestState state, SageMakerUnitSpec spec, Unit unit)
        {
            var owner = spec.IsolationOwner!;
            var flagPath = Join(owner, SageMakerNetworkSpecs.IsolationFlag);
            var flag = unit.State.GetValue(flagPath);
            var isolationMissing = false;
            SyntaxNode? location = null;
            var falseWrite = IsAnyConstant(unit.State.GetWritesAt(flagPath), false);
            switch (unit.State.GetStatus(flagPath))
            {
                case var _ when falseWrite != null:
                    // false on every path or on one branch: reported at that assignment.
                    isolationMissing = true;
                    location = falseWrite.Origin.Syntax;
                    break;
                case PathStatus.Set when flag != null && IsConstant(flag.Value, false):
                    isolationMissing = true;
                    location = flag.Origin.Syntax;
                    break;
                case PathStatus.Unset:
                case PathStatus.NullOrEmpty:
                    isolationMissing = true;
                    break;
            }

            var vpcMissing = unit.State.GetStatus(spec.VpcPath!) is PathStatus.Unset or PathStatus.NullOrEmpty;
            if (!isolationMissing && !vpcMissing)
            {
                return;
            }

            location ??= OwnerSyntax(state, unit, owner);
            var edits = new List<InitializerEdit>();
            if (isolationMissing && InitializerEdit.Set(unit.State, unit.Syntax, owner, SageMakerNetworkSpecs.IsolationFlag, "true") is { } edit)
            {
                edits.Add(edit);
            }

            string message;
            if (isolationMissing && vpcMissing)
            {
                message = $"'{unit.Display}' does not set {flagPath} = true and has no {spec.VpcPath}: its containers can reach the network and it does not run in your VPC; set {flagPath} = true and add a VpcConfig with your own subnets and security groups (the fix only sets the flag)";
            }
            else if (isolationMissing)
            {
                message = $"'{unit.Display}' does not set {flagPath} = true: its containers can make outbound network calls; set it to true";
            }
            else
            {
                message = $"'{unit.Display}' has no {spec.VpcPath}: it does not run in your VPC; add a VpcConfig with your own subnets and security groups (no automatic fix: they cannot be guessed)";
            }

            Report(context, Descriptors.NetworkIsolationMissing, location, edits, message);
        }

        private static void AnalyzeNotebook(Action<Diagnostic> context, SageMakerSymbols symbols, RequestState state)
        {
            var problems = new List<string>();
            var effects = new List<string>();
            var edits = new List<InitializerEdit>();
            SyntaxNode? location = null;
            foreach (var (name, type) in new[] { ("DirectInternetAccess", symbols.DirectInternetAccess), ("RootAccess", symbols.RootAccess) })
            {
                var written = state.GetValue(name);
                foreach (var write in state.Root.GetWrites(name))
                {
                    if (IsEnabled(write.Value, type))
                    {
                        // Enabled on one branch is Enabled for the requests that take it.
                        written = write;
                    }
                }

                switch (state.GetStatus(name))
                {
                    case PathStatus.Unknown:
                        continue;
                    case PathStatus.Unset when written != null && IsEnabled(written.Value, type):
                    case PathStatus.Set:
                        if (written == null || !IsEnabled(written.Value, type))
                        {
                            continue;
                        }

                        problems.Add(name + " is Enabled");
                        effects.Add(Effect(name));
                        if (location == null || written.Origin.Syntax.SpanStart < location.SpanStart)
                        {
                            location = written.Origin.Syntax;
                        }

                        break;
                    default:
                        problems.Add(name + " is not set (the service default is Enabled)");
                        effects.Add(Effect(name));
                        break;
                }

                var value = type != null ? InitializerEdit.FullName(type) + ".Disabled" : "\"Disabled\"";
                if (InitializerEdit.Set(state.Root, state.Creation.Syntax, string.Empty, name, value) is { } edit)
                {
                    edits.Add(edit);
                }
            }

            if (problems.Count == 0)
            {
                return;
            }

            var message = $"'{SageMakerNetworkSpecs.NotebookRequest}': {string.Join(" and ", problems)}, so {string.Join(" and ", effects)}; set {(problems.Count == 1 ? "it" : "them")} to Disabled";
            Report(context, Descriptors.NetworkIsolationMissing, location ?? state.Creation.Syntax, edits, message, NotebookVariant);
        }

        /// <summary>The first of <paramref name="writes"/> that is the constant <paramref name="value"/>, or null.</summary>
        private static TrackedValue? IsAnyConstant(IReadOnlyList<TrackedValue> writes, bool value)
        {
            foreach (var write in writes)
            {
                if (write.Value != null && IsConstant(write.Value, value))
                {
                    return write;
                }
            }

            return null;
        }

        private static string Effect(string setting)
            => setting == "DirectInternetAccess" ? "the notebook can reach the internet directly" : "its users can change the instance as root";

        /// <summary>
        /// True when the written instance counts add up to the constant 1; false when they add up to anything else, are
        /// not constants, or none is written; null when a count is in an object the engine could not follow.
        /// </summary>
        private static bool? IsSingleInstance(ObjectState unit, ImmutableArray<string> countPaths)
        {
            var total = 0L;
            var any = false;
            foreach (var path in countPaths)
            {
                var list = path.IndexOf("[]", StringComparison.Ordinal);
                if (list < 0)
                {
                    var counted = Count(unit, path, ref total, ref any);
                    if (counted != true)
                    {
                        return counted;
                    }

                    continue;
                }

                var listPath = path.Substring(0, list);
                var rest = path.Substring(list + 3);
                switch (unit.GetStatus(listPath))
                {
                    case PathStatus.Unknown:
                        return null;
                    case PathStatus.Set:
                        var items = unit.GetObject(listPath);
                        if (items == null || items.IsOpaque)
                        {
                            return null;
                        }

                        foreach (var element in items.Elements)
                        {
                            if (element.Object == null)
                            {
                                return null;
                            }

                            var counted = Count(element.Object, rest, ref total, ref any);
                            if (counted != true)
                            {
                                return counted;
                            }
                        }

                        break;
                }
            }

            return any && total == 1;
        }

        /// <summary>Adds the count at <paramref name="path"/>; true to go on, false (not a constant) or null (unknown) to stop.</summary>
        private static bool? Count(ObjectState state, string path, ref long total, ref bool any)
        {
            switch (state.GetStatus(path))
            {
                case PathStatus.Unknown:
                    return null;
                case PathStatus.Set:
                    var value = state.GetValue(path)?.ConstantValue;
                    if (value is not { HasValue: true, Value: int or long } constant)
                    {
                        return false;
                    }

                    total += Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                    any = true;
                    return true;
                default:
                    return true;
            }
        }

        /// <summary>Where to report a missing flag: the creation of its owner object, else the unit's, else the request's.</summary>
        private static SyntaxNode OwnerSyntax(RequestState state, Unit unit, string ownerPath)
        {
            if (ownerPath.Length == 0)
            {
                return unit.Syntax;
            }

            var written = unit.State.GetValue(ownerPath);
            if (written?.Object is { } owner && InitializerEdit.EditableSyntax(owner, written) is { } syntax)
            {
                return syntax;
            }

            return state.Creation.Syntax;
        }

        private static bool IsEnabled(IOperation? value, INamedTypeSymbol? type)
        {
            if (value == null)
            {
                return false;
            }

            value = value.WalkDownConversions();
            switch (value)
            {
                // allowInternet ? DirectInternetAccess.Enabled : DirectInternetAccess.Disabled: Enabled for the requests that take that arm.
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return IsEnabled(conditional.WhenTrue, type) || IsEnabled(whenFalse, type);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (IsEnabled(arm.Value, type))
                        {
                            return true;
                        }
                    }

                    return false;
            }

            if (value is IFieldReferenceOperation { Field: { Name: "Enabled", IsStatic: true } field })
            {
                return type == null || SymbolEqualityComparer.Default.Equals(field.ContainingType, type);
            }

            return value.ConstantValue is { HasValue: true, Value: string text } && string.Equals(text, "Enabled", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsConstant(IOperation? value, bool expected)
            => value != null && value.WalkDownConversions().ConstantValue is { HasValue: true, Value: bool actual } && actual == expected;

        private static string Join(string owner, string property) => owner.Length == 0 ? property : owner + "." + property;

        private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, SyntaxNode location, IReadOnlyList<InitializerEdit> edits, string message, string? variant = null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            if (variant != null)
            {
                properties[VariantProperty] = variant;
            }

            var locations = ImmutableArray.CreateBuilder<Location>();
            InitializerEdit.Encode(edits, properties, locations);
            report(Diagnostic.Create(descriptor, location.GetLocation(), locations.ToImmutable(), properties.ToImmutable(), message));
        }

        private sealed class Unit
        {
            public Unit(ObjectState state, SyntaxNode syntax, string display)
            {
                State = state;
                Syntax = syntax;
                Display = display;
            }

            public readonly ObjectState State;

            /// <summary>The unit's object creation (or member initializer).</summary>
            public readonly SyntaxNode Syntax;

            public readonly string Display;
        }

        private sealed class SageMakerSymbols
        {
            public SageMakerSymbols(
                Dictionary<INamedTypeSymbol, SageMakerRequestSpec> requests,
                AwsSdkCalls calls,
                INamedTypeSymbol? directInternetAccess,
                INamedTypeSymbol? rootAccess)
            {
                Requests = requests;
                Calls = calls;
                DirectInternetAccess = directInternetAccess;
                RootAccess = rootAccess;
            }

            public readonly Dictionary<INamedTypeSymbol, SageMakerRequestSpec> Requests;

            public readonly AwsSdkCalls Calls;

            public readonly INamedTypeSymbol? DirectInternetAccess;

            public readonly INamedTypeSymbol? RootAccess;
        }
    }
}
