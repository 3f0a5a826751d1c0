using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>A value that reaches a dangerous sink of AISEC003: the value, the kind of sink and how the message names it.</summary>
    internal sealed class DangerousSink
    {
        public DangerousSink(IOperation value, DangerousSinkKind kind, string name)
        {
            Value = value;
            Kind = kind;
            Name = name;
        }

        public readonly IOperation Value;

        public readonly DangerousSinkKind Kind;

        public readonly string Name;
    }

    /// <summary>
    /// The dangerous sinks of AISEC003 (docs/rules/AISEC003.md): SQL text, a process, raw HTML, a file system path and
    /// an outbound URL (<see cref="FileAndUrlSinks"/>). Given an operation, adds the values it hands to one, each with the
    /// member a message names. A new kind of sink is a new case here and a new <see cref="DangerousSinkKind"/>.
    /// </summary>
    internal static class DangerousSinks
    {
        /// <summary>Adds to <paramref name="sinks"/> the values that <paramref name="operation"/> passes to a dangerous sink.</summary>
        public static void Find(ModelOutputCatalog catalog, IOperation operation, List<DangerousSink> sinks)
        {
            switch (operation.Kind)
            {
                case OperationKind.SimpleAssignment:
                    FindInAssignment(catalog, (ISimpleAssignmentOperation)operation, sinks);
                    break;
                case OperationKind.ObjectCreation:
                    FindInCreation(catalog, (IObjectCreationOperation)operation, sinks);
                    break;
                case OperationKind.Invocation:
                    FindInInvocation(catalog, (IInvocationOperation)operation, sinks);
                    break;
                case OperationKind.Conversion:
                    var conversion = (IConversionOperation)operation;
                    // (MarkupString)x: explicit first, then the type; the operator method is computed for each conversion asked.
                    if (!conversion.IsImplicit && catalog.MarkupString.Is(conversion.Type) && conversion.OperatorMethod != null)
                    {
                        sinks.Add(new DangerousSink(conversion.Operand, DangerousSinkKind.Html, "MarkupString"));
                    }

                    break;
            }
        }

        private static void FindInAssignment(ModelOutputCatalog catalog, ISimpleAssignmentOperation assignment, List<DangerousSink> sinks)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                return;
            }

            if (property.Name == "CommandText" && IsCommandType(property.ContainingType, catalog))
            {
                sinks.Add(new DangerousSink(assignment.Value, DangerousSinkKind.Sql, property.ContainingType.Name + ".CommandText"));
            }
            else if (property.Name is "FileName" or "Arguments" && catalog.ProcessStartInfo.IsBaseOrSelfOf(property.ContainingType))
            {
                sinks.Add(new DangerousSink(assignment.Value, DangerousSinkKind.Process, "ProcessStartInfo." + property.Name));
            }
            else if (property.Name == "Content" && catalog.ContentResult.IsBaseOrSelfOf(property.ContainingType) && IsHtmlContentResultInitializer(assignment))
            {
                sinks.Add(new DangerousSink(assignment.Value, DangerousSinkKind.Html, "ContentResult.Content"));
            }
            else
            {
                catalog.FileAndUrl.FindInAssignment(property, assignment.Value, sinks);
            }
        }

        private static void FindInCreation(ModelOutputCatalog catalog, IObjectCreationOperation creation, List<DangerousSink> sinks)
        {
            var type = creation.Type;
            if (type == null)
            {
                return;
            }

            catalog.FileAndUrl.FindInCreation(creation, sinks);

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (!parameter.Type.IsString())
                {
                    // new ProcessStartInfo("git", new[] { "checkout", branch }): the argument list, like ArgumentList.
                    if (IsStringSequence(parameter.Type) && catalog.ProcessStartInfo.IsBaseOrSelfOf(type))
                    {
                        sinks.Add(new DangerousSink(argument.Value, DangerousSinkKind.Process, "new " + type.Name));
                    }

                    continue;
                }

                // The parameter's name first: the type test reads every interface of the created type.
                if ((parameter.Name.IndexOf("text", StringComparison.OrdinalIgnoreCase) >= 0 || parameter.Name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0) && (IsCommandType(type, catalog) || catalog.DapperCommandDefinition.Is(type)))
                {
                    sinks.Add(new DangerousSink(argument.Value, DangerousSinkKind.Sql, "new " + type.Name));
                }
                else if (catalog.ProcessStartInfo.IsBaseOrSelfOf(type))
                {
                    sinks.Add(new DangerousSink(argument.Value, DangerousSinkKind.Process, "new " + type.Name));
                }
                else if (catalog.HtmlString.Is(type))
                {
                    sinks.Add(new DangerousSink(argument.Value, DangerousSinkKind.Html, "new HtmlString"));
                }
                else if (catalog.MarkupString.Is(type))
                {
                    sinks.Add(new DangerousSink(argument.Value, DangerousSinkKind.Html, "new MarkupString"));
                }
            }
        }

        private static void FindInInvocation(ModelOutputCatalog catalog, IInvocationOperation invocation, List<DangerousSink> sinks)
        {
            var method = invocation.TargetMethod;
            var definition = method.ReducedFrom ?? method;
            DangerousSinkKind kind;
            string sinkName;
            if (method.Name == "Start" && method.IsStatic && catalog.Process.Is(method.ContainingType))
            {
                kind = DangerousSinkKind.Process;
                sinkName = "Process.Start";
            }
            else if (method.Name == "Raw" && catalog.HtmlHelper.IsBaseOrSelfOf(method.ContainingType))
            {
                kind = DangerousSinkKind.Html;
                sinkName = "Html.Raw";
            }
            else if (method.Name == "Add" && IsArgumentList(invocation, catalog))
            {
                kind = DangerousSinkKind.Process;
                sinkName = "ProcessStartInfo.ArgumentList";
            }
            else if (method.Name is "AppendHtml" or "AppendHtmlLine" or "SetHtmlContent" && IsHtmlContentBuilder(method, catalog))
            {
                // TagHelperOutput.Content.SetHtmlContent(x), HtmlContentBuilder.AppendHtml(x): the string is written as markup.
                kind = DangerousSinkKind.Html;
                sinkName = method.Name;
            }
            else if (method.Name == "AddMarkupContent" && catalog.RenderTreeBuilder.Is(method.ContainingType))
            {
                kind = DangerousSinkKind.Html;
                sinkName = "RenderTreeBuilder.AddMarkupContent";
            }
            else if (method.Name is "Content" or "Text" && IsHtmlContentResult(invocation, catalog))
            {
                kind = DangerousSinkKind.Html;
                sinkName = method.ContainingType.Name + ".Content";
            }
            else if ((method.Name.StartsWith("FromSqlRaw", StringComparison.Ordinal) || method.Name.StartsWith("ExecuteSqlRaw", StringComparison.Ordinal) || method.Name.StartsWith("SqlQueryRaw", StringComparison.Ordinal))
                && (catalog.EfRelationalQueryable.Is(definition.ContainingType) || catalog.EfRelationalDatabase.Is(definition.ContainingType)))
            {
                kind = DangerousSinkKind.Sql;
                sinkName = method.Name;
            }
            else if (method.Name == "CreateCommand" && catalog.DbDataSource.IsBaseOrSelfOf(method.ContainingType))
            {
                // DbDataSource.CreateCommand(string commandText): the data-source form of new DbCommand(sql).
                kind = DangerousSinkKind.Sql;
                sinkName = method.ContainingType.Name + ".CreateCommand";
            }
            else if (catalog.Dapper.Is(definition.ContainingType))
            {
                kind = DangerousSinkKind.Sql;
                sinkName = "Dapper " + method.Name;
            }
            else
            {
                catalog.FileAndUrl.FindInInvocation(invocation, sinks);
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
                    DangerousSinkKind.Sql => parameter.Name is "sql" or "commandText" && parameter.Type.IsString(),
                    DangerousSinkKind.Process => parameter.Type.IsString() || IsStringSequence(parameter.Type),
                    DangerousSinkKind.Html when method.Name is "AppendHtml" or "AppendHtmlLine" or "SetHtmlContent" or "AddMarkupContent" => parameter.Type.IsString() && !parameter.IsThis,
                    _ => parameter.Ordinal == (method.IsExtensionMethod && method.ReducedFrom == null ? 1 : 0),
                };
                if (isSinkParameter)
                {
                    sinks.Add(new DangerousSink(argument.Value, kind, sinkName));
                }
            }
        }

        /// <summary><c>info.ArgumentList.Add(x)</c> or <c>new ProcessStartInfo { ArgumentList = { x } }</c>: a process argument, like <c>Arguments</c>.</summary>
        private static bool IsArgumentList(IInvocationOperation invocation, ModelOutputCatalog catalog)
        {
            IPropertySymbol? list = null;
            if (invocation.Instance is IPropertyReferenceOperation { Property: { } property })
            {
                list = property;
            }
            else if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                && invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: { } initialized } } })
            {
                list = initialized;
            }

            return list is { Name: "ArgumentList" } && catalog.ProcessStartInfo.IsBaseOrSelfOf(list.ContainingType);
        }

        /// <summary><c>Results.Content(html, "text/html")</c>, <c>TypedResults.Content</c>, <c>ControllerBase.Content</c>: a response whose content type is HTML.</summary>
        private static bool IsHtmlContentResult(IInvocationOperation invocation, ModelOutputCatalog catalog)
        {
            var type = invocation.TargetMethod.ContainingType;
            if (!catalog.Results.Is(type) && !catalog.TypedResults.Is(type) && !catalog.ControllerBase.IsBaseOrSelfOf(type))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "contentType" && argument.Value.WalkDownConversionsForKnowledge().ConstantValue.Value is string contentType)
                {
                    return contentType.TrimStart().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        /// <summary><c>IEnumerable&lt;string&gt;</c>: the argument list of <c>Process.Start(fileName, arguments)</c> and <c>new ProcessStartInfo(fileName, arguments)</c>.</summary>
        private static bool IsStringSequence(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "IEnumerable", IsGenericType: true, TypeArguments.Length: 1 } sequence && sequence.TypeArguments[0].IsString();

        /// <summary>A string overload of <c>AppendHtml</c> / <c>SetHtmlContent</c> on an <c>IHtmlContentBuilder</c>, as a member or an extension.</summary>
        private static bool IsHtmlContentBuilder(IMethodSymbol method, ModelOutputCatalog catalog)
        {
            var definition = method.ReducedFrom ?? method;
            var receiver = definition.IsExtensionMethod && definition.Parameters.Length > 0 ? definition.Parameters[0].Type : method.ContainingType;
            return receiver != null && (catalog.HtmlContentBuilder.Is(receiver) || catalog.HtmlContentBuilder.IsImplementedBy(receiver));
        }

        /// <summary><c>new ContentResult { Content = x, ContentType = "text/html" }</c>: a sibling assignment names an HTML content type.</summary>
        private static bool IsHtmlContentResultInitializer(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Parent is not IObjectOrCollectionInitializerOperation initializer)
            {
                return false;
            }

            foreach (var sibling in initializer.Initializers)
            {
                if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } } contentType
                    && contentType.Value.WalkDownConversionsForKnowledge().ConstantValue.Value is string text)
                {
                    return text.TrimStart().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        private static bool IsCommandType(ITypeSymbol type, ModelOutputCatalog catalog)
            => catalog.DbCommand.IsBaseOrSelfOf(type)
            || catalog.DbBatchCommand.IsBaseOrSelfOf(type)
            || catalog.IDbCommand.IsImplementedBy(type)
            || catalog.IDbCommand.Is(type);

        private static IOperation WalkDownConversionsForKnowledge(this IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
