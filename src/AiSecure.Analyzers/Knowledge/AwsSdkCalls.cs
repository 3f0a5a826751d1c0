using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// Says whether a method sends a request to AWS: a method of a type deriving from
    /// <c>Amazon.Runtime.AmazonServiceClient</c>, of an interface deriving from <c>Amazon.Runtime.IAmazonService</c>
    /// (<c>IAmazonS3</c>, <c>IAmazonSageMaker</c>, …), or of <c>TransferUtility</c> / <c>ITransferUtility</c>.
    /// Create it in a compilation-start action; it is immutable and thread-safe.
    /// </summary>
    internal sealed class AwsSdkCalls
    {
        private AwsSdkCalls(INamedTypeSymbol? serviceClient, INamedTypeSymbol? service, INamedTypeSymbol? transferUtility, INamedTypeSymbol? transferUtilityInterface)
        {
            ServiceClient = serviceClient;
            Service = service;
            TransferUtility = transferUtility;
            TransferUtilityInterface = transferUtilityInterface;
        }

        /// <summary><c>Amazon.Runtime.AmazonServiceClient</c>.</summary>
        public readonly INamedTypeSymbol? ServiceClient;

        /// <summary><c>Amazon.Runtime.IAmazonService</c>.</summary>
        public readonly INamedTypeSymbol? Service;

        /// <summary><c>Amazon.S3.Transfer.TransferUtility</c>.</summary>
        public readonly INamedTypeSymbol? TransferUtility;

        /// <summary><c>Amazon.S3.Transfer.ITransferUtility</c>.</summary>
        public readonly INamedTypeSymbol? TransferUtilityInterface;

        /// <summary>Null when the compilation does not reference AWSSDK.Core.</summary>
        public static AwsSdkCalls? Create(Compilation compilation)
        {
            var serviceClient = TypeResolver.Get(compilation, "Amazon.Runtime.AmazonServiceClient");
            var service = TypeResolver.Get(compilation, "Amazon.Runtime.IAmazonService");
            if (serviceClient == null && service == null)
            {
                return null;
            }

            return new AwsSdkCalls(
                serviceClient,
                service,
                TypeResolver.Get(compilation, "Amazon.S3.Transfer.TransferUtility"),
                TypeResolver.Get(compilation, "Amazon.S3.Transfer.ITransferUtility"));
        }

        /// <summary>True when <paramref name="method"/> belongs to an AWS service client, service interface or the S3 TransferUtility.</summary>
        public bool IsSdkCall(IMethodSymbol? method)
        {
            var type = method?.ContainingType;
            if (type == null)
            {
                return false;
            }

            return type.InheritsFromOrEquals(ServiceClient)
                || type.InheritsFromOrEquals(TransferUtility)
                || Implements(type, Service)
                || Implements(type, TransferUtilityInterface);
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? @interface)
        {
            if (@interface == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, @interface))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, @interface))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
