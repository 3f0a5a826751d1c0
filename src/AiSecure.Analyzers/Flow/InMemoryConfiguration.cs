using System.Collections.Generic;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>One key and value written into an in-memory configuration source.</summary>
    internal readonly struct InMemoryEntry
    {
        public InMemoryEntry(string key, IOperation value, ITypeSymbol type)
        {
            Key = key;
            Value = value;
            Type = type;
        }

        /// <summary>The configuration path (<c>OpenAI:ApiKey</c>).</summary>
        public readonly string Key;

        /// <summary>The value written.</summary>
        public readonly IOperation Value;

        /// <summary>The type the value is written as (<c>string?</c> of a <c>Dictionary&lt;string, string?&gt;</c>).</summary>
        public readonly ITypeSymbol Type;
    }

    /// <summary>A credential literal found in an in-memory configuration source, with what AISEC040 reports about it.</summary>
    internal sealed class InMemoryCredential
    {
        public InMemoryCredential(CredentialKind kind, LiteralOrigin found, ITypeSymbol type, string member)
        {
            Kind = kind;
            Found = found;
            Type = type;
            Member = member;
        }

        public readonly CredentialKind Kind;

        public readonly LiteralOrigin Found;

        public readonly ITypeSymbol Type;

        /// <summary>What the message names: <c>AddInMemoryCollection["OpenAI:ApiKey"]</c>.</summary>
        public readonly string Member;
    }

    /// <summary>
    /// The entries of the collection handed to <c>AddInMemoryCollection</c> (Microsoft.Extensions.Configuration): a
    /// dictionary built with an index or collection initializer (<c>["OpenAI:ApiKey"] = "…"</c>, <c>{ "OpenAI:ApiKey", "…" }</c>),
    /// or an array or collection expression of <c>new KeyValuePair&lt;string, string?&gt;(…)</c> / <c>KeyValuePair.Create(…)</c>,
    /// written in place or in a local given it once. Keys must be constants; anything else is not an entry.
    /// </summary>
    internal static class InMemoryConfiguration
    {
        /// <summary>True for the call that adds an in-memory configuration source (the name first: cheap).</summary>
        public static bool IsAddInMemoryCollection(IInvocationOperation call)
            => call.TargetMethod is { Name: "AddInMemoryCollection", ContainingType: { Name: "MemoryConfigurationBuilderExtensions" } type }
               && type.ContainingNamespace is { Name: "Configuration", ContainingNamespace: { Name: "Extensions", ContainingNamespace.Name: "Microsoft" } };

        /// <summary>
        /// The credentials written into the source (docs/rules/AISEC040.md), judged like a configuration file's values: a
        /// known key format under any path, or a secret-looking literal under a secret-named path (<c>OpenAI:ApiKey</c>).
        /// </summary>
        public static List<InMemoryCredential> Credentials(IInvocationOperation call, CancellationToken cancellationToken)
        {
            var credentials = new List<InMemoryCredential>();
            foreach (var entry in Entries(call))
            {
                foreach (var found in LiteralOrigins.ResolveAll(entry.Value, cancellationToken))
                {
                    if ((CredentialCatalog.KnownFormat(found.Text) ?? CredentialCatalog.ForConfigurationPath(entry.Key, found.Text)) is { } kind)
                    {
                        credentials.Add(new InMemoryCredential(kind, found, entry.Type, "AddInMemoryCollection[\"" + entry.Key + "\"]"));
                    }
                }
            }

            return credentials;
        }

        public static List<InMemoryEntry> Entries(IInvocationOperation call)
        {
            var entries = new List<InMemoryEntry>();
            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter?.Name != "initialData")
                {
                    continue;
                }

                var collection = argument.Value.WalkDownConversions();
                if (collection is ILocalReferenceOperation { Local: { } local })
                {
                    collection = local.GetSingleInitializer(collection)?.WalkDownConversions();
                }

                switch (collection)
                {
                    case IObjectCreationOperation { Initializer: { } initializer }:
                        foreach (var member in initializer.Initializers)
                        {
                            switch (member)
                            {
                                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                                    Add(entries, indexer.Arguments[0].Value, assignment.Value, indexer.Property.Type);
                                    break;
                                case IInvocationOperation { Arguments.Length: 2 } add when add.TargetMethod.Parameters.Length == 2:
                                    Add(entries, add.Arguments[0].Value, add.Arguments[1].Value, add.TargetMethod.Parameters[1].Type);
                                    break;
                            }
                        }

                        break;
                    case IArrayCreationOperation { Initializer: { } elements }:
                        AddPairs(entries, elements.ElementValues);
                        break;
                    case { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax }:
                        AddPairs(entries, collection.ChildOperations);
                        break;
                }
            }

            return entries;
        }

        private static void AddPairs(List<InMemoryEntry> entries, IEnumerable<IOperation> elements)
        {
            foreach (var element in elements)
            {
                switch (element.WalkDownConversions())
                {
                    case IObjectCreationOperation { Arguments.Length: 2, Constructor: { } constructor } pair when constructor.ContainingType.Name == "KeyValuePair":
                        Add(entries, pair.Arguments[0].Value, pair.Arguments[1].Value, constructor.Parameters[1].Type);
                        break;
                    case IInvocationOperation { Arguments.Length: 2, TargetMethod: { Name: "Create", ContainingType.Name: "KeyValuePair" } create } call:
                        Add(entries, call.Arguments[0].Value, call.Arguments[1].Value, create.Parameters[1].Type);
                        break;
                }
            }
        }

        private static void Add(List<InMemoryEntry> entries, IOperation key, IOperation value, ITypeSymbol type)
        {
            if (key.WalkDownConversions().ConstantValue.Value is string path)
            {
                entries.Add(new InMemoryEntry(path, value, type));
            }
        }
    }
}
