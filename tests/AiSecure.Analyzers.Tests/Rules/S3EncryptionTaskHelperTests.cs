using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC010 on requests a helper hands back in a completed task (docs/rules/AISEC010.md, "Requests built in helpers").</summary>
    public class S3EncryptionTaskHelperTests
    {
        private const string NoEncryption = "'CopyObjectRequest' writes the S3 object without server-side encryption; use SSE-KMS (ServerSideEncryptionMethod.AWSKMS) with a customer-managed key id";

        [Fact]
        public Task RequestReturnedThroughTaskFromResult_JudgedWithItsCallers()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    public class Promoter
                    {
                        private readonly IAmazonS3 _s3;
                        private readonly string _kmsKeyId;

                        public Promoter(IAmazonS3 s3, string kmsKeyId)
                        {
                            _s3 = s3;
                            _kmsKeyId = kmsKeyId;
                        }

                        private static Task<CopyObjectRequest> BuildAsync(string key)
                            => Task.FromResult({|#0:new CopyObjectRequest|} { SourceBucket = "staging", SourceKey = key, DestinationBucket = "models", DestinationKey = key });

                        private static ValueTask<CopyObjectRequest> BuildLocalAsync(string key)
                        {
                            var request = {|#1:new CopyObjectRequest|} { SourceBucket = "staging", SourceKey = key };
                            request.DestinationBucket = "models";
                            return ValueTask.FromResult(request);
                        }

                        public async Task PromoteAsync(string key)
                            => await _s3.CopyObjectAsync(await BuildAsync(key));

                        public async Task PromoteLocalAsync(string key)
                        {
                            var request = await BuildLocalAsync(key);
                            request.DestinationKey = key;
                            await _s3.CopyObjectAsync(request);
                        }

                        public async Task PromoteEncryptedAsync(string key)
                        {
                            var request = await BuildAsync(key);
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId;
                            await _s3.CopyObjectAsync(request);
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKeyAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments(NoEncryption, "Promoter.PromoteAsync"),
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKeyAcrossMethods).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments(NoEncryption, "Promoter.PromoteLocalAsync"),
                },
            }.RunWithStubsAsync();
    }
}
