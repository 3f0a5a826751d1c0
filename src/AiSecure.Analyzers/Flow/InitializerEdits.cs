using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    internal enum InitializerEditKind
    {
        /// <summary>Replace the expression at the location with the value (wrapped in the path's object creations).</summary>
        Replace,

        /// <summary>Add <c>Property = Value</c> (inside the path's object creations) to the object creation or member initializer at the location.</summary>
        Add,
    }

    /// <summary>One property segment the fix must create: <c>Name = new Type { … }</c>.</summary>
    internal sealed class PathSegment
    {
        public PathSegment(string name, string typeName)
        {
            Name = name;
            TypeName = typeName;
        }

        public readonly string Name;

        /// <summary>Fully qualified with <c>global::</c>; the fixer lets the simplifier shorten it.</summary>
        public readonly string TypeName;
    }

    /// <summary>
    /// A property write a fixer makes in a request built with object initializers (AISEC030, AISEC031, AISEC041):
    /// the analyzer, which knows the request state, says where and what; the fixer only edits syntax.
    /// Values are C# expressions that compile on their own (types written with <c>global::</c>).
    /// </summary>
    internal sealed class InitializerEdit
    {
        private const string CountKey = "Edits";

        public InitializerEdit(InitializerEditKind kind, Location location, ImmutableArray<PathSegment> path, string property, string value)
        {
            Kind = kind;
            Location = location;
            Path = path;
            Property = property;
            Value = value;
        }

        public readonly InitializerEditKind Kind;

        /// <summary>The expression to replace, or the object creation / member initializer to add to.</summary>
        public readonly Location Location;

        /// <summary>Objects to create on the way, outermost first. For <see cref="InitializerEditKind.Replace"/>, the first segment is the replaced property itself.</summary>
        public readonly ImmutableArray<PathSegment> Path;

        public readonly string Property;

        public readonly string Value;

        /// <summary>
        /// The edit that makes <paramref name="owner"/>.<paramref name="property"/> hold <paramref name="value"/> in the
        /// request <paramref name="root"/> created by <paramref name="rootCreation"/>: replace the value written now, add
        /// to the deepest object created in the method, creating the missing objects on the way. Null when an object on
        /// the way was not created in the method (the fix would have nothing to edit). <paramref name="rootSyntax"/> is
        /// the root's object creation or member initializer (<see cref="EditableSyntax"/>).
        /// </summary>
        public static InitializerEdit? Set(ObjectState root, SyntaxNode rootSyntax, string ownerPath, string property, string value)
        {
            var current = root;
            var target = rootSyntax;
            var segments = ownerPath.Length == 0 ? new string[0] : ownerPath.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var written = current.Get(segments[i]);
                if (written == null)
                {
                    var missing = MissingPath(current.Type, segments, i);
                    return missing.IsDefault ? null : new InitializerEdit(InitializerEditKind.Add, target.GetLocation(), missing, property, value);
                }

                if (written.IsNullOrEmpty)
                {
                    var missing = MissingPath(current.Type, segments, i);
                    return missing.IsDefault || written.Value == null ? null : new InitializerEdit(InitializerEditKind.Replace, written.Value.Syntax.GetLocation(), missing, property, value);
                }

                var next = written.Object;
                if (next == null)
                {
                    return null;
                }

                var nextTarget = EditableSyntax(next, written);
                if (nextTarget == null)
                {
                    return null;
                }

                current = next;
                target = nextTarget;
            }

            var existing = current.Get(property);
            if (existing?.Value != null && existing.Origin is ISimpleAssignmentOperation)
            {
                return new InitializerEdit(InitializerEditKind.Replace, existing.Value.Syntax.GetLocation(), ImmutableArray<PathSegment>.Empty, property, value);
            }

            return existing == null ? new InitializerEdit(InitializerEditKind.Add, target.GetLocation(), ImmutableArray<PathSegment>.Empty, property, value) : null;
        }

        /// <summary>The object creation (or <c>X = { … }</c> member initializer) of a tracked object, when it is in this method.</summary>
        public static SyntaxNode? EditableSyntax(ObjectState state, TrackedValue? written)
        {
            if (state.Creation?.Syntax is BaseObjectCreationExpressionSyntax creation)
            {
                return creation;
            }

            return written?.Origin is IMemberInitializerOperation { Syntax: AssignmentExpressionSyntax { Right: InitializerExpressionSyntax } member } ? member : null;
        }

        public static void Encode(IReadOnlyList<InitializerEdit> edits, ImmutableDictionary<string, string?>.Builder properties, ImmutableArray<Location>.Builder locations)
        {
            var start = locations.Count;
            properties[CountKey] = edits.Count.ToString(CultureInfo.InvariantCulture);
            properties["EditsStart"] = start.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < edits.Count; i++)
            {
                var edit = edits[i];
                var prefix = "Edit" + i.ToString(CultureInfo.InvariantCulture) + ".";
                properties[prefix + "Kind"] = edit.Kind == InitializerEditKind.Add ? "Add" : "Replace";
                properties[prefix + "Property"] = edit.Property;
                properties[prefix + "Value"] = edit.Value;
                var path = new StringBuilder();
                foreach (var segment in edit.Path)
                {
                    if (path.Length > 0)
                    {
                        path.Append(';');
                    }

                    path.Append(segment.Name).Append('|').Append(segment.TypeName);
                }

                properties[prefix + "Path"] = path.ToString();
                locations.Add(edit.Location);
            }
        }

        public static ImmutableArray<InitializerEdit> Decode(Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(CountKey, out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !properties.TryGetValue("EditsStart", out var startText) || !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                return ImmutableArray<InitializerEdit>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<InitializerEdit>();
            for (var i = 0; i < count && start + i < diagnostic.AdditionalLocations.Count; i++)
            {
                var prefix = "Edit" + i.ToString(CultureInfo.InvariantCulture) + ".";
                if (!properties.TryGetValue(prefix + "Kind", out var kind) || !properties.TryGetValue(prefix + "Property", out var property)
                    || !properties.TryGetValue(prefix + "Value", out var value) || !properties.TryGetValue(prefix + "Path", out var pathText)
                    || property == null || value == null)
                {
                    return ImmutableArray<InitializerEdit>.Empty;
                }

                var path = ImmutableArray.CreateBuilder<PathSegment>();
                if (!string.IsNullOrEmpty(pathText))
                {
                    foreach (var part in pathText!.Split(';'))
                    {
                        var bar = part.IndexOf('|');
                        if (bar <= 0)
                        {
                            return ImmutableArray<InitializerEdit>.Empty;
                        }

                        path.Add(new PathSegment(part.Substring(0, bar), part.Substring(bar + 1)));
                    }
                }

                builder.Add(new InitializerEdit(kind == "Add" ? InitializerEditKind.Add : InitializerEditKind.Replace, diagnostic.AdditionalLocations[start + i], path.ToImmutable(), property, value));
            }

            return builder.ToImmutable();
        }

        /// <summary>The segments from <paramref name="index"/> on, with the type each property holds; default when a property is not found.</summary>
        private static ImmutableArray<PathSegment> MissingPath(ITypeSymbol? type, string[] segments, int index)
        {
            var builder = ImmutableArray.CreateBuilder<PathSegment>();
            for (var i = index; i < segments.Length; i++)
            {
                var property = FindProperty(type, segments[i]);
                if (property == null || property.Type is not INamedTypeSymbol { IsGenericType: false } named)
                {
                    return default;
                }

                builder.Add(new PathSegment(segments[i], FullName(named)));
                type = named;
            }

            return builder.ToImmutable();
        }

        private static IPropertySymbol? FindProperty(ITypeSymbol? type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol property)
                    {
                        return property;
                    }
                }
            }

            return null;
        }

        /// <summary><c>global::Ns.Type</c> for a non-generic, possibly nested, type.</summary>
        public static string FullName(INamedTypeSymbol type)
        {
            var parts = new List<string>();
            for (ISymbol? current = type; current != null; current = current.ContainingSymbol)
            {
                if (current is INamespaceSymbol { IsGlobalNamespace: true })
                {
                    break;
                }

                if (current is INamedTypeSymbol or INamespaceSymbol)
                {
                    parts.Add(current.Name);
                }
            }

            parts.Reverse();
            return "global::" + string.Join(".", parts);
        }
    }
}
