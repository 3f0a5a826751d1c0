using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC010 on service-shaped code: branches, options, DI factories, async helpers, loops, inline clients.</summary>
    public class S3EncryptionRealisticTests
    {
        private const string Prelude = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.S3.Transfer;

            public sealed class AwsOptions
            {
                public string BucketName { get; set; } = "";
                public string KmsKeyId { get; set; } = "";
                public bool Archive { get; set; }
            }

            public interface IOptions<out T> where T : class { T Value { get; } }

            public enum Tier { Hot, Cold, Archive }

            """;

        [Fact]
        public Task KeySetOnOneBranchOnly_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveAsync(string key, Stream body, bool sensitive)
                    {
                        var request = new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            InputStream = body,
                            {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        };
                        if (sensitive)
                        {
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }

                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task EncryptionSetOnOneBranchOnly_ReportedAtTheCreation()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveAsync(string key, Stream body, bool sensitive, CancellationToken ct)
                    {
                        var request = {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        if (sensitive)
                        {
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }
                        else
                        {
                            request.ContentType = "text/plain";
                        }

                        await s3.PutObjectAsync(request, ct);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KeySetOnEveryBranch_IfElseAndSwitch_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveAsync(string key, Stream body, bool sensitive)
                    {
                        var request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        if (sensitive)
                        {
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }
                        else
                        {
                            request.ServerSideEncryptionKeyManagementServiceKeyId = Environment.GetEnvironmentVariable("ARCHIVE_KMS_KEY");
                        }

                        await s3.PutObjectAsync(request);
                    }

                    public async Task SaveTieredAsync(string key, Stream body, Tier tier)
                    {
                        var request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        switch (tier)
                        {
                            case Tier.Hot:
                                request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                                request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                                break;
                            case Tier.Cold:
                            case Tier.Archive:
                                request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMSDSSE;
                                request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                                break;
                            default:
                                throw new ArgumentOutOfRangeException(nameof(tier));
                        }

                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task SwitchWithoutDefault_KeySetInSomeCases_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveTieredAsync(string key, Stream body, Tier tier)
                    {
                        var request = {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        switch (tier)
                        {
                            case Tier.Hot:
                                request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                                request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                                break;
                            case Tier.Cold:
                                request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                                request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                                break;
                        }

                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task Aes256OnOneBranch_ReportedAtThatAssignment()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveAsync(string key, Stream body, bool legacy)
                    {
                        var request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        if (legacy)
                        {
                            {|AISEC010:request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|};
                        }
                        else
                        {
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }

                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task InlineRequestToAUsingClient_Reported_AndOptionsKey_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ReportPublisher(IOptions<AwsOptions> options)
                {
                    public async Task PublishAsync(string key, string body)
                    {
                        using var client = new AmazonS3Client();
                        await client.PutObjectAsync({|AISEC010:new PutObjectRequest|}
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                        });
                    }

                    public async Task PublishEncryptedAsync(string key, string body)
                    {
                        using var client = new AmazonS3Client();
                        await client.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        });
                    }

                    public async Task PublishAes256Async(string key, string body)
                    {
                        using var client = new AmazonS3Client();
                        await client.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                            {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256|},
                        });
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task TransferUtilityStreamOverload_Reported_RequestForm_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class Uploader(ITransferUtility transfer, IOptions<AwsOptions> options)
                {
                    public Task UploadAsync(Stream stream, string key, CancellationToken ct)
                        => {|AISEC010:transfer.UploadAsync(stream, options.Value.BucketName, key, ct)|};

                    public async Task UploadEncryptedAsync(Stream stream, string key, CancellationToken ct)
                    {
                        var request = new TransferUtilityUploadRequest
                        {
                            InputStream = stream,
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        };
                        await transfer.UploadAsync(request, ct);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task CopyObjectInALoop_Reported_EncryptedCopy_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class Archiver(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task ArchiveAsync(IEnumerable<string> keys)
                    {
                        foreach (var key in keys)
                        {
                            var copy = {|AISEC010:new CopyObjectRequest|}
                            {
                                SourceBucket = options.Value.BucketName,
                                SourceKey = key,
                                DestinationBucket = options.Value.BucketName + "-archive",
                                DestinationKey = "archive/" + key,
                            };
                            await s3.CopyObjectAsync(copy);
                        }
                    }

                    public async Task ArchiveEncryptedAsync(IReadOnlyList<string> keys)
                    {
                        for (var i = 0; i < keys.Count; i++)
                        {
                            var copy = new CopyObjectRequest
                            {
                                SourceBucket = options.Value.BucketName,
                                SourceKey = keys[i],
                                DestinationBucket = options.Value.BucketName + "-archive",
                                DestinationKey = "archive/" + keys[i],
                                ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                                ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                            };
                            await s3.CopyObjectAsync(copy);
                        }
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task AsyncHelper_ReportedAtItsCreation_CompletedByTheCaller_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    private async Task<PutObjectRequest> BuildAsync(string key, Stream body)
                    {
                        await Task.Yield();
                        return {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                    }

                    private async Task<PutObjectRequest> BuildEncryptedAsync(string key, Stream body)
                    {
                        await Task.Yield();
                        var request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        return request;
                    }

                    public async Task SaveAsync(string key, Stream body)
                    {
                        var request = await BuildAsync(key, body);
                        await s3.PutObjectAsync(request);
                    }

                    public async Task SaveEncryptedAsync(string key, Stream body)
                        => await s3.PutObjectAsync(await BuildEncryptedAsync(key, body));

                    public async Task SaveCompletedAsync(string key, Stream body)
                    {
                        var request = await BuildAsync(key, body);
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task InjectedFactoryClass_ReportedAtItsCreation_EncryptedFactory_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class UploadRequestFactory(IOptions<AwsOptions> options)
                {
                    public PutObjectRequest Create(string key, Stream body)
                        => {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName, Key = key, InputStream = body };

                    public CopyObjectRequest CreateCopy(string source, string destination)
                        => new CopyObjectRequest
                        {
                            SourceBucket = options.Value.BucketName,
                            SourceKey = source,
                            DestinationBucket = options.Value.BucketName,
                            DestinationKey = destination,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        };
                }

                public class ArtifactService(IAmazonS3 s3, UploadRequestFactory factory)
                {
                    public Task SaveAsync(string key, Stream body) => s3.PutObjectAsync(factory.Create(key, body));

                    public Task CopyAsync(string source, string destination) => s3.CopyObjectAsync(factory.CreateCopy(source, destination));
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task InjectedFactoryInterface_ReportedAtTheImplementationsCreation()
            => Verify.AnalyzeAsync(Prelude + """
                public interface IUploadRequestFactory
                {
                    PutObjectRequest Create(string key, Stream body);
                    PutObjectRequest CreateEncrypted(string key, Stream body);
                }

                public sealed class UploadRequestFactory(IOptions<AwsOptions> options) : IUploadRequestFactory
                {
                    public PutObjectRequest Create(string key, Stream body)
                        => {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName, Key = key, InputStream = body };

                    public PutObjectRequest CreateEncrypted(string key, Stream body)
                        => new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            InputStream = body,
                            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        };
                }

                public class ArtifactService(IAmazonS3 s3, IUploadRequestFactory factory)
                {
                    public Task SaveAsync(string key, Stream body) => s3.PutObjectAsync(factory.Create(key, body));

                    public Task SaveEncryptedAsync(string key, Stream body) => s3.PutObjectAsync(factory.CreateEncrypted(key, body));
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KmsWithoutKeyInInitializer_Reported_KeyFromOptionsLater_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    private readonly AwsOptions _aws = options.Value;

                    public Task SaveAsync(string key, string body)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = _aws.BucketName,
                            Key = key,
                            ContentBody = body,
                            {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        });

                    public async Task SaveKeyedAsync(string key, string body)
                    {
                        var request = new PutObjectRequest { BucketName = _aws.BucketName, Key = key, ContentBody = body, ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS };
                        request.ServerSideEncryptionKeyManagementServiceKeyId = _aws.KmsKeyId;
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);
    

        [Fact]
        public Task ConditionalExpressions_WeakestArmCounts()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public Task SaveMaybeEncryptedAsync(string key, string body, bool sensitive)
                        => s3.PutObjectAsync({|AISEC010:new PutObjectRequest|}
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                            ServerSideEncryptionMethod = sensitive ? ServerSideEncryptionMethod.AWSKMS : ServerSideEncryptionMethod.None,
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        });

                    public Task SaveLegacyAsync(string key, string body, bool legacy)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                            {|AISEC010:ServerSideEncryptionMethod = legacy ? ServerSideEncryptionMethod.AES256 : ServerSideEncryptionMethod.AWSKMS|},
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        });

                    public Task SaveMaybeKeyedAsync(string key, string body, bool sensitive)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                            {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                            ServerSideEncryptionKeyManagementServiceKeyId = sensitive ? options.Value.KmsKeyId : null,
                        });

                    public Task SaveTieredAsync(string key, string body, Tier tier)
                        => s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = options.Value.BucketName,
                            Key = key,
                            ContentBody = body,
                            ServerSideEncryptionMethod = tier switch
                            {
                                Tier.Archive => ServerSideEncryptionMethod.AWSKMSDSSE,
                                _ => ServerSideEncryptionMethod.AWSKMS,
                            },
                            ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId,
                        });
                }
                """, ReferenceCatalog.Aws);
    

        [Fact]
        public Task LocalAssignedOnEachBranch_EachCreationJudgedWithItsOwnWrites()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveAsync(string key, Stream body, bool archive)
                    {
                        PutObjectRequest request;
                        if (archive)
                        {
                            request = {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName + "-archive", Key = key, InputStream = body };
                            request.StorageClass = S3StorageClass.Glacier;
                        }
                        else
                        {
                            request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }

                        await s3.PutObjectAsync(request);
                    }

                    public async Task SaveEncryptedAsync(string key, Stream body, bool archive)
                    {
                        PutObjectRequest request;
                        if (archive)
                        {
                            request = new PutObjectRequest { BucketName = options.Value.BucketName + "-archive", Key = key, InputStream = body, StorageClass = S3StorageClass.Glacier };
                        }
                        else
                        {
                            request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, InputStream = body };
                        }

                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KeyFromAHelperThatCanReturnNull_Reported_FromAHelperThatThrows_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    private string? KmsKey() => string.IsNullOrWhiteSpace(options.Value.KmsKeyId) ? null : options.Value.KmsKeyId;

                    private string RequiredKey() => string.IsNullOrWhiteSpace(options.Value.KmsKeyId) ? throw new InvalidOperationException("Aws:KmsKeyId is required") : options.Value.KmsKeyId;

                    public Task SaveAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = options.Value.BucketName,
                        Key = key,
                        InputStream = body,
                        {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        ServerSideEncryptionKeyManagementServiceKeyId = KmsKey(),
                    });

                    public Task SaveRequiredAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = options.Value.BucketName,
                        Key = key,
                        InputStream = body,
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = RequiredKey(),
                    });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task EncryptionSetInALocalFunctionCalledBeforeTheSend_Silent_CalledOnlyAfter_Reported()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                {
                    public async Task SaveAsync(string key, string text)
                    {
                        var request = new PutObjectRequest { BucketName = options.Value.BucketName, Key = key, ContentBody = text };
                        Encrypt();
                        await s3.PutObjectAsync(request);

                        void Encrypt()
                        {
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }
                    }

                    public async Task SaveThenEncryptAsync(string key, string text)
                    {
                        var request = {|AISEC010:new PutObjectRequest|} { BucketName = options.Value.BucketName, Key = key, ContentBody = text };
                        await s3.PutObjectAsync(request);
                        Encrypt();

                        void Encrypt()
                        {
                            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            request.ServerSideEncryptionKeyManagementServiceKeyId = options.Value.KmsKeyId;
                        }
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KeyFromAFieldThatCanBeNull_Reported_FromAnOptionsDefault_Silent()
            => Verify.AnalyzeAsync(Prelude + """
                public class ArtifactStore
                {
                    private readonly IAmazonS3 _s3;
                    private readonly AwsOptions _options;
                    private readonly string? _kmsKeyId;

                    public ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                    {
                        _s3 = s3;
                        _options = options.Value;
                        _kmsKeyId = string.IsNullOrWhiteSpace(options.Value.KmsKeyId) ? null : options.Value.KmsKeyId;
                    }

                    public Task SaveAsync(string key, Stream body) => _s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = _options.BucketName,
                        Key = key,
                        InputStream = body,
                        {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId,
                    });

                    public Task SaveWithOptionsKeyAsync(string key, Stream body) => _s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = _options.BucketName,
                        Key = key,
                        InputStream = body,
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = _options.KmsKeyId,
                    });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KeyFromAFieldThatCanBeNull_HasNoFix()
        {
            var source = Prelude + """
                public class ArtifactStore
                {
                    private readonly IAmazonS3 _s3;
                    private readonly string? _kmsKeyId;

                    public ArtifactStore(IAmazonS3 s3, IOptions<AwsOptions> options)
                    {
                        _s3 = s3;
                        _kmsKeyId = string.IsNullOrWhiteSpace(options.Value.KmsKeyId) ? null : options.Value.KmsKeyId;
                    }

                    public Task SaveAsync(string key, Stream body) => _s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = "artifacts",
                        Key = key,
                        InputStream = body,
                        {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId,
                    });
                }
                """;
            return Verify.FixAsync(source, source, ReferenceCatalog.Aws);
        }
    }
}
