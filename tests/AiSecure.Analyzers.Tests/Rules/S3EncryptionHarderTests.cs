using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC010 on harder service shapes: batches built with collection and array initializers, tuple writes.</summary>
    public class S3EncryptionHarderTests
    {
        private const string Prelude = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Microsoft.Extensions.Configuration;

            """;

        [Fact]
        public Task BatchInACollectionInitializer_SentInALoop_EachElementJudged()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ReportPublisher(IAmazonS3 s3, IConfiguration configuration)
                {
                    public async Task PublishManyAsync(CancellationToken ct)
                    {
                        var kms = configuration["Reports:KmsKeyArn"];
                        var batch = new List<PutObjectRequest>
                        {
                            new() { BucketName = "reports", Key = "a.html", ContentBody = "a", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kms },
                            {|AISEC010:new()|} { BucketName = "reports", Key = "b.html", ContentBody = "b" },
                        };
                        foreach (var item in batch)
                        {
                            await s3.PutObjectAsync(item, ct);
                        }
                    }

                    public Task CopyAllAsync(CancellationToken ct)
                    {
                        var copies = new[]
                        {
                            {|AISEC010:new CopyObjectRequest|} { SourceBucket = "in", SourceKey = "a", DestinationBucket = "out", DestinationKey = "a" },
                        };
                        return Task.WhenAll(copies.Select(c => s3.CopyObjectAsync(c, ct)));
                    }

                    public void Stored(List<PutObjectRequest> pending)
                    {
                        // Built here, sent by someone else: not judged.
                        var batch = new List<PutObjectRequest> { new() { BucketName = "reports", Key = "c.html" } };
                        pending.AddRange(batch);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task EncryptionWrittenByATupleAssignment_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ReportPublisher(IAmazonS3 s3, IConfiguration configuration)
                {
                    public async Task PublishAsync(string key, string html, CancellationToken ct)
                    {
                        var request = new PutObjectRequest { BucketName = "reports", Key = key, ContentBody = html };
                        (request.ServerSideEncryptionMethod, request.ServerSideEncryptionKeyManagementServiceKeyId) = (ServerSideEncryptionMethod.AWSKMSDSSE, configuration["Reports:KmsKeyArn"]);
                        await s3.PutObjectAsync(request, ct);
                    }

                    public async Task PublishAes256Async(string key, string html, CancellationToken ct)
                    {
                        var request = new PutObjectRequest { BucketName = "reports", Key = key, ContentBody = html };
                        (request.ContentType, request.ServerSideEncryptionMethod) = ("text/html", {|AISEC010:ServerSideEncryptionMethod.AES256|});
                        await s3.PutObjectAsync(request, ct);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Aes256ThroughATupleAssignment_HasNoFix()
        {
            var source = Prelude + """
                public sealed class ReportPublisher(IAmazonS3 s3)
                {
                    public async Task PublishAsync(string key, string html, CancellationToken ct)
                    {
                        var request = new PutObjectRequest { BucketName = "reports", Key = key, ContentBody = html };
                        (request.ContentType, request.ServerSideEncryptionMethod) = ("text/html", {|AISEC010:ServerSideEncryptionMethod.AES256|});
                        await s3.PutObjectAsync(request, ct);
                    }
                }
                """;
            return Verify.FixAsync(source, source, ReferenceCatalog.Aws);
        }
        [Fact]
        public Task Fix_ElementOfACollectionInitializer()
            => Verify.FixAsync(Prelude + """
                public sealed class ReportPublisher(IAmazonS3 s3, string kmsKeyArn)
                {
                    public async Task PublishManyAsync(CancellationToken ct)
                    {
                        var batch = new List<PutObjectRequest>
                        {
                            {|AISEC010:new()|} { BucketName = "reports", Key = "b.html", ContentBody = "b" },
                        };
                        foreach (var item in batch)
                        {
                            await s3.PutObjectAsync(item, ct);
                        }
                    }
                }
                """, Prelude + """
                public sealed class ReportPublisher(IAmazonS3 s3, string kmsKeyArn)
                {
                    public async Task PublishManyAsync(CancellationToken ct)
                    {
                        var batch = new List<PutObjectRequest>
                        {
                            new() { BucketName = "reports", Key = "b.html", ContentBody = "b", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyArn },
                        };
                        foreach (var item in batch)
                        {
                            await s3.PutObjectAsync(item, ct);
                        }
                    }
                }
                """, ReferenceCatalog.Aws);
    }
}
