using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC010 on requests built in helpers: judged with the callers that send them (docs/rules/AISEC010.md).</summary>
    public class S3EncryptionHelperTests
    {
        private const string NoEncryption = "'PutObjectRequest' writes the S3 object without server-side encryption; use SSE-KMS (ServerSideEncryptionMethod.AWSKMS) with a customer-managed key id";

        [Fact]
        public Task HelperReturnsUnencryptedRequest_CallersThatSendIt_ReportedAtTheCreationNamingEachCaller()
            => new Verify.Test
            {
                TestCode = """
                    using System.IO;
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    public class ModelStore
                    {
                        private readonly IAmazonS3 _s3;

                        public ModelStore(IAmazonS3 s3) => _s3 = s3;

                        private static PutObjectRequest Build(string bucket, string key, Stream body)
                            => {|#0:new PutObjectRequest|} { BucketName = bucket, Key = key, InputStream = body };

                        private static PutObjectRequest BuildLocal(string bucket, string key)
                        {
                            var request = {|#1:new PutObjectRequest|} { BucketName = bucket };
                            request.Key = key;
                            return request;
                        }

                        public Task SaveAsync(string bucket, string key, Stream body)
                            => _s3.PutObjectAsync(Build(bucket, key, body));

                        public async Task SaveLaterAsync(string bucket, string key)
                        {
                            var request = BuildLocal(bucket, key);
                            request.ContentBody = "{}";
                            await _s3.PutObjectAsync(request);
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKeyAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments(NoEncryption, "ModelStore.SaveAsync"),
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKeyAcrossMethods).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments(NoEncryption, "ModelStore.SaveLaterAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task CallerWritesSseS3_ReportedAtTheCallersAssignment()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    public class Reports
                    {
                        private static PutObjectRequest Build(string bucket) => new PutObjectRequest { BucketName = bucket, Key = "latest.json" };

                        public async Task UploadAsync(IAmazonS3 s3, string bucket)
                        {
                            var request = Build(bucket);
                            {|#0:request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|};
                            await s3.PutObjectAsync(request);
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKeyAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("'PutObjectRequest' encrypts with SSE-S3 (AES256), whose keys you cannot restrict, audit or revoke; use SSE-KMS with a customer-managed key id", "Reports.UploadAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task OnlyTheCallerThatSendsWithoutTheKey_IsNamed()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    public class Store
                    {
                        private readonly string _kmsKeyId = System.Environment.GetEnvironmentVariable("KMS")!;

                        private static PutObjectRequest Build(string bucket) => {|#0:new PutObjectRequest|} { BucketName = bucket };

                        public async Task EncryptedAsync(IAmazonS3 s3, string bucket)
                        {
                            var request = Build(bucket);
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId;
                            await s3.PutObjectAsync(request);
                        }

                        public Task PlainAsync(IAmazonS3 s3, string bucket) => s3.PutObjectAsync(Build(bucket));
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKeyAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments(NoEncryption, "Store.PlainAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task HelperNeverCalled_CallerSetsTheKey_RequestStoredOrHandedOn_AreSilent()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    private readonly List<PutObjectRequest> _queue = new();
                    private PutObjectRequest? _last;

                    private static PutObjectRequest Unused(string bucket) => new PutObjectRequest { BucketName = bucket };

                    private static PutObjectRequest Build(string bucket) => new PutObjectRequest { BucketName = bucket };

                    private static PutObjectRequest BuildEncrypted(string bucket) => new PutObjectRequest
                    {
                        BucketName = bucket,
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = "arn:aws:kms:us-east-1:111122223333:key/models",
                    };

                    public async Task SetsKeyAsync(IAmazonS3 s3, string bucket)
                    {
                        var request = Build(bucket);
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = "arn:aws:kms:us-east-1:111122223333:key/models";
                        await s3.PutObjectAsync(request);
                    }

                    public Task EncryptedAsync(IAmazonS3 s3, string bucket) => s3.PutObjectAsync(BuildEncrypted(bucket));

                    public void Keep(string bucket)
                    {
                        _queue.Add(Build(bucket));
                        _last = Build(bucket);
                        var request = Build(bucket);
                        Enqueue(request);
                    }

                    public PutObjectRequest Forward(string bucket) => Build(bucket);

                    private void Enqueue(PutObjectRequest request) => _queue.Add(request);
                }
                """, ReferenceCatalog.Aws);

        /// <summary>Reported at the end of the compilation (non-local): the IDE fixes it in full-solution analysis, at the helper, for every caller.</summary>
        [Fact]
        public Task Fix_AddsKmsAndKeyAtTheHelpersCreation()
            => new Verify.Test
            {
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
                References = ReferenceCatalog.Aws,
                TestCode = """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class ModelStore
                {
                    private readonly string _kmsKeyArn = System.Environment.GetEnvironmentVariable("KMS_KEY_ARN")!;

                    private PutObjectRequest Build(string bucket) => [|new PutObjectRequest|]
                    {
                        BucketName = bucket,
                        Key = "model.bin"
                    };

                    public Task SaveAsync(IAmazonS3 s3, string bucket) => s3.PutObjectAsync(Build(bucket));
                }
                """,
                FixedCode = """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class ModelStore
                {
                    private readonly string _kmsKeyArn = System.Environment.GetEnvironmentVariable("KMS_KEY_ARN")!;

                    private PutObjectRequest Build(string bucket) => new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = "model.bin",
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyArn
                    };

                    public Task SaveAsync(IAmazonS3 s3, string bucket) => s3.PutObjectAsync(Build(bucket));
                }
                """,
            }.RunWithStubsAsync();
    }
}
