using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC010 on repository- and job-shaped service code: shared private builders, fan-out uploads, archive copies, options-bound keys.</summary>
    public class S3EncryptionServiceTests
    {
        private const string Prelude = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.S3.Transfer;

            public sealed class S3Options
            {
                public string Bucket { get; set; } = "";
                public string ArchiveBucket { get; set; } = "";
                public string? KmsKeyId { get; set; }
            }

            public interface IOptions<out T> where T : class { T Value { get; } }
            public interface IOptionsMonitor<out T> where T : class { T CurrentValue { get; } }

            public sealed record Document(string Id, string Body);

            """;

        [Fact]
        public Task RepositoryWithASharedBuilder_OneCallerSetsTheKeyAfter_TheOtherDoesNot_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class DocumentRepository
                {
                    private readonly IAmazonS3 _s3;
                    private readonly S3Options _options;

                    public DocumentRepository(IAmazonS3 s3, IOptions<S3Options> options)
                    {
                        _s3 = s3;
                        _options = options.Value;
                    }

                    private PutObjectRequest BuildPutRequest(string key, string body, string contentType = "application/json")
                    {
                        return {|AISEC010:new PutObjectRequest|}
                        {
                            BucketName = _options.Bucket,
                            Key = key,
                            ContentBody = body,
                            ContentType = contentType,
                        };
                    }

                    public async Task SaveAsync(Document document, CancellationToken cancellationToken)
                    {
                        var request = BuildPutRequest($"documents/{document.Id}.json", document.Body);
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = _options.KmsKeyId;
                        await _s3.PutObjectAsync(request, cancellationToken);
                    }

                    public async Task SaveDraftAsync(Document document, CancellationToken cancellationToken)
                    {
                        var request = BuildPutRequest($"drafts/{document.Id}.json", document.Body);
                        await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task FanOutUploads_LoopAndSelect_Reported_EncryptedFanOut_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class BatchUploader(IAmazonS3 s3, IOptions<S3Options> options)
                {
                    public async Task UploadAllAsync(IReadOnlyList<Document> documents, CancellationToken ct)
                    {
                        var uploads = new List<Task<PutObjectResponse>>();
                        foreach (var document in documents)
                        {
                            var request = {|AISEC010:new PutObjectRequest|}
                            {
                                BucketName = options.Value.Bucket,
                                Key = $"batch/{document.Id}",
                                ContentBody = document.Body,
                            };
                            uploads.Add(s3.PutObjectAsync(request, ct));
                        }

                        await Task.WhenAll(uploads);
                    }

                    public Task UploadSelectedAsync(IEnumerable<Document> documents, CancellationToken ct)
                        => Task.WhenAll(documents.Select(d => s3.PutObjectAsync({|AISEC010:new PutObjectRequest|}
                        {
                            BucketName = options.Value.Bucket,
                            Key = d.Id,
                            ContentBody = d.Body,
                        }, ct)));

                    public Task UploadSelectedEncryptedAsync(IEnumerable<Document> documents, CancellationToken ct)
                        => Task.WhenAll(documents.Select(d => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = d.Id,
                            ContentBody = d.Body,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        }, ct)));

                    public async Task UploadEncryptedLoopAsync(IReadOnlyList<Document> documents, CancellationToken ct)
                    {
                        var tasks = new List<Task>();
                        for (var i = 0; i < documents.Count; i++)
                        {
                            var request = new PutObjectRequest { BucketName = options.Value.Bucket, Key = documents[i].Id, ContentBody = documents[i].Body };
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                            tasks.Add(s3.PutObjectAsync(request, ct));
                        }

                        await Task.WhenAll(tasks);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task RequestsProjectedWithSelect_ThenSent_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class BatchUploader(IAmazonS3 s3, IOptions<S3Options> options)
                {
                    public async Task UploadAllAsync(IEnumerable<Document> documents, CancellationToken ct)
                    {
                        var requests = documents.Select(d => {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.Bucket, Key = d.Id, ContentBody = d.Body }).ToList();
                        await Task.WhenAll(requests.Select(r => s3.PutObjectAsync(r, ct)));
                    }

                    public async Task UploadListedAsync(IEnumerable<Document> documents, CancellationToken ct)
                    {
                        var requests = new List<PutObjectRequest>();
                        foreach (var d in documents)
                        {
                            var request = {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.Bucket, Key = d.Id, ContentBody = d.Body };
                            requests.Add(request);
                        }

                        requests.Add({|AISEC010:new PutObjectRequest|} { BucketName = options.Value.Bucket, Key = "manifest.json", ContentBody = "{}" });
                        foreach (var request in requests)
                        {
                            await s3.PutObjectAsync(request, ct);
                        }
                    }

                    public async Task UploadListedEncryptedAsync(IEnumerable<Document> documents, CancellationToken ct)
                    {
                        var requests = documents.Select(d => new PutObjectRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = d.Id,
                            ContentBody = d.Body,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        }).ToArray();
                        await Parallel.ForEachAsync(requests, ct, async (request, token) => await s3.PutObjectAsync(request, token));
                    }

                    public List<PutObjectRequest> Stage(IEnumerable<Document> documents)
                    {
                        // Handed to the caller unsent: not judged here.
                        var staged = new List<PutObjectRequest>();
                        foreach (var d in documents)
                        {
                            staged.Add(new PutObjectRequest { BucketName = options.Value.Bucket, Key = d.Id, ContentBody = d.Body });
                        }

                        return staged;
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task TransferUtilityRequestsWithAutoCloseStream()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ModelPublisher(ITransferUtility transfer, IOptions<S3Options> options)
                {
                    public Task PublishAsync(Stream weights, string name, CancellationToken ct)
                    {
                        var upload = {|AISEC010:new TransferUtilityUploadRequest|}
                        {
                            BucketName = options.Value.Bucket,
                            Key = $"models/{name}",
                            InputStream = weights,
                            AutoCloseStream = true,
                            PartSize = 16 * 1024 * 1024,
                        };
                        return transfer.UploadAsync(upload, ct);
                    }

                    public async Task PublishEncryptedAsync(Stream weights, string name, CancellationToken ct)
                    {
                        await transfer.UploadAsync(new TransferUtilityUploadRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = $"models/{name}",
                            InputStream = weights,
                            AutoCloseStream = true,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        }, ct);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task ArchiveJobCopies_Sse_S3Reported_KmsFromOptionsMonitorSilent()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ArchiveJob(IAmazonS3 s3, IOptionsMonitor<S3Options> options)
                {
                    public async Task ArchiveAsync(IEnumerable<string> keys, CancellationToken ct)
                    {
                        var settings = options.CurrentValue;
                        foreach (var key in keys)
                        {
                            await s3.CopyObjectAsync(new CopyObjectRequest
                            {
                                SourceBucket = settings.Bucket,
                                SourceKey = key,
                                DestinationBucket = settings.ArchiveBucket,
                                DestinationKey = $"archive/{key}",
                                ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                                ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId,
                            }, ct);
                        }
                    }

                    public async Task ArchiveLegacyAsync(string key, CancellationToken ct)
                    {
                        var copy = new CopyObjectRequest
                        {
                            SourceBucket = options.CurrentValue.Bucket,
                            SourceKey = key,
                            DestinationBucket = options.CurrentValue.ArchiveBucket,
                            DestinationKey = key,
                            {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|},
                        };
                        await s3.CopyObjectAsync(copy, ct);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task MethodsConstructedFromStrings_AndConditionalKeys()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class BlobStore(IAmazonS3 s3, IOptions<S3Options> options)
                {
                    private readonly string _fallbackKmsKey = Environment.GetEnvironmentVariable("S3_KMS_KEY") ?? throw new InvalidOperationException();

                    public Task SaveKmsAsync(string key, string body, string? kmsKeyId)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = key,
                            ContentBody = body,
                            ServerSideEncryptionMethod = new ServerSideEncryptionMethod("aws:kms"),
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId ?? _fallbackKmsKey,
                        });

                    public Task SaveFoundAsync(string key, string body)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = key,
                            ContentBody = body,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.FindValue("aws:kms"),
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId ?? _fallbackKmsKey,
                        });

                    public Task SaveAesAsync(string key, string body)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = key,
                            ContentBody = body,
                            {|AISEC010:ServerSideEncryptionMethod = new ServerSideEncryptionMethod("AES256")|},
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task EncryptionAppliedByAHelperOrExtension_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public static class S3RequestExtensions
                {
                    public static PutObjectRequest WithKms(this PutObjectRequest request, string? keyId)
                    {
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = keyId;
                        return request;
                    }
                }

                public sealed class BlobStore(IAmazonS3 s3, IOptions<S3Options> options)
                {
                    private void ApplyEncryption(PutObjectRequest request)
                    {
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                    }

                    public async Task SaveAsync(string key, string body)
                    {
                        var request = new PutObjectRequest { BucketName = options.Value.Bucket, Key = key, ContentBody = body };
                        ApplyEncryption(request);
                        await s3.PutObjectAsync(request);
                    }

                    public Task SaveFluentAsync(string key, string body)
                        => s3.PutObjectAsync(new PutObjectRequest { BucketName = options.Value.Bucket, Key = key, ContentBody = body }.WithKms(options.Value.KmsKeyId));
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task MultipartUploadAndBucketDefault()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class LargeUploads(IAmazonS3 s3, IOptions<S3Options> options)
                {
                    public async Task<string> StartAsync(string key, CancellationToken ct)
                    {
                        var response = await s3.InitiateMultipartUploadAsync({|AISEC010:new InitiateMultipartUploadRequest|} { BucketName = options.Value.Bucket, Key = key }, ct);
                        return response.UploadId;
                    }

                    public async Task<string> StartEncryptedAsync(string key, CancellationToken ct)
                    {
                        var response = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
                        {
                            BucketName = options.Value.Bucket,
                            Key = key,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        }, ct);
                        return response.UploadId;
                    }

                    public Task EnforceBucketDefaultAsync(CancellationToken ct)
                        => s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                        {
                            BucketName = options.Value.Bucket,
                            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                            {
                                ServerSideEncryptionRules =
                                [
                                    new ServerSideEncryptionRule
                                    {
                                        BucketKeyEnabled = true,
                                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                                        {
                                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS,
                                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                                        },
                                    },
                                ],
                            },
                        }, ct);

                    public Task EnforceAesDefaultAsync(CancellationToken ct)
                        => s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                        {
                            BucketName = options.Value.Bucket,
                            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                            {
                                ServerSideEncryptionRules =
                                [
                                    new ServerSideEncryptionRule
                                    {
                                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { {|AISEC010:ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256|} },
                                    },
                                ],
                            },
                        }, ct);
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task LocalFunctionBuilders_JudgedWithTheirCalls()
            => Verify.AnalyzeAsync(Prelude + """
                public sealed class ReportExporter(IAmazonS3 s3, IOptions<S3Options> options)
                {
                    public async Task ExportAsync(IEnumerable<Document> documents, CancellationToken ct)
                    {
                        PutObjectRequest Build(Document d) => {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.Bucket, Key = d.Id, ContentBody = d.Body };

                        foreach (var document in documents)
                        {
                            await s3.PutObjectAsync(Build(document), ct);
                        }
                    }

                    public async Task ExportEncryptedAsync(IEnumerable<Document> documents, CancellationToken ct)
                    {
                        PutObjectRequest Build(Document d) => new PutObjectRequest { BucketName = options.Value.Bucket, Key = d.Id, ContentBody = d.Body };

                        foreach (var document in documents)
                        {
                            var request = Build(document);
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                            await s3.PutObjectAsync(request, ct);
                        }
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_RequestProjectedWithSelect()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Exporter
                {
                    public Task ExportAsync(IAmazonS3 s3, IEnumerable<string> keys, string kmsKeyId)
                    {
                        var requests = keys.Select(k => [|new PutObjectRequest|] { BucketName = "exports", Key = k, ContentBody = "{}" }).ToList();
                        return Task.WhenAll(requests.Select(r => s3.PutObjectAsync(r)));
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Exporter
                {
                    public Task ExportAsync(IAmazonS3 s3, IEnumerable<string> keys, string kmsKeyId)
                    {
                        var requests = keys.Select(k => new PutObjectRequest { BucketName = "exports", Key = k, ContentBody = "{}", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId }).ToList();
                        return Task.WhenAll(requests.Select(r => s3.PutObjectAsync(r)));
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task TargetTypedRequests_FixAddsKmsAndTheKey()
            => Verify.FixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public sealed class Snapshots(IAmazonS3 s3, string kmsKeyArn)
                {
                    public async Task SaveAsync(string key, string json, CancellationToken ct)
                    {
                        PutObjectRequest request = [|new()|]
                        {
                            BucketName = "snapshots",
                            Key = key,
                            ContentBody = json,
                        };
                        await s3.PutObjectAsync(request, ct);
                    }
                }
                """, """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public sealed class Snapshots(IAmazonS3 s3, string kmsKeyArn)
                {
                    public async Task SaveAsync(string key, string json, CancellationToken ct)
                    {
                        PutObjectRequest request = new()
                        {
                            BucketName = "snapshots",
                            Key = key,
                            ContentBody = json,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyArn,
                        };
                        await s3.PutObjectAsync(request, ct);
                    }
                }
                """, ReferenceCatalog.Aws);
    }
}
