using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using GuardrailVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.BedrockGuardrailAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.BedrockGuardrailFixer>;
using S3Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.S3EncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.S3EncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// Helpers that can (or cannot) hand back nothing, read with the flow of their locals (AISEC010, AISEC041;
    /// docs/rules/AISEC010.md and AISEC041.md).
    /// </summary>
    public class NullableHelperFlowTests
    {
        private const string S3Prelude = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            """;

        private const string BedrockPrelude = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.BedrockRuntime;
            using Amazon.BedrockRuntime.Model;

            public sealed class BedrockOptions
            {
                public string ModelId { get; set; } = "";
                public string GuardrailId { get; set; } = "";
                public bool Moderate { get; set; }
            }

            """;

        [Fact]
        public Task KeyHelper_LocalStartsNullThenAssignedOnEveryPath_Silent_AssignedOnOnePath_Reported()
            => S3Verify.AnalyzeAsync(S3Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IReadOnlyDictionary<string, string?> cfg, bool on)
                {
                    private string? AlwaysKey()
                    {
                        string? k = null;
                        k = cfg["Kms"]!;
                        return k;
                    }

                    private string? NestedAlwaysKey()
                    {
                        string? k = null;
                        lock (cfg)
                        {
                            k = cfg["Kms"]!;
                        }

                        return k;
                    }

                    private string? SometimesKey()
                    {
                        string? k = null;
                        if (on)
                        {
                            k = cfg["Kms"]!;
                        }

                        return k;
                    }

                    private string? ClearedKey()
                    {
                        string? k = cfg["Kms"]!;
                        if (on)
                        {
                            k = null;
                        }

                        return k;
                    }

                    private string? TryKey()
                    {
                        string? k = null;
                        try
                        {
                            k = cfg["Kms"]!;
                        }
                        catch (KeyNotFoundException)
                        {
                        }

                        return k;
                    }

                    public Task SaveAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = "b", Key = key, InputStream = body,
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = AlwaysKey(),
                    });

                    public Task SaveNestedAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = "b", Key = key, InputStream = body,
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                        ServerSideEncryptionKeyManagementServiceKeyId = NestedAlwaysKey(),
                    });

                    public Task SaveSometimesAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = "b", Key = key, InputStream = body,
                        {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        ServerSideEncryptionKeyManagementServiceKeyId = SometimesKey(),
                    });

                    public Task SaveClearedAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = "b", Key = key, InputStream = body,
                        {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        ServerSideEncryptionKeyManagementServiceKeyId = ClearedKey(),
                    });

                    public Task SaveTryAsync(string key, Stream body) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = "b", Key = key, InputStream = body,
                        {|AISEC010:ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|},
                        ServerSideEncryptionKeyManagementServiceKeyId = TryKey(),
                    });
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task KeyFromALocalHoldingANullableHelpersResult_Reported_CheckedFirst_Silent()
            => S3Verify.AnalyzeAsync(S3Prelude + """
                public class ArtifactStore(IAmazonS3 s3, IReadOnlyDictionary<string, string?> cfg)
                {
                    private string? KmsKey() => cfg.TryGetValue("Kms", out var k) && !string.IsNullOrEmpty(k) ? k : null;

                    public async Task SaveAsync(string key, Stream body)
                    {
                        var request = new PutObjectRequest { BucketName = "b", Key = key, InputStream = body };
                        var kms = KmsKey();
                        {|AISEC010:request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS|};
                        request.ServerSideEncryptionKeyManagementServiceKeyId = kms;
                        await s3.PutObjectAsync(request);
                    }

                    public async Task SaveCheckedAsync(string key, Stream body)
                    {
                        var kms = KmsKey();
                        if (string.IsNullOrEmpty(kms))
                        {
                            throw new InvalidOperationException("Kms is not configured");
                        }

                        var request = new PutObjectRequest { BucketName = "b", Key = key, InputStream = body };
                        request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                        request.ServerSideEncryptionKeyManagementServiceKeyId = kms;
                        await s3.PutObjectAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws);

        [Fact]
        public Task GuardrailFromATaskHelperThatCanHandBackNull_Reported()
            => GuardrailVerify.AnalyzeAsync(BedrockPrelude + """
                public class ChatService(IAmazonBedrockRuntime bedrock, BedrockOptions options)
                {
                    private Task<GuardrailConfiguration?> LoadAsync()
                        => options.Moderate
                            ? Task.FromResult<GuardrailConfiguration?>(new GuardrailConfiguration { GuardrailIdentifier = options.GuardrailId, GuardrailVersion = "1" })
                            : Task.FromResult<GuardrailConfiguration?>(null);

                    private Task<GuardrailConfiguration> RequiredAsync()
                        => Task.FromResult(new GuardrailConfiguration { GuardrailIdentifier = options.GuardrailId, GuardrailVersion = "1" });

                    public async Task AskAsync()
                        => await bedrock.ConverseAsync([|new ConverseRequest { ModelId = options.ModelId, GuardrailConfig = await LoadAsync() }|]);

                    public async Task AskRequiredAsync()
                        => await bedrock.ConverseAsync(new ConverseRequest { ModelId = options.ModelId, GuardrailConfig = await RequiredAsync() });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GuardrailHelper_LocalStartsNullThenAssigned_Silent()
            => GuardrailVerify.AnalyzeAsync(BedrockPrelude + """
                public class ChatService(IAmazonBedrockRuntime bedrock, BedrockOptions options)
                {
                    private GuardrailConfiguration? Guardrail()
                    {
                        GuardrailConfiguration? config = null;
                        config = new GuardrailConfiguration { GuardrailIdentifier = options.GuardrailId, GuardrailVersion = "1" };
                        return config;
                    }

                    public Task AskAsync() => bedrock.ConverseAsync(new ConverseRequest { ModelId = options.ModelId, GuardrailConfig = Guardrail() });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GuardrailFromALocalHoldingANullableHelpersResult_Reported_NamingTheHelper()
            => new GuardrailVerify.Test
            {
                TestCode = BedrockPrelude + """
                    public class ChatService(IAmazonBedrockRuntime bedrock, BedrockOptions options)
                    {
                        private GuardrailConfiguration? MaybeGuardrail()
                            => options.Moderate ? new GuardrailConfiguration { GuardrailIdentifier = options.GuardrailId, GuardrailVersion = "1" } : null;

                        public async Task AskAsync()
                        {
                            var request = {|#0:new ConverseRequest { ModelId = options.ModelId }|};
                            var g = MaybeGuardrail();
                            request.GuardrailConfig = g;
                            await bedrock.ConverseAsync(request);
                        }

                        public async Task AskCheckedAsync()
                        {
                            var request = new ConverseRequest { ModelId = options.ModelId };
                            var g = MaybeGuardrail();
                            if (g is null)
                            {
                                throw new InvalidOperationException("no guardrail");
                            }

                            request.GuardrailConfig = g;
                            await bedrock.ConverseAsync(request);
                        }

                        public Task AskInitializedAsync()
                        {
                            var g = MaybeGuardrail() ?? throw new InvalidOperationException("no guardrail");
                            return bedrock.ConverseAsync(new ConverseRequest { ModelId = options.ModelId, GuardrailConfig = g });
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.BedrockGuardrailMissing).WithLocation(0)
                        .WithArguments("'ConverseRequest'", "GuardrailConfig from 'ChatService.MaybeGuardrail', which can return null"),
                },
            }.RunWithStubsAsync();
    }
}
