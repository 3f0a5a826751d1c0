using System.Linq;
using System.Threading;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>The request-state engine on real AWSSDK.S3 and the SageMaker stand-ins.</summary>
    public class RequestStateTests
    {
        private static async Task<RequestState?> AnalyzeAsync(string source, string typeName, int index = 0)
        {
            var references = ReferenceCatalog.Aws.References.AddRange(await ReferenceCatalog.GetAwsStubsAsync());
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "Test",
                new[] { tree },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var model = compilation.GetSemanticModel(tree);
            var creation = tree.GetRoot().DescendantNodes()
                .OfType<BaseObjectCreationExpressionSyntax>()
                .Select(s => (IObjectCreationOperation?)model.GetOperation(s))
                .Where(o => o?.Type?.Name == typeName)
                .ElementAt(index);
            var calls = AwsSdkCalls.Create(compilation)!;
            return RequestState.Analyze(creation!, calls, CancellationToken.None);
        }

        [Fact]
        public async Task InitializerNestedInitializersAndLaterAssignments()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task Run(IAmazonSageMaker sageMaker, string kmsKey, string bucket)
                    {
                        var output = new OutputDataConfig { S3OutputPath = bucket };
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = "job",
                            OutputDataConfig = output,
                            ResourceConfig = new ResourceConfig { InstanceCount = 2, VolumeKmsKeyId = "" },
                            EnableNetworkIsolation = true,
                        };
                        output.KmsKeyId = kmsKey;
                        request.ResourceConfig.InstanceType = TrainingInstanceType.MlM5Large;
                        await sageMaker.CreateTrainingJobAsync(request);
                        request.EnableInterContainerTrafficEncryption = true;
                    }
                }
                """, "CreateTrainingJobRequest");

            Assert.NotNull(state);
            Assert.Equal(RequestFate.Sent, state!.Fate);
            Assert.NotNull(state.Send);
            Assert.Equal(PathStatus.Set, state.GetStatus("OutputDataConfig.KmsKeyId"));
            Assert.Equal(PathStatus.Set, state.GetStatus("OutputDataConfig.S3OutputPath"));
            Assert.Equal(PathStatus.NullOrEmpty, state.GetStatus("ResourceConfig.VolumeKmsKeyId"));
            Assert.Equal(2, state.GetValue("ResourceConfig.InstanceCount")!.ConstantValue.Value);
            Assert.Equal(PathStatus.Set, state.GetStatus("ResourceConfig.InstanceType"));
            Assert.Equal(true, state.GetValue("EnableNetworkIsolation")!.ConstantValue.Value);
            Assert.Equal(PathStatus.Unset, state.GetStatus("EnableInterContainerTrafficEncryption"));
            Assert.Equal(PathStatus.Unset, state.GetStatus("VpcConfig.Subnets"));
            Assert.NotNull(state.GetObject("OutputDataConfig")!.Creation);
            Assert.Equal("output", state.GetObject("OutputDataConfig")!.Local!.Name);
            Assert.Equal("VolumeKmsKeyId = \"\"", state.GetValue("ResourceConfig.VolumeKmsKeyId")!.Origin.Syntax.ToString());
        }

        [Fact]
        public async Task PathsAssignedThroughTheRequestLocal()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public Task Run(IAmazonSageMaker sageMaker, string key)
                    {
                        var request = new CreateProcessingJobRequest();
                        request.ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig() };
                        request.ProcessingResources.ClusterConfig.VolumeKmsKeyId = key;
                        request.ProcessingOutputConfig = new() { KmsKeyId = null };
                        request.NetworkConfig = new NetworkConfig { EnableInterContainerTrafficEncryption = false };
                        return sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, "CreateProcessingJobRequest");

            Assert.Equal(RequestFate.Sent, state!.Fate);
            Assert.Equal(PathStatus.Set, state.GetStatus("ProcessingResources.ClusterConfig.VolumeKmsKeyId"));
            Assert.Equal(PathStatus.NullOrEmpty, state.GetStatus("ProcessingOutputConfig.KmsKeyId"));
            Assert.Equal(false, state.GetValue("NetworkConfig.EnableInterContainerTrafficEncryption")!.ConstantValue.Value);
            Assert.Equal(PathStatus.Unset, state.GetStatus("ProcessingResources.ClusterConfig.InstanceCount"));
        }

        [Fact]
        public async Task ContainersBuiltElsewhereAreUnknown()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public Task Run(IAmazonSageMaker sageMaker, ResourceConfig resources)
                    {
                        var output = new OutputDataConfig();
                        Configure(output);
                        var request = new CreateTrainingJobRequest { OutputDataConfig = output, ResourceConfig = resources };
                        return sageMaker.CreateTrainingJobAsync(request);
                    }

                    private static void Configure(OutputDataConfig output) { }
                }
                """, "CreateTrainingJobRequest");

            Assert.Equal(RequestFate.Sent, state!.Fate);
            Assert.Equal(PathStatus.Unknown, state.GetStatus("OutputDataConfig.KmsKeyId"));
            Assert.Equal(PathStatus.Unknown, state.GetStatus("ResourceConfig.VolumeKmsKeyId"));
        }

        [Fact]
        public async Task InlineRequestIsSent()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Store
                {
                    public Task Save(IAmazonS3 s3, string bucket) => s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = "model.bin",
                        ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
                    });
                }
                """, "PutObjectRequest");

            Assert.Equal(RequestFate.Sent, state!.Fate);
            Assert.Null(state.Local);
            Assert.Equal(PathStatus.Set, state.GetStatus("ServerSideEncryptionMethod"));
            Assert.Equal(PathStatus.Unset, state.GetStatus("ServerSideEncryptionKeyManagementServiceKeyId"));
        }

        [Theory]
        [InlineData("_pending = request; return null!;")]
        [InlineData("Prepare(request); return null!;")]
        [InlineData("var copy = request; return null!;")]
        public async Task RequestThatLeavesTheMethodEscapes(string tail)
        {
            var state = await AnalyzeAsync($$"""
                using Amazon.S3.Model;

                class Store
                {
                    private PutObjectRequest? _pending;

                    public PutObjectRequest Build(string bucket)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        {{tail}}
                    }

                    private static void Prepare(PutObjectRequest request) { }
                }
                """, "PutObjectRequest");

            Assert.Equal(RequestFate.Escapes, state!.Fate);
        }

        [Theory]
        [InlineData("request.Key = key; return request;")]
        [InlineData("request.Key = key; if (key.Length == 0) { return request; } request.ContentBody = key; return request;")]
        public async Task RequestThatIsOnlyReturned_IsAHelpersRequest_WithTheStateAtTheFirstReturn(string tail)
        {
            var state = await AnalyzeAsync($$"""
                using Amazon.S3.Model;

                class Store
                {
                    public PutObjectRequest Build(string bucket, string key)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        {{tail}}
                    }
                }
                """, "PutObjectRequest");

            Assert.Equal(RequestFate.Returned, state!.Fate);
            Assert.Equal(PathStatus.Set, state.GetStatus("Key"));
            Assert.Equal(PathStatus.Unset, state.GetStatus("ContentBody"));
        }

        [Fact]
        public async Task ReturnedFromALambda_Escapes()
        {
            var state = await AnalyzeAsync("""
                using System;
                using Amazon.S3.Model;

                class Store
                {
                    public Func<PutObjectRequest> Build(string bucket)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        return () => request;
                    }
                }
                """, "PutObjectRequest");

            Assert.Equal(RequestFate.Escapes, state!.Fate);
        }

        [Fact]
        public async Task LoggingIsARead_AndWritesAfterTheSendDoNotCount()
        {
            var state = await AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Store
                {
                    public async Task Save(IAmazonS3 s3, string bucket, string kmsKeyId)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                        Console.WriteLine("Uploading {0}", request);
                        await s3.PutObjectAsync(request);
                        request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
                        return;
                    }
                }
                """, "PutObjectRequest");

            Assert.Equal(RequestFate.Sent, state!.Fate);
            Assert.Equal(PathStatus.Unset, state.GetStatus("ServerSideEncryptionKeyManagementServiceKeyId"));
        }

        [Fact]
        public async Task NeverSent()
        {
            var state = await AnalyzeAsync("""
                using Amazon.S3.Model;

                class Store
                {
                    public void Build(string bucket)
                    {
                        var request = new PutObjectRequest { BucketName = bucket };
                    }
                }
                """, "PutObjectRequest");

            Assert.Equal(RequestFate.NotSent, state!.Fate);
        }

        [Fact]
        public async Task LocalWrittenTwiceIsNotFollowed()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Store
                {
                    public Task Save(IAmazonS3 s3, bool big)
                    {
                        var request = new PutObjectRequest();
                        if (big) request = new PutObjectRequest { Key = "big" };
                        return s3.PutObjectAsync(request);
                    }
                }
                """, "PutObjectRequest");

            Assert.Null(state);
        }

        [Fact]
        public async Task CollectionsOfDefinitions()
        {
            var state = await AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Tuning
                {
                    public Task Run(IAmazonSageMaker sageMaker, string key)
                    {
                        var first = new HyperParameterTrainingJobDefinition { DefinitionName = "a", OutputDataConfig = new OutputDataConfig { KmsKeyId = key } };
                        var second = new HyperParameterTrainingJobDefinition { DefinitionName = "b" };
                        var request = new CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition> { first },
                        };
                        request.TrainingJobDefinitions.Add(second);
                        second.EnableNetworkIsolation = true;
                        return sageMaker.CreateHyperParameterTuningJobAsync(request);
                    }

                    public Task RunWithExpression(IAmazonSageMaker sageMaker)
                    {
                        var only = new HyperParameterTrainingJobDefinition();
                        return sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { TrainingJobDefinitions = [only, new() { DefinitionName = "x" }] });
                    }
                }
                """, "CreateHyperParameterTuningJobRequest");

            var elements = state!.GetObject("TrainingJobDefinitions")!.Elements;
            Assert.Equal(2, elements.Count);
            Assert.Equal(PathStatus.Set, elements[0].Object!.GetStatus("OutputDataConfig.KmsKeyId"));
            Assert.Equal(PathStatus.Unset, elements[1].Object!.GetStatus("OutputDataConfig.KmsKeyId"));
            Assert.Equal(PathStatus.Set, elements[1].Object!.GetStatus("EnableNetworkIsolation"));
            Assert.Equal("second", elements[1].Object!.Local!.Name);

            var second = await AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Tuning
                {
                    public Task RunWithExpression(IAmazonSageMaker sageMaker)
                    {
                        var only = new HyperParameterTrainingJobDefinition();
                        return sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { TrainingJobDefinitions = [only, new() { DefinitionName = "x" }] });
                    }
                }
                """, "CreateHyperParameterTuningJobRequest");
            var expressionElements = second!.GetObject("TrainingJobDefinitions")!.Elements;
            Assert.Equal(2, expressionElements.Count);
            Assert.NotNull(expressionElements[1].Object!.Creation);
            Assert.Equal(PathStatus.Set, expressionElements[1].Object!.GetStatus("DefinitionName"));
        }

        [Fact]
        public async Task EventHandlersAreRecorded()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Transfer;

                class Store
                {
                    public Task Save(ITransferUtility transfer, string dir, string bucket, string kmsKeyId)
                    {
                        var request = new TransferUtilityUploadDirectoryRequest { Directory = dir, BucketName = bucket };
                        request.UploadDirectoryFileRequestEvent += (sender, e) =>
                        {
                            e.UploadRequest.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                            e.UploadRequest.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
                        };
                        return transfer.UploadDirectoryAsync(request);
                    }
                }
                """, "TransferUtilityUploadDirectoryRequest");

            Assert.Equal(RequestFate.Sent, state!.Fate);
            var handler = Assert.Single(state.Root.Handlers);
            Assert.Equal("UploadDirectoryFileRequestEvent", handler.Event.Name);
            Assert.IsAssignableFrom<IAnonymousFunctionOperation>(handler.Handler);
        }

        [Fact]
        public async Task AliasedNestedObjectIsUnknown()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public Task Run(IAmazonSageMaker sageMaker, string key)
                    {
                        var request = new CreateTransformJobRequest { TransformOutput = new TransformOutput() };
                        var output = request.TransformOutput;
                        output.KmsKeyId = key;
                        return sageMaker.CreateTransformJobAsync(request);
                    }
                }
                """, "CreateTransformJobRequest");

            Assert.Equal(PathStatus.Unknown, state!.GetStatus("TransformOutput.KmsKeyId"));
            Assert.Equal(PathStatus.Unset, state.GetStatus("TransformResources.VolumeKmsKeyId"));
        }
    
        [Fact]
        public async Task SerializingIsARead_AddingToAListIsAnEscape()
        {
            var read = await AnalyzeAsync("""
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Store
                {
                    public Task Save(IAmazonS3 s3)
                    {
                        var request = new PutObjectRequest { BucketName = "b" };
                        var json = JsonSerializer.Serialize(request);
                        return s3.PutObjectAsync(request);
                    }
                }
                """, "PutObjectRequest");
            Assert.Equal(RequestFate.Sent, read!.Fate);

            var escape = await AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Store
                {
                    public async Task Save(IAmazonS3 s3, List<PutObjectRequest> batch)
                    {
                        var request = new PutObjectRequest { BucketName = "b" };
                        batch.Add(request);
                        await s3.PutObjectAsync(request);
                    }
                }
                """, "PutObjectRequest");
            Assert.Equal(RequestFate.Escapes, escape!.Fate);
        }

        [Fact]
        public async Task MemberInitializersAndCoalesceAssignments()
        {
            var state = await AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public Task Run(IAmazonSageMaker sageMaker, string? key)
                    {
                        var request = new CreateLabelingJobRequest
                        {
                            LabelingJobAlgorithmsConfig = { LabelingJobResourceConfig = { VolumeKmsKeyId = key } },
                        };
                        request.OutputConfig ??= new LabelingJobOutputConfig();
                        request.OutputConfig.KmsKeyId ??= key;
                        return sageMaker.CreateLabelingJobAsync(request);
                    }
                }
                """, "CreateLabelingJobRequest");

            Assert.Equal(PathStatus.Set, state!.GetStatus("LabelingJobAlgorithmsConfig.LabelingJobResourceConfig.VolumeKmsKeyId"));
            Assert.Equal(PathStatus.Set, state.GetStatus("OutputConfig.KmsKeyId"));
            Assert.IsAssignableFrom<IMemberInitializerOperation>(state.GetValue("LabelingJobAlgorithmsConfig")!.Origin);
        }
    }
}
