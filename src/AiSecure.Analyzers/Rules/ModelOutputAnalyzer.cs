using System;
using System.Collections.Immutable;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>AISEC003: model output reaches SQL text, a process or raw HTML without validation.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelOutputAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the sink kind (<see cref="DangerousSinkKind"/>).</summary>
        internal const string SinkKindProperty = "SinkKind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ModelOutputToDangerousSink);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var catalog = ModelOutputCatalog.Create(context.Compilation);
            if (!catalog.HasModelSdk)
            {
                return;
            }

            context.RegisterOperationAction(c => AnalyzeAssignment(c, catalog), OperationKind.SimpleAssignment);
            context.RegisterOperationAction(c => AnalyzeCreation(c, catalog), OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, catalog), OperationKind.Invocation);
            context.RegisterOperationAction(c => AnalyzeConversion(c, catalog), OperationKind.Conversion);
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, ModelOutputCatalog catalog)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                return;
            }

            if (property.Name == "CommandText" && IsCommandType(property.ContainingType, catalog))
            {
                Check(context, catalog, assignment.Value, DangerousSinkKind.Sql, "the SQL text of a command");
            }
            else if (property.Name is "FileName" or "Arguments" && property.ContainingType.InheritsFromOrEquals(catalog.ProcessStartInfo))
            {
                Check(context, catalog, assignment.Value, DangerousSinkKind.Process, "ProcessStartInfo." + property.Name);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, ModelOutputCatalog catalog)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type == null)
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !parameter.Type.IsString() || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (IsCommandType(type, catalog) && (parameter.Name.IndexOf("text", StringComparison.OrdinalIgnoreCase) >= 0 || parameter.Name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    Check(context, catalog, argument.Value, DangerousSinkKind.Sql, "the SQL text of a command");
                }
                else if (type.InheritsFromOrEquals(catalog.ProcessStartInfo))
                {
                    Check(context, catalog, argument.Value, DangerousSinkKind.Process, "a ProcessStartInfo");
                }
                else if (SymbolEqualityComparer.Default.Equals(type, catalog.HtmlString))
                {
                    Check(context, catalog, argument.Value, DangerousSinkKind.Html, "an HtmlString");
                }
                else if (SymbolEqualityComparer.Default.Equals(type, catalog.MarkupString))
                {
                    Check(context, catalog, argument.Value, DangerousSinkKind.Html, "a MarkupString");
                }
            }
        }

        private static void AnalyzeConversion(OperationAnalysisContext context, ModelOutputCatalog catalog)
        {
            var conversion = (IConversionOperation)context.Operation;
            if (catalog.MarkupString != null && conversion.OperatorMethod != null && !conversion.IsImplicit
                && SymbolEqualityComparer.Default.Equals(conversion.Type, catalog.MarkupString))
            {
                Check(context, catalog, conversion.Operand, DangerousSinkKind.Html, "a MarkupString");
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ModelOutputCatalog catalog)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var definition = method.ReducedFrom ?? method;
            DangerousSinkKind kind;
            string sinkName;
            if (method.Name == "Start" && method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, catalog.Process))
            {
                kind = DangerousSinkKind.Process;
                sinkName = "Process.Start";
            }
            else if (method.Name == "Raw" && method.ContainingType.InheritsFromOrEquals(catalog.HtmlHelper))
            {
                kind = DangerousSinkKind.Html;
                sinkName = "Html.Raw";
            }
            else if ((method.Name.StartsWith("FromSqlRaw", StringComparison.Ordinal) || method.Name.StartsWith("ExecuteSqlRaw", StringComparison.Ordinal) || method.Name.StartsWith("SqlQueryRaw", StringComparison.Ordinal))
                && (SymbolEqualityComparer.Default.Equals(definition.ContainingType, catalog.EfRelationalQueryable) || SymbolEqualityComparer.Default.Equals(definition.ContainingType, catalog.EfRelationalDatabase)))
            {
                kind = DangerousSinkKind.Sql;
                sinkName = method.Name;
            }
            else if (catalog.Dapper != null && SymbolEqualityComparer.Default.Equals(definition.ContainingType, catalog.Dapper))
            {
                kind = DangerousSinkKind.Sql;
                sinkName = "Dapper " + method.Name;
            }
            else
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var isSinkParameter = kind switch
                {
                    DangerousSinkKind.Sql => parameter.Name == "sql",
                    DangerousSinkKind.Process => parameter.Type.IsString(),
                    _ => parameter.Ordinal == (method.IsExtensionMethod && method.ReducedFrom == null ? 1 : 0),
                };
                if (isSinkParameter)
                {
                    Check(context, catalog, argument.Value, kind, sinkName);
                }
            }
        }

        private static bool IsCommandType(ITypeSymbol type, ModelOutputCatalog catalog)
            => type.InheritsFromOrEquals(catalog.DbCommand)
            || (catalog.IDbCommand != null && System.Linq.Enumerable.Contains(type.AllInterfaces, catalog.IDbCommand, SymbolEqualityComparer.Default))
            || SymbolEqualityComparer.Default.Equals(type, catalog.IDbCommand);

        private static void Check(OperationAnalysisContext context, ModelOutputCatalog catalog, IOperation value, DangerousSinkKind kind, string sinkName)
        {
            var origin = new ModelOutputFlow(catalog, value, context.CancellationToken).FindOrigin(value);
            if (origin == null)
            {
                return;
            }

            var advice = kind switch
            {
                DangerousSinkKind.Sql => "pass it as a query parameter, never as SQL text",
                DangerousSinkKind.Process => "map it to an allow-list of commands and arguments",
                _ => "HTML-encode it",
            };
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, kind.ToString());
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ModelOutputToDangerousSink, value.Syntax.GetLocation(), properties, origin, sinkName, advice));
        }
    }
}
