using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// <see cref="EncryptionAtRestCatalog"/>'s S3 rows resolved against one compilation at its start (AISEC010): the
    /// request types and their encryption properties, the convenience calls that cannot carry a key, and the client types.
    /// </summary>
    internal sealed class S3Symbols
    {
        // Objects, not tuples: an array of tuples is generic code the runtime compiles in every build.
        private readonly List<Request> _requests;
        private readonly ImmutableDictionary<string, S3ConvenienceMethod> _convenience;
        private readonly ImmutableHashSet<INamedTypeSymbol> _requestTypes;
        private readonly ImmutableHashSet<string> _convenienceNames = EncryptionAtRestCatalog.S3ConvenienceMethods.Select(m => m.Name).ToImmutableHashSet(System.StringComparer.Ordinal);

        private S3Symbols(Compilation compilation, AwsSdkCalls calls, List<Request> requests)
        {
            Calls = calls;
            _requests = requests;
            _requestTypes = requests.Select(r => r.Type).ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            SseMethod = TypeResolver.Get(compilation, EncryptionAtRestCatalog.ServerSideEncryptionMethodType);
            S3Interface = TypeResolver.Get(compilation, "Amazon.S3.IAmazonS3");
            S3Client = TypeResolver.Get(compilation, "Amazon.S3.AmazonS3Client");
            TransferUtility = TypeResolver.Get(compilation, "Amazon.S3.Transfer.TransferUtility");
            TransferUtilityInterface = TypeResolver.Get(compilation, "Amazon.S3.Transfer.ITransferUtility");
            var convenience = ImmutableDictionary.CreateBuilder<string, S3ConvenienceMethod>();
            foreach (var method in EncryptionAtRestCatalog.S3ConvenienceMethods)
            {
                convenience[method.ContainingTypes + ":" + method.Name] = method;
            }

            _convenience = convenience.ToImmutable();
        }

        public readonly AwsSdkCalls Calls;

        public readonly INamedTypeSymbol? SseMethod;

        public readonly INamedTypeSymbol? S3Interface;

        public readonly INamedTypeSymbol? S3Client;

        public readonly INamedTypeSymbol? TransferUtility;

        public readonly INamedTypeSymbol? TransferUtilityInterface;

        public static S3Symbols? Create(Compilation compilation)
        {
            var calls = AwsSdkCalls.Create(compilation);
            if (calls == null)
            {
                return null;
            }

            var requests = new List<Request>();
            foreach (var spec in EncryptionAtRestCatalog.S3Requests)
            {
                var type = TypeResolver.Get(compilation, spec.MetadataName);
                if (type != null)
                {
                    requests.Add(new Request(type, spec));
                }
            }

            return requests.Count == 0 ? null : new S3Symbols(compilation, calls, requests);
        }

        private sealed class Request
        {
            public Request(INamedTypeSymbol type, S3EncryptionSpec spec)
            {
                Type = type;
                Spec = spec;
            }

            public readonly INamedTypeSymbol Type;

            public readonly S3EncryptionSpec Spec;
        }

        public S3EncryptionSpec? Find(ITypeSymbol? type)
        {
            if (type == null)
            {
                return null;
            }

            foreach (var request in _requests)
            {
                if (type.InheritsFromOrEquals(request.Type))
                {
                    return request.Spec;
                }
            }

            return null;
        }

        public S3ConvenienceMethod? FindConvenience(IMethodSymbol method)
        {
            if (!_convenienceNames.Contains(method.Name))
            {
                return null;
            }

            var type = method.ContainingType;
            string group;
            if (type.InheritsFromOrEquals(TransferUtility) || IsOrImplements(type, TransferUtilityInterface))
            {
                group = "Transfer";
            }
            else if (type.InheritsFromOrEquals(S3Client) || IsOrImplements(type, S3Interface))
            {
                group = "S3";
            }
            else
            {
                return null;
            }

            if (!_convenience.TryGetValue(group + ":" + method.Name, out var convenience))
            {
                return null;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type is INamedTypeSymbol named && (_requestTypes.Contains(named) || named.TypeKind == TypeKind.Class && named.Name.EndsWith("Request", System.StringComparison.Ordinal)))
                {
                    return null;
                }
            }

            return convenience;
        }

        private static bool IsOrImplements(INamedTypeSymbol type, INamedTypeSymbol? @interface)
        {
            if (@interface == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, @interface))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
