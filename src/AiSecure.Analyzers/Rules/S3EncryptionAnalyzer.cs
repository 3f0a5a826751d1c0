using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC010: an S3 object is written without SSE-KMS and a customer-managed key id — on the request's creation
    /// (no encryption), on the <c>ServerSideEncryptionMethod</c>/<c>ServerSideEncryptionAlgorithm</c> assignment
    /// (SSE-S3, or KMS without a key id), or on a convenience call that cannot carry a key.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class S3EncryptionAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: which case it is (<see cref="NoEncryption"/>, <see cref="SseS3"/>, <see cref="KmsWithoutKey"/>, <see cref="Convenience"/>).</summary>
        internal const string KindProperty = "Kind";
        internal const string NoEncryption = "NoEncryption";
        internal const string SseS3 = "SseS3";
        internal const string KmsWithoutKey = "KmsWithoutKey";
        internal const string Convenience = "Convenience";

        /// <summary>Diagnostic property: the property that names the algorithm (<c>ServerSideEncryptionMethod</c> or <c>ServerSideEncryptionAlgorithm</c>).</summary>
        internal const string MethodPropertyProperty = "MethodProperty";

        /// <summary>Diagnostic property: "true" when the fix must write the method value (it is missing or weaker than KMS).</summary>
        internal const string SetMethodProperty = "SetMethod";

        /// <summary>Diagnostic property: "true" when the fix must write the key id.</summary>
        internal const string SetKeyProperty = "SetKey";

        /// <summary>Diagnostic property: the request type's metadata name, for the convenience-call rewrite.</summary>
        internal const string RequestTypeProperty = "RequestType";

        /// <summary>Diagnostic property: the key-id expression from <c>aisecure.kms_key_id</c>, when set.</summary>
        internal const string KeyExpressionProperty = "KeyExpression";

        /// <summary>
        /// Additional locations: [0] the request's object creation (whole expression); [1] the method write, when
        /// there is one ("HasMethodWrite"); [2] the key write, when there is one ("HasKeyWrite").
        /// </summary>
        internal const string HasMethodWriteProperty = "HasMethodWrite";
        internal const string HasKeyWriteProperty = "HasKeyWrite";

        private const string NoEncryptionText = "writes the S3 object without server-side encryption; use SSE-KMS (ServerSideEncryptionMethod.AWSKMS) with a customer-managed key id";
        private const string SseS3Text = "encrypts with SSE-S3 (AES256), whose keys you cannot restrict, audit or revoke; use SSE-KMS with a customer-managed key id";
        private const string KmsWithoutKeyText = "uses SSE-KMS with the AWS-managed key (no key id); set ServerSideEncryptionKeyManagementServiceKeyId to a customer-managed key";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.S3ObjectWithoutKmsKey, Descriptors.S3ObjectWithoutKmsKeyAcrossMethods);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = S3Symbols.Create(context.Compilation);
            if (symbols == null)
            {
                return;
            }

            // One action per operation block: a diagnostic may sit on a later statement of the method (the method
            // assignment), and the IDE treats diagnostics outside the analyzed operation as non-local. Blocks without
            // a candidate cost one type check per creation or call.
            var helpers = new HelperRequests(symbols.Calls, type => symbols.Find(type) is { IsBucketDefault: false });
            context.RegisterOperationBlockAction(c => AnalyzeBlock(c, symbols, helpers));

            // Requests built in helpers: judged with the callers that send them, once every method has been seen.
            context.RegisterCompilationEndAction(c => helpers.Report(c, (state, options, report, _) => Judge(state, symbols, options, report), _ => Descriptors.S3ObjectWithoutKmsKeyAcrossMethods));
        }

        [MethodImpl(CodeTier.Optimized)]
        private static void AnalyzeBlock(OperationBlockAnalysisContext context, S3Symbols symbols, HelperRequests helpers)
        {
            List<IInvocationOperation>? helperCalls = null;
            var creations = new List<IObjectCreationOperation>();
            foreach (var root in context.OperationBlocks)
            {
                foreach (var operation in root.WalkTree())
                {
                    switch (operation.Kind)
                    {
                        case OperationKind.ObjectCreation when operation is IObjectCreationOperation creation && symbols.Find(creation.Type) != null:
                            creations.Add(creation);
                            break;
                        case OperationKind.Invocation when operation is IInvocationOperation invocation:
                            if (symbols.FindConvenience(invocation.TargetMethod) != null)
                            {
                                AnalyzeInvocation(context, invocation, symbols);
                            }
                            else if (helpers.IsHelperCall(invocation))
                            {
                                (helperCalls ??= new List<IInvocationOperation>()).Add(invocation);
                            }

                            break;
                    }
                }
            }

            foreach (var creation in creations)
            {
                var state = RequestState.Analyze(creation, symbols.Calls, context.CancellationToken);
                helpers.AddHelper(context.OwningSymbol, state);
                if (state != null)
                {
                    Judge(state, symbols, context.Options, context.ReportDiagnostic);
                }
            }

            if (helperCalls != null && context.OperationBlocks.Length > 0)
            {
                helpers.AddCaller(context.OwningSymbol, context.OperationBlocks[0], helperCalls, creations);
            }
        }

        /// <summary>AISEC010 on one request: its state when it is sent (or, for a bucket default, wherever it goes).</summary>
        private static void Judge(RequestState state, S3Symbols symbols, AnalyzerOptions analyzerOptions, System.Action<Diagnostic> report)
        {
            var creation = state.Creation;
            var spec = symbols.Find(creation.Type);
            if (spec == null || state.Root.IsOpaque)
            {
                return;
            }

            var options = AiSecureOptions.Get(analyzerOptions, creation.Syntax.SyntaxTree);
            if (options.S3BucketDefaultEncryption && !spec.IsBucketDefault)
            {
                return;
            }

            if (!spec.IsBucketDefault && state.Fate != RequestFate.Sent)
            {
                return;
            }

            if (state.Send != null && IsClientSideEncryption(state.Send))
            {
                return;
            }

            var root = state.Root;
            if (!spec.IsBucketDefault && IsCustomerKey(root.Get(EncryptionAtRestCatalog.S3CustomerMethodProperty), symbols))
            {
                // SSE-C: the caller holds the key; not what this rule is about.
                return;
            }

            var methodWrite = root.Get(spec.MethodProperty);
            var keyWrite = root.Get(spec.KeyProperty);
            var method = Classify(methodWrite, symbols);
            foreach (var write in root.GetWrites(spec.MethodProperty))
            {
                if (method != Algorithm.SseS3 && Classify(write, symbols) == Algorithm.SseS3)
                {
                    // SSE-S3 on one branch: reported at that assignment whatever the other branches choose.
                    methodWrite = write;
                    method = Algorithm.SseS3;
                }
            }
            var keyStatus = root.GetStatus(spec.KeyProperty);
            var keyFromNullableMember = keyStatus == PathStatus.Set && NullableReturns.NullableMember(keyWrite?.Value) != null;
            if (keyFromNullableMember)
            {
                // A key field a constructor sets to null when none is configured (docs/rules/AISEC010.md, "Flow").
                keyStatus = PathStatus.NullOrEmpty;
            }

            if (spec.MetadataName == EncryptionAtRestCatalog.TransferUtilityUploadDirectoryRequest
                && !ApplyPerFileHandlers(root, symbols, ref methodWrite, ref method, ref keyWrite, ref keyStatus))
            {
                return;
            }

            var keyMissing = keyStatus is PathStatus.Unset or PathStatus.NullOrEmpty || RequestState.IsAwsManagedKeyAlias(keyWrite);
            string kind;
            Location location;
            switch (method)
            {
                case Algorithm.None when spec.IsBucketDefault && state.Fate is RequestFate.Escapes or RequestFate.Returned && !IsBuiltInPlace(creation):
                    // A bucket default returned or handed on without an algorithm may be completed elsewhere.
                    return;
                case Algorithm.None:
                    kind = NoEncryption;
                    location = CreationLocation(creation);
                    break;
                case Algorithm.SseS3:
                    kind = SseS3;
                    location = methodWrite!.Origin.Syntax.GetLocation();
                    break;
                case Algorithm.Kms when keyMissing:
                    kind = KmsWithoutKey;
                    location = methodWrite!.Origin.Syntax.GetLocation();
                    break;
                default:
                    return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(KindProperty, kind);
            properties.Add(MethodPropertyProperty, spec.MethodProperty);
            properties.Add(SetMethodProperty, method == Algorithm.Kms ? "false" : "true");
            properties.Add(SetKeyProperty, keyMissing ? "true" : "false");
            if (options.KmsKeyId != null)
            {
                properties.Add(KeyExpressionProperty, options.KmsKeyId);
            }

            var additional = new List<Location> { creation.Syntax.GetLocation() };
            if (IsTupleElement(methodWrite) || (keyMissing && (IsTupleElement(keyWrite) || keyFromNullableMember)))
            {
                // (request.X, request.Y) = (…, …): no assignment of its own to rewrite; a key member that can be null is
                // the member's to fix, not this request's. Reported without a fix.
                report(Diagnostic.Create(Descriptors.S3ObjectWithoutKmsKey, location, additional, properties.ToImmutable(), creation.Type?.Name ?? spec.MetadataName, Text(kind, spec, keyWrite)));
                return;
            }

            if (methodWrite?.Value != null && IsInSameTree(methodWrite, creation))
            {
                properties.Add(HasMethodWriteProperty, "true");
                additional.Add(methodWrite.Origin.Syntax.GetLocation());
            }
            else
            {
                additional.Add(creation.Syntax.GetLocation());
            }

            if (keyWrite?.Value != null && keyMissing && IsInSameTree(keyWrite, creation))
            {
                properties.Add(HasKeyWriteProperty, "true");
                additional.Add(keyWrite.Origin.Syntax.GetLocation());
            }

            report(Diagnostic.Create(Descriptors.S3ObjectWithoutKmsKey, location, additional, properties.ToImmutable(), creation.Type?.Name ?? spec.MetadataName, Text(kind, spec, keyWrite)));
        }

        private static string Text(string kind, S3EncryptionSpec spec, TrackedValue? keyWrite)
            => kind == NoEncryption && spec.IsBucketDefault
                ? "sets no server-side encryption algorithm for the bucket default; use ServerSideEncryptionMethod.AWSKMS with a customer-managed key id"
                : kind == NoEncryption ? NoEncryptionText : kind == SseS3 ? SseS3Text
                : RequestState.IsAwsManagedKeyAlias(keyWrite) ? "uses SSE-KMS with the AWS-managed key alias; set ServerSideEncryptionKeyManagementServiceKeyId to a customer-managed key"
                : KmsWithoutKeyText;

        private static bool IsTupleElement(TrackedValue? write) => write?.Origin.Parent is ITupleOperation;

        private static void AnalyzeInvocation(OperationBlockAnalysisContext context, IInvocationOperation invocation, S3Symbols symbols)
        {
            var method = invocation.TargetMethod;
            var convenience = symbols.FindConvenience(method);
            if (convenience == null)
            {
                return;
            }

            var options = AiSecureOptions.Get(context.Options, invocation.Syntax.SyntaxTree);
            if (options.S3BucketDefaultEncryption)
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(KindProperty, Convenience);
            properties.Add(RequestTypeProperty, convenience.RequestMetadataName);
            if (options.KmsKeyId != null)
            {
                properties.Add(KeyExpressionProperty, options.KmsKeyId);
            }

            var requestName = convenience.RequestMetadataName.Substring(convenience.RequestMetadataName.LastIndexOf('.') + 1);
            var shown = method.ContainingType.Name + "." + method.Name;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.S3ObjectWithoutKmsKey,
                invocation.Syntax.GetLocation(),
                properties.ToImmutable(),
                shown,
                $"cannot carry a KMS key; call the overload that takes a {requestName} with SSE-KMS and a customer-managed key id"));
        }

        private enum Algorithm
        {
            None,
            SseS3,
            Kms,
            Unknown,
        }

        private static Algorithm Classify(TrackedValue? write, S3Symbols symbols)
        {
            if (write == null || write.IsNullOrEmpty)
            {
                return Algorithm.None;
            }

            return write.Value == null ? Algorithm.Unknown : Classify(write.Value, symbols);
        }

        /// <summary>The algorithm a value names; a conditional or switch expression names its weakest arm (an arm
        /// without encryption or with SSE-S3 is what some requests get).</summary>
        private static Algorithm Classify(IOperation value, S3Symbols symbols)
        {
            value = value.WalkDownConversions();
            if (RequestState.IsNullOrEmpty(value))
            {
                return Algorithm.None;
            }

            switch (value)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Weakest(Classify(conditional.WhenTrue, symbols), Classify(whenFalse, symbols));
                case ISwitchExpressionOperation switchExpression when switchExpression.Arms.Length > 0:
                    var weakest = Classify(switchExpression.Arms[0].Value, symbols);
                    for (var i = 1; i < switchExpression.Arms.Length; i++)
                    {
                        weakest = Weakest(weakest, Classify(switchExpression.Arms[i].Value, symbols));
                    }

                    return weakest;
            }

            if (value is IFieldReferenceOperation { Field: { IsStatic: true } field } && SymbolEqualityComparer.Default.Equals(field.ContainingType, symbols.SseMethod))
            {
                switch (field.Name)
                {
                    case "None":
                        return Algorithm.None;
                    case "AES256":
                        return Algorithm.SseS3;
                    case "AWSKMS":
                    case "AWSKMSDSSE":
                        return Algorithm.Kms;
                    default:
                        return Algorithm.Unknown;
                }
            }

            // new ServerSideEncryptionMethod("aws:kms") and ServerSideEncryptionMethod.FindValue("AES256") name the
            // algorithm by its wire value, as a constant string does (docs/rules/AISEC010.md).
            IOperation? named = value;
            if (value is IObjectCreationOperation { Arguments.Length: 1 } creation && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.SseMethod))
            {
                named = creation.Arguments[0].Value.WalkDownConversions();
            }
            else if (value is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FindValue" } method, Arguments.Length: 1 } invocation
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.SseMethod))
            {
                named = invocation.Arguments[0].Value.WalkDownConversions();
            }

            if (named.ConstantValue.HasValue && named.ConstantValue.Value is string text)
            {
                switch (text)
                {
                    case "":
                        return Algorithm.None;
                    case "AES256":
                        return Algorithm.SseS3;
                    case "aws:kms":
                    case "aws:kms:dsse":
                        return Algorithm.Kms;
                }
            }

            return Algorithm.Unknown;
        }

        /// <summary>SSE-S3 before no encryption before a value not known before KMS.</summary>
        private static Algorithm Weakest(Algorithm a, Algorithm b)
        {
            foreach (var candidate in new[] { Algorithm.SseS3, Algorithm.None, Algorithm.Unknown })
            {
                if (a == candidate || b == candidate)
                {
                    return candidate;
                }
            }

            return a;
        }

        private static bool IsCustomerKey(TrackedValue? write, S3Symbols symbols)
        {
            if (write == null || write.IsNullOrEmpty || write.Value == null)
            {
                return false;
            }

            return write.Value is not IFieldReferenceOperation { Field.Name: "None" };
        }

        /// <summary>
        /// An <c>UploadDirectoryFileRequestEvent</c> handler can set encryption on each file's request. A lambda whose
        /// only uses of the per-file request are property writes is followed: its SSE writes win over the directory
        /// request's. Any other handler (a method group, a lambda that hands the request on) means unknown: false.
        /// </summary>
        private static bool ApplyPerFileHandlers(ObjectState root, S3Symbols symbols, ref TrackedValue? methodWrite, ref Algorithm method, ref TrackedValue? keyWrite, ref PathStatus keyStatus)
        {
            foreach (var (@event, handler, _) in root.Handlers)
            {
                if (@event.Name != EncryptionAtRestCatalog.UploadDirectoryFileRequestEvent)
                {
                    continue;
                }

                if (handler is not IAnonymousFunctionOperation lambda)
                {
                    return false;
                }

                foreach (var operation in lambda.Body.Descendants())
                {
                    if (operation is not IPropertyReferenceOperation { Property.Name: "UploadRequest" } uploadRequest)
                    {
                        continue;
                    }

                    if (uploadRequest.Parent is not IPropertyReferenceOperation member || member.Instance != uploadRequest)
                    {
                        return false;
                    }

                    if (member.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != member)
                    {
                        continue;
                    }

                    var write = new TrackedValue(member.Property, assignment, assignment.Value.WalkDownConversions(), null, RequestState.IsNullOrEmpty(assignment.Value));
                    if (member.Property.Name == EncryptionAtRestCatalog.S3MethodProperty)
                    {
                        methodWrite = write;
                        method = Classify(write, symbols);
                    }
                    else if (member.Property.Name == EncryptionAtRestCatalog.S3KeyIdProperty)
                    {
                        keyWrite = write;
                        keyStatus = write.IsNullOrEmpty ? PathStatus.NullOrEmpty : PathStatus.Set;
                    }
                    else if (member.Property.Name == EncryptionAtRestCatalog.S3CustomerMethodProperty && IsCustomerKey(write, symbols))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>True when the creation is the value of a property in another object's initializer (built where it is used).</summary>
        private static bool IsBuiltInPlace(IOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } };
        }

        /// <summary>
        /// Sent through the S3 encryption client (Amazon.Extensions.S3.Encryption: <c>AmazonS3EncryptionClientV2</c>),
        /// which encrypts on the client with a KMS-wrapped data key before the write.
        /// </summary>
        private static bool IsClientSideEncryption(IInvocationOperation send)
        {
            for (var type = send.Instance?.WalkDownConversions().Type as INamedTypeSymbol; type != null; type = type.BaseType)
            {
                if (type.Name.StartsWith("AmazonS3EncryptionClient", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInSameTree(TrackedValue write, IOperation creation)
            => write.Origin.Syntax.SyntaxTree == creation.Syntax.SyntaxTree;

        /// <summary><c>new T(…)</c> without its initializer: the diagnostic starts there and does not underline the whole initializer.</summary>
        internal static Location CreationLocation(IOperation creation)
        {
            var syntax = creation.Syntax;
            var end = syntax switch
            {
                ObjectCreationExpressionSyntax objectCreation => (objectCreation.ArgumentList?.Span.End ?? objectCreation.Type.Span.End),
                ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.ArgumentList.Span.End,
                _ => syntax.Span.End,
            };
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
        }
    }
}
