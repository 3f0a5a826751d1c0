using AiSecure.Analyzers.CodeFixes.Rules;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC010: S3 object is written without a customer-managed KMS key.</summary>
    public class S3EncryptionTests
    {
        [Fact]
        public Task PutObjectWithoutEncryption_ReportedOnCreation_WithMessage()
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

                        public async Task SaveAsync(string bucket, string key, Stream weights)
                        {
                            var request = {|#0:new PutObjectRequest|}
                            {
                                BucketName = bucket,
                                Key = key,
                                InputStream = weights,
                                ContentType = "application/octet-stream",
                            };
                            await _s3.PutObjectAsync(request);
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKey).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("PutObjectRequest", "writes the S3 object without server-side encryption; use SSE-KMS (ServerSideEncryptionMethod.AWSKMS) with a customer-managed key id"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task SseS3_ReportedOnTheMethodAssignment_WithMessage()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    public class Reports
                    {
                        public Task UploadAsync(IAmazonS3 s3, string bucket, string body)
                            => s3.PutObjectAsync(new PutObjectRequest
                            {
                                BucketName = bucket,
                                Key = "reports/latest.json",
                                ContentBody = body,
                                {|#0:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|},
                            });
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKey).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("PutObjectRequest", "encrypts with SSE-S3 (AES256), whose keys you cannot restrict, audit or revoke; use SSE-KMS with a customer-managed key id"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task KmsWithoutKeyId_ReportedOnTheMethodAssignment_WithMessage()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    public class Reports
                    {
                        public async Task UploadAsync(IAmazonS3 s3, string bucket, string body)
                        {
                            var request = new PutObjectRequest { BucketName = bucket, Key = "a.json", ContentBody = body };
                            {|#0:request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|};
                            await s3.PutObjectAsync(request);
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKey).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("PutObjectRequest", "uses SSE-KMS with the AWS-managed key (no key id); set ServerSideEncryptionKeyManagementServiceKeyId to a customer-managed key"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task ConvenienceCall_ReportedOnTheCall_WithMessage()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.S3.Transfer;

                    public class Exporter
                    {
                        public Task ExportAsync(ITransferUtility transfer, string path, string bucket)
                            => {|#0:transfer.UploadAsync(path, bucket, "exports/model.onnx")|};
                    }
                    """,
                References = ReferenceCatalog.Aws,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.S3ObjectWithoutKmsKey).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("ITransferUtility.UploadAsync", "cannot carry a KMS key; call the overload that takes a TransferUtilityUploadRequest with SSE-KMS and a customer-managed key id"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task OtherWriteRequestsWithoutEncryption()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;

                public class Pipeline
                {
                    public async Task RunAsync(IAmazonS3 s3, TransferUtility transfer, string bucket)
                    {
                        await s3.CopyObjectAsync([|new CopyObjectRequest|]
                        {
                            SourceBucket = bucket,
                            SourceKey = "staging/model.bin",
                            DestinationBucket = bucket,
                            DestinationKey = "release/model.bin",
                        });

                        var init = [|new InitiateMultipartUploadRequest()|];
                        init.BucketName = bucket;
                        init.Key = "datasets/big.parquet";
                        await s3.InitiateMultipartUploadAsync(init);

                        await transfer.UploadAsync([|new TransferUtilityUploadRequest|] { BucketName = bucket, FilePath = "/data/train.csv", Key = "train.csv" });

                        var directory = [|new TransferUtilityUploadDirectoryRequest|] { BucketName = bucket, Directory = "/data/checkpoints", KeyPrefix = "checkpoints/" };
                        await transfer.UploadDirectoryAsync(directory);

                        var target = [|new PutObjectRequest|] { BucketName = bucket, Key = "k", ContentBody = "x" };
                        target.ServerSideEncryptionMethod = ServerSideEncryptionMethod.None;
                        await s3.PutObjectAsync(target);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task ConvenienceOverloads()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Transfer;

                public class Pipeline
                {
                    public async Task RunAsync(IAmazonS3 s3, AmazonS3Client client, ITransferUtility transfer, TransferUtility concrete, Stream stream, CancellationToken ct)
                    {
                        await [|s3.CopyObjectAsync("src", "a", "dst", "b")|];
                        await [|client.CopyObjectAsync("src", "a", "v1", "dst", "b", ct)|];
                        await [|s3.InitiateMultipartUploadAsync("bucket", "key", ct)|];
                        await [|transfer.UploadAsync("/tmp/model.bin", "bucket")|];
                        await [|transfer.UploadAsync(stream, "bucket", "key", ct)|];
                        await [|concrete.UploadWithResponseAsync("/tmp/model.bin", "bucket", "key")|];
                        await [|transfer.UploadDirectoryAsync("/tmp/out", "bucket", ct)|];
                        await [|transfer.UploadDirectoryAsync("/tmp/out", "bucket", "*.bin", SearchOption.AllDirectories, ct)|];
                        [|concrete.Upload("/tmp/model.bin", "bucket", "key")|];
                        [|concrete.UploadDirectory("/tmp/out", "bucket")|];
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KmsWithKeyId_IsSilent()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;
                using Microsoft.Extensions.Configuration;

                public class ArtifactStore
                {
                    private readonly IAmazonS3 _s3;
                    private readonly IConfiguration _config;
                    private readonly string _kmsKeyArn;

                    public ArtifactStore(IAmazonS3 s3, IConfiguration config)
                    {
                        _s3 = s3;
                        _config = config;
                        _kmsKeyArn = config["Aws:KmsKeyArn"]!;
                    }

                    public Task PutAsync(string bucket, string key, string body)
                        => _s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = bucket,
                            Key = key,
                            ContentBody = body,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = _config["Aws:KmsKeyArn"],
                        });

                    public async Task PutLaterAsync(string bucket, string key, string body, string kmsKeyId)
                    {
                        var request = new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body };
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMSDSSE;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
                        await _s3.PutObjectAsync(request);
                    }

                    public Task CopyAsync(string bucket)
                    {
                        var method = ServerSideEncryptionMethod.AWSKMS;
                        var copy = new CopyObjectRequest { SourceBucket = bucket, SourceKey = "a", DestinationBucket = bucket, DestinationKey = "b" };
                        copy.ServerSideEncryptionMethod = "aws:kms";
                        copy.ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyArn;
                        return _s3.CopyObjectAsync(copy);
                    }

                    public Task UploadAsync(ITransferUtility transfer, string path)
                        => transfer.UploadAsync(new TransferUtilityUploadRequest
                        {
                            FilePath = path,
                            BucketName = "models",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyArn,
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task UnknownValuesAndSseC_AreSilent()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public Task FromSettings(IAmazonS3 s3, ServerSideEncryptionMethod method, string key)
                        => s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k", ServerSideEncryptionMethod = method, ServerSideEncryptionKeyManagementServiceKeyId = key });

                    public Task CustomerKey(IAmazonS3 s3, string customerKey)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "b",
                            Key = "k",
                            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
                            ServerSideEncryptionCustomerProvidedKey = customerKey,
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task RequestsThatEscapeOrAreNeverSent_AreSilent()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    private readonly List<PutObjectRequest> _queue = new();
                    private PutObjectRequest? _last;

                    public PutObjectRequest Build(string bucket, string key) => new PutObjectRequest { BucketName = bucket, Key = key };

                    public PutObjectRequest BuildLocal(string bucket)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        return request;
                    }

                    public void Queue(string bucket)
                    {
                        _queue.Add(new PutObjectRequest { BucketName = bucket });
                        _last = new PutObjectRequest { BucketName = bucket };
                    }

                    public async Task SendConfigured(IAmazonS3 s3, string bucket)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        ApplyEncryption(request);
                        await s3.PutObjectAsync(request);
                    }

                    public void NeverSent(string bucket)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        System.Console.WriteLine(request.BucketName);
                    }

                    private static void ApplyEncryption(PutObjectRequest request)
                    {
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = "alias/models";
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task ReadsAndDownloads_AreSilent()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;

                public class Reader
                {
                    public async Task<string> ReadAsync(IAmazonS3 s3, ITransferUtility transfer, string bucket)
                    {
                        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = "prompt.txt" });
                        await s3.GetObjectAsync(bucket, "other.txt");
                        await transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = bucket, Key = "model.bin", FilePath = "/tmp/model.bin" });
                        await transfer.DownloadAsync("/tmp/m.bin", bucket, "m.bin");
                        await s3.DeleteObjectAsync(bucket, "old.bin");
                        await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
                        using var reader = new System.IO.StreamReader(response.ResponseStream);
                        return await reader.ReadToEndAsync();
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task WritesAfterTheSend_DoNotCount()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAsync(IAmazonS3 s3, string kmsKeyId)
                    {
                        var request = [|new PutObjectRequest|] { BucketName = "b", Key = "k", ContentBody = "x" };
                        await s3.PutObjectAsync(request);
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task ExplicitEmptyKeyId_IsKmsWithoutKey()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public Task SaveAsync(IAmazonS3 s3)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "b",
                            Key = "k",
                            [|ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|],
                            ServerSideEncryptionKeyManagementServiceKeyId = "",
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task UploadDirectoryFileRequestEventHandlers()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Transfer;

                public class Sync
                {
                    public Task EncryptsEachFile(ITransferUtility transfer, string kmsKeyId)
                    {
                        var request = new TransferUtilityUploadDirectoryRequest { BucketName = "b", Directory = "/out" };
                        request.UploadDirectoryFileRequestEvent += (sender, e) =>
                        {
                            e.UploadRequest.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            e.UploadRequest.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
                        };
                        return transfer.UploadDirectoryAsync(request);
                    }

                    public Task HandlerElsewhere(ITransferUtility transfer)
                    {
                        var request = new TransferUtilityUploadDirectoryRequest { BucketName = "b", Directory = "/out" };
                        request.UploadDirectoryFileRequestEvent += OnFile;
                        return transfer.UploadDirectoryAsync(request);
                    }

                    public Task HandlerSetsOnlyContentType(ITransferUtility transfer)
                    {
                        var request = [|new TransferUtilityUploadDirectoryRequest|] { BucketName = "b", Directory = "/out" };
                        request.UploadDirectoryFileRequestEvent += (sender, e) => e.UploadRequest.ContentType = "application/json";
                        return transfer.UploadDirectoryAsync(request);
                    }

                    public Task HandlerUsesSseS3(ITransferUtility transfer)
                    {
                        var request = new TransferUtilityUploadDirectoryRequest { BucketName = "b", Directory = "/out" };
                        request.UploadDirectoryFileRequestEvent += (sender, e) => [|e.UploadRequest.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|];
                        return transfer.UploadDirectoryAsync(request);
                    }

                    private static void OnFile(object? sender, UploadDirectoryFileRequestArgs e) { }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task BucketDefaultEncryption()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Buckets
                {
                    public Task SseS3Default(IAmazonS3 s3, string bucket)
                        => s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                        {
                            BucketName = bucket,
                            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                            {
                                ServerSideEncryptionRules = new List<ServerSideEncryptionRule>
                                {
                                    new ServerSideEncryptionRule
                                    {
                                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                                        {
                                            [|ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256|],
                                        },
                                    },
                                },
                            },
                        });

                    public Task AwsManagedKmsDefault(IAmazonS3 s3, string bucket)
                    {
                        var byDefault = new ServerSideEncryptionByDefault();
                        [|byDefault.ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS|];
                        var rule = new ServerSideEncryptionRule { ServerSideEncryptionByDefault = byDefault, BucketKeyEnabled = true };
                        return s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                        {
                            BucketName = bucket,
                            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration { ServerSideEncryptionRules = new List<ServerSideEncryptionRule> { rule } },
                        });
                    }

                    public Task CustomerManagedDefault(IAmazonS3 s3, string bucket, string kmsKeyId)
                        => s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                        {
                            BucketName = bucket,
                            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                            {
                                ServerSideEncryptionRules = new List<ServerSideEncryptionRule>
                                {
                                    new ServerSideEncryptionRule
                                    {
                                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                                        {
                                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS,
                                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                                        },
                                    },
                                },
                            },
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task BucketDefaultOption_TurnsOffThePerObjectCheck()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;

                public class Store
                {
                    public async Task SaveAsync(IAmazonS3 s3, ITransferUtility transfer)
                    {
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k", ContentBody = "x" });
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256 });
                        await transfer.UploadAsync("/tmp/a", "b");
                        var byDefault = new ServerSideEncryptionByDefault { [|ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256|] };
                        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
                        {
                            BucketName = "b",
                            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
                            {
                                ServerSideEncryptionRules = new() { new ServerSideEncryptionRule { ServerSideEncryptionByDefault = byDefault } },
                            },
                        });
                    }
                }
                """, ReferenceCatalog.Aws, editorConfig: "aisecure.s3_bucket_default_encryption = true");

        [Fact]
        public Task GeneratedCode_IsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Generated
                {
                    public Task SaveAsync(IAmazonS3 s3) => s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k" });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task NoAwsSdk_IsSilent()
            => Verify.AnalyzeAsync("""
                public class PutObjectRequest { public string? Key { get; set; } }

                public class Store
                {
                    public PutObjectRequest Make() => new PutObjectRequest { Key = "k" };
                }
                """);

        [Fact]
        public Task BrokenCode_DoesNotCrash()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAsync(IAmazonS3 s3)
                    {
                        var request = new PutObjectRequest { BucketName = , Key = "k" ServerSideEncryptionMethod = };
                        request.ServerSideEncryptionKeyManagementServiceKeyId = 
                        await s3.PutObjectAsync(request
                        await s3.UploadObjectFromFilePathAsync(
                    }
                }
                """, ReferenceCatalog.Aws, compilerDiagnostics: CompilerDiagnostics.None);

        // ------------------------------------------------------------------ fixes

        [Fact]
        public Task Fix_AddsKmsAndKeyFromParameter()
            => Verify.FixAsync("""
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class ModelStore
                {
                    public async Task SaveAsync(IAmazonS3 s3, string bucket, Stream weights, string kmsKeyArn)
                    {
                        var request = [|new PutObjectRequest|]
                        {
                            BucketName = bucket,
                            Key = "model.bin",
                            InputStream = weights
                        };
                        await s3.PutObjectAsync(request);
                    }
                }
                """, """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class ModelStore
                {
                    public async Task SaveAsync(IAmazonS3 s3, string bucket, Stream weights, string kmsKeyArn)
                    {
                        var request = new PutObjectRequest
                        {
                            BucketName = bucket,
                            Key = "model.bin",
                            InputStream = weights,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyArn
                        };
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_ReplacesSseS3AndAddsKeyAfterIt_FromField()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Reports
                {
                    private readonly string _kmsKeyId = "alias/reports";

                    public Task UploadAsync(IAmazonS3 s3, string body)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "reports",
                            [|ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|],
                            ContentBody = body,
                        });
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Reports
                {
                    private readonly string _kmsKeyId = "alias/reports";

                    public Task UploadAsync(IAmazonS3 s3, string body)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "reports",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ContentBody = body,
                            ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId,
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_KmsWithoutKey_InsertsTheKeyStatement_FromEnvironment()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Reports
                {
                    public async Task UploadAsync(IAmazonS3 s3, string body)
                    {
                        var request = new PutObjectRequest { BucketName = "b", Key = "a.json", ContentBody = body };
                        [|request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|];
                        await s3.PutObjectAsync(request);
                    }
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Reports
                {
                    public async Task UploadAsync(IAmazonS3 s3, string body)
                    {
                        var request = new PutObjectRequest { BucketName = "b", Key = "a.json", ContentBody = body };
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID");
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_ReplacesEmptyKeyAndKeepsDsse_FromOption()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Microsoft.Extensions.Configuration;

                public class Store
                {
                    private readonly IConfiguration Configuration;

                    public Store(IConfiguration configuration) => Configuration = configuration;

                    public Task SaveAsync(IAmazonS3 s3)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "b",
                            [|ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMSDSSE|],
                            ServerSideEncryptionKeyManagementServiceKeyId = string.Empty,
                        });
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Microsoft.Extensions.Configuration;

                public class Store
                {
                    private readonly IConfiguration Configuration;

                    public Store(IConfiguration configuration) => Configuration = configuration;

                    public Task SaveAsync(IAmazonS3 s3)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "b",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMSDSSE,
                            ServerSideEncryptionKeyManagementServiceKeyId = Configuration["Aws:KmsKeyArn"],
                        });
                }
                """, ReferenceCatalog.Aws,
                editorConfig: "aisecure.kms_key_id = Configuration[\"Aws:KmsKeyArn\"]");

        [Fact]
        public Task Fix_EmptyCreationGetsAnInitializer_FromOptionsObject()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public sealed class StorageOptions
                {
                    public string Bucket { get; set; } = "";
                    public string KmsKeyArn { get; set; } = "";
                }

                public class Store
                {
                    private readonly StorageOptions _options;

                    public Store(StorageOptions options) => _options = options;

                    public async Task SaveAsync(IAmazonS3 s3, string body)
                    {
                        var request = [|new PutObjectRequest()|];
                        request.BucketName = _options.Bucket;
                        request.ContentBody = body;
                        await s3.PutObjectAsync(request);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public sealed class StorageOptions
                {
                    public string Bucket { get; set; } = "";
                    public string KmsKeyArn { get; set; } = "";
                }

                public class Store
                {
                    private readonly StorageOptions _options;

                    public Store(StorageOptions options) => _options = options;

                    public async Task SaveAsync(IAmazonS3 s3, string body)
                    {
                        var request = new PutObjectRequest { ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = _options.KmsKeyArn };
                        request.BucketName = _options.Bucket;
                        request.ContentBody = body;
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_ConvenienceCall_BecomesTheRequestForm_KeepingTheCancellationToken()
            => Verify.FixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3.Transfer;

                public class Exporter
                {
                    public async Task ExportAsync(ITransferUtility transfer, string path, string bucket, string kmsKeyId, CancellationToken cancellationToken)
                    {
                        await [|transfer.UploadAsync(path, bucket, "exports/model.onnx", cancellationToken)|];
                    }
                }
                """, """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Transfer;

                public class Exporter
                {
                    public async Task ExportAsync(ITransferUtility transfer, string path, string bucket, string kmsKeyId, CancellationToken cancellationToken)
                    {
                        await transfer.UploadAsync(new TransferUtilityUploadRequest
                        {
                            FilePath = path,
                            BucketName = bucket,
                            Key = "exports/model.onnx",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                        }, cancellationToken);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_CopyConvenienceCall()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;

                public class Promoter
                {
                    public Task PromoteAsync(IAmazonS3 s3, string bucket, string kmsKeyId)
                        => [|s3.CopyObjectAsync(bucket, "staging/model.bin", bucket, "release/model.bin")|];
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Promoter
                {
                    public Task PromoteAsync(IAmazonS3 s3, string bucket, string kmsKeyId)
                        => s3.CopyObjectAsync(new CopyObjectRequest
                        {
                            SourceBucket = bucket,
                            SourceKey = "staging/model.bin",
                            DestinationBucket = bucket,
                            DestinationKey = "release/model.bin",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                        });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_BucketDefault()
            => Verify.FixAsync("""
                using Amazon.S3;
                using Amazon.S3.Model;

                public static class Defaults
                {
                    public static ServerSideEncryptionRule Rule(string kmsKey) => new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { [|ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AES256|] },
                    };
                }
                """, """
                using Amazon.S3;
                using Amazon.S3.Model;

                public static class Defaults
                {
                    public static ServerSideEncryptionRule Rule(string kmsKey) => new ServerSideEncryptionRule
                    {
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault { ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKey },
                    };
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task FixAll_FixesEveryRequestInTheFile()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAllAsync(IAmazonS3 s3, string kmsKeyId)
                    {
                        await s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b", Key = "a" });
                        await s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b", Key = "b" });
                        await s3.CopyObjectAsync([|new CopyObjectRequest|] { SourceBucket = "b", SourceKey = "a", DestinationBucket = "c", DestinationKey = "a" });
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAllAsync(IAmazonS3 s3, string kmsKeyId)
                    {
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "a", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId });
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "b", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId });
                        await s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = "b", SourceKey = "a", DestinationBucket = "c", DestinationKey = "a", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId });
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task FixAll_AddsUsingSystemOnce()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAllAsync(IAmazonS3 s3)
                    {
                        await s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b", Key = "a" });
                        await s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b", Key = "b" });
                    }
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAllAsync(IAmazonS3 s3)
                    {
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "a", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID") });
                        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "b", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID") });
                    }
                }
                """, ReferenceCatalog.Aws);
    
        [Fact]
        public Task Fix_FixedCodeHasNoNullableWarnings()
            => new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    internal class Store
                    {
                        private readonly string? _kmsKeyId = Environment.GetEnvironmentVariable("KMS");

                        internal async Task SaveAsync(IAmazonS3 s3)
                        {
                            await s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b", Key = "a" });
                        }
                    }
                    """,
                FixedCode = """
                    using System;
                    using System.Threading.Tasks;
                    using Amazon.S3;
                    using Amazon.S3.Model;

                    internal class Store
                    {
                        private readonly string? _kmsKeyId = Environment.GetEnvironmentVariable("KMS");

                        internal async Task SaveAsync(IAmazonS3 s3)
                        {
                            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "a", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId });
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                CompilerDiagnostics = CompilerDiagnostics.Warnings,
            }.RunWithStubsAsync();
    
        [Fact]
        public Task RealisticServiceShapes()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.Logging;

                public sealed class DocumentIngestion
                {
                    private readonly IAmazonS3 _s3;
                    private readonly ILogger<DocumentIngestion> _logger;
                    private readonly string _bucket = "rag-documents";

                    public DocumentIngestion(IAmazonS3 s3, ILogger<DocumentIngestion> logger)
                    {
                        _s3 = s3;
                        _logger = logger;
                    }

                    public async Task<string> StoreUploadAsync(IFormFile file, CancellationToken cancellationToken)
                    {
                        await using var stream = file.OpenReadStream();
                        PutObjectRequest request = [|new()|]
                        {
                            BucketName = _bucket,
                            Key = $"uploads/{Guid.NewGuid():N}/{file.FileName}",
                            InputStream = stream,
                            ContentType = file.ContentType,
                        };
                        _logger.LogInformation("Storing {Key} ({Json})", request.Key, JsonSerializer.Serialize(request.Metadata));
                        await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
                        return request.Key;
                    }

                    public Task StoreWithRetryAsync(string key, string text)
                    {
                        var request = new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = text };
                        [|request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|];
                        request.ServerSideEncryptionKeyManagementServiceKeyId = "alias/aws/s3";
                        return Retry(() => _s3.PutObjectAsync(request));
                    }

                    public Task StoreAllAsync(IEnumerable<string> keys)
                        => Task.WhenAll(keys.Select(key => _s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = _bucket, Key = key, ContentBody = "{}" })));

                    public async Task ExportAsync(string path)
                    {
                        using var transfer = new TransferUtility(_s3);
                        await [|transfer.UploadAsync(path, _bucket)|];
                        // Encrypted on one branch only: every other file is written without SSE-KMS.
                        var upload = [|new TransferUtilityUploadRequest|] { FilePath = path, BucketName = _bucket };
                        if (path.EndsWith(".bin", StringComparison.Ordinal))
                        {
                            upload.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            upload.ServerSideEncryptionKeyManagementServiceKeyId = Environment.GetEnvironmentVariable("MODELS_KMS_KEY");
                        }

                        await transfer.UploadAsync(upload);
                    }

                    private static async Task Retry(Func<Task> action)
                    {
                        for (var attempt = 0; ; attempt++)
                        {
                            try { await action(); return; }
                            catch (AmazonS3Exception) when (attempt < 3) { }
                        }
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_OtherConvenienceOverloads()
            => Verify.FixAsync("""
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;

                public class Sync
                {
                    public async Task RunAsync(IAmazonS3 s3, TransferUtility transfer, string kmsKeyId)
                    {
                        [|transfer.Upload("/data/model.bin", "models")|];
                        await [|transfer.UploadDirectoryAsync(searchPattern: "*.parquet", directory: "/data", bucketName: "datasets", searchOption: SearchOption.AllDirectories)|];
                        var upload = await [|s3.InitiateMultipartUploadAsync("datasets", "big.parquet")|];
                    }
                }
                """, """
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.S3.Transfer;

                public class Sync
                {
                    public async Task RunAsync(IAmazonS3 s3, TransferUtility transfer, string kmsKeyId)
                    {
                        transfer.Upload(new TransferUtilityUploadRequest
                        {
                            FilePath = "/data/model.bin",
                            BucketName = "models",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                        });
                        await transfer.UploadDirectoryAsync(new TransferUtilityUploadDirectoryRequest
                        {
                            SearchPattern = "*.parquet",
                            Directory = "/data",
                            BucketName = "datasets",
                            SearchOption = SearchOption.AllDirectories,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                        });
                        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
                        {
                            BucketName = "datasets",
                            Key = "big.parquet",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId,
                        });
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Fix_AwsManagedAliasIsReplaced()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public Task SaveAsync(IAmazonS3 s3, string modelsKmsKey)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "b",
                            [|ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|],
                            ServerSideEncryptionKeyManagementServiceKeyId = "alias/aws/s3",
                        });
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public Task SaveAsync(IAmazonS3 s3, string modelsKmsKey)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = "b",
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = modelsKmsKey,
                        });
                }
                """, ReferenceCatalog.Aws);
    
        [Fact]
        public Task Fix_KeepsCommentsWhereTheyAre()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAsync(IAmazonS3 s3, string kmsKeyId)
                    {
                        var request = [|new PutObjectRequest|]
                        {
                            BucketName = "b",
                            // The object key is the model version.
                            Key = "v1" // trailing note
                        };
                        await s3.PutObjectAsync(request);

                        var copy = new CopyObjectRequest { SourceBucket = "b", SourceKey = "a", DestinationBucket = "c", DestinationKey = "a" };
                        // Encrypt like the source.
                        [|copy.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|];
                        await s3.CopyObjectAsync(copy);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public async Task SaveAsync(IAmazonS3 s3, string kmsKeyId)
                    {
                        var request = new PutObjectRequest
                        {
                            BucketName = "b",
                            // The object key is the model version.
                            Key = "v1", // trailing note
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId
                        };
                        await s3.PutObjectAsync(request);

                        var copy = new CopyObjectRequest { SourceBucket = "b", SourceKey = "a", DestinationBucket = "c", DestinationKey = "a" };
                        // Encrypt like the source.
                        copy.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        copy.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
                        await s3.CopyObjectAsync(copy);
                    }
                }
                """, ReferenceCatalog.Aws);
    
        [Fact]
        public Task Fix_BadKeyOption_FallsBackToTheSymbolInScope()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public Task SaveAsync(IAmazonS3 s3, string kmsKeyId)
                        => s3.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b" });
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class Store
                {
                    public Task SaveAsync(IAmazonS3 s3, string kmsKeyId)
                        => s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId });
                }
                """, ReferenceCatalog.Aws, editorConfig: "aisecure.kms_key_id = Configuration[\"Aws:");
    
        [Fact]
        public Task BucketDefaultWithoutAlgorithm()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using Amazon.S3;
                using Amazon.S3.Model;

                public static class Defaults
                {
                    public static ServerSideEncryptionRule InPlace() => new ServerSideEncryptionRule { ServerSideEncryptionByDefault = [|new ServerSideEncryptionByDefault()|] };

                    public static ServerSideEncryptionByDefault Partial() => new ServerSideEncryptionByDefault();

                    public static ServerSideEncryptionByDefault Explicit() => new ServerSideEncryptionByDefault { [|ServerSideEncryptionAlgorithm = "AES256"|] };
                }
                """, ReferenceCatalog.Aws);
    
        [Fact]
        public Task ClientSideEncryptionClient_IsSilent()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.Extensions.S3.Encryption;
                using Amazon.S3;
                using Amazon.S3.Model;

                namespace Amazon.Extensions.S3.Encryption
                {
                    // Stand-in for the Amazon.Extensions.S3.Encryption package's client.
                    public class AmazonS3EncryptionClientV2 : AmazonS3Client { }
                }

                public class Vault
                {
                    public Task SaveAsync(AmazonS3EncryptionClientV2 encrypted, IAmazonS3 plain)
                        => Task.WhenAll(
                            encrypted.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "secret" }),
                            plain.PutObjectAsync([|new PutObjectRequest|] { BucketName = "b", Key = "plain" }));
                }
                """, ReferenceCatalog.Aws);
        [Fact]
        public Task RequestChosenByConditionalOrSwitch_EachBranchJudged()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public enum Format { Json, Parquet }

                public class ExportWorker
                {
                    private readonly IAmazonS3 _s3;
                    private readonly string _bucket;
                    private readonly string _kmsKeyId;

                    public ExportWorker(IAmazonS3 s3, string bucket, string kmsKeyId) => (_s3, _bucket, _kmsKeyId) = (s3, bucket, kmsKeyId);

                    public async Task ExportAsync(string key, byte[] data, bool gzip, CancellationToken ct)
                    {
                        var request = gzip
                            ? [|new PutObjectRequest|] { BucketName = _bucket, Key = key + ".gz", InputStream = new MemoryStream(data), ContentType = "application/gzip" }
                            : [|new PutObjectRequest|] { BucketName = _bucket, Key = key, InputStream = new MemoryStream(data) };
                        await _s3.PutObjectAsync(request, ct);
                    }

                    public async Task ExportAsync(string key, string body, Format format, CancellationToken ct)
                    {
                        PutObjectRequest request = format switch
                        {
                            Format.Parquet => [|new()|] { BucketName = _bucket, Key = key + ".parquet", ContentBody = body },
                            _ => new() { BucketName = _bucket, Key = key + ".json", ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId },
                        };
                        await _s3.PutObjectAsync(request, ct);
                    }

                    public async Task ExportEncryptedAsync(string key, string body, bool archive, CancellationToken ct)
                    {
                        var request = archive
                            ? new PutObjectRequest { BucketName = _bucket, Key = "archive/" + key, ContentBody = body }
                            : new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = body };
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId;
                        await _s3.PutObjectAsync(request, ct);
                    }

                    public PutObjectRequest Build(string key, bool archive)
                        => archive ? new PutObjectRequest { BucketName = _bucket, Key = "archive/" + key } : new PutObjectRequest { BucketName = _bucket, Key = key };
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task FixRequestChosenByConditional()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class ExportWorker
                {
                    public async Task ExportAsync(IAmazonS3 s3, string bucket, string key, string body, bool archive, string kmsKeyId)
                    {
                        var request = archive
                            ? [|new PutObjectRequest|] { BucketName = bucket, Key = "archive/" + key, ContentBody = body }
                            : [|new PutObjectRequest|] { BucketName = bucket, Key = key, ContentBody = body };
                        await s3.PutObjectAsync(request);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                public class ExportWorker
                {
                    public async Task ExportAsync(IAmazonS3 s3, string bucket, string key, string body, bool archive, string kmsKeyId)
                    {
                        var request = archive
                            ? new PutObjectRequest { BucketName = bucket, Key = "archive/" + key, ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId }
                            : new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId };
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);
        [Fact]
        public Task Fix_ConvenienceCalls_InRealisticServices()
            => Verify.FixAsync("""
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.S3;
                using Amazon.S3.Transfer;
                using Microsoft.Extensions.Configuration;

                public sealed record S3Settings(string Bucket, string? KmsKeyId);

                public sealed class ArtifactUploader(ITransferUtility transfer, IConfiguration configuration, S3Settings settings)
                {
                    public Task UploadAsync(string path, CancellationToken ct)
                        => [|transfer.UploadAsync(path, configuration["Artifacts:Bucket"], ct)|];

                    public async Task UploadStreamAsync(Stream stream, string key, CancellationToken ct)
                    {
                        using var client = new AmazonS3Client(RegionEndpoint.EUWest1);
                        using var utility = new TransferUtility(client);
                        await [|utility.UploadAsync(stream, settings.Bucket, key, ct)|];
                    }

                    public void Export(string path) => [|new TransferUtility(new AmazonS3Client()).Upload(path, settings.Bucket)|];
                }
                """, """
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon;
                using Amazon.S3;
                using Amazon.S3.Transfer;
                using Microsoft.Extensions.Configuration;

                public sealed record S3Settings(string Bucket, string? KmsKeyId);

                public sealed class ArtifactUploader(ITransferUtility transfer, IConfiguration configuration, S3Settings settings)
                {
                    public Task UploadAsync(string path, CancellationToken ct)
                        => transfer.UploadAsync(new TransferUtilityUploadRequest
                        {
                            FilePath = path,
                            BucketName = configuration["Artifacts:Bucket"],
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId,
                        }, ct);

                    public async Task UploadStreamAsync(Stream stream, string key, CancellationToken ct)
                    {
                        using var client = new AmazonS3Client(RegionEndpoint.EUWest1);
                        using var utility = new TransferUtility(client);
                        await utility.UploadAsync(new TransferUtilityUploadRequest
                        {
                            InputStream = stream,
                            BucketName = settings.Bucket,
                            Key = key,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId,
                        }, ct);
                    }

                    public void Export(string path) => new TransferUtility(new AmazonS3Client()).Upload(new TransferUtilityUploadRequest
                    {
                        FilePath = path,
                        BucketName = settings.Bucket,
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = settings.KmsKeyId,
                    });
                }
                """, ReferenceCatalog.Aws);
    }
}
