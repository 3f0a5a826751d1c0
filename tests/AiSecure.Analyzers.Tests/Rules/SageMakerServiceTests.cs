using AiSecure.Analyzers.Tests.References;
using EncryptionVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerEncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerEncryptionFixer>;
using NetworkVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerNetworkAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerNetworkFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC011, AISEC030 and AISEC031 on ML platform services: jobs assembled from options classes and several helper methods.</summary>
    public class SageMakerServiceTests
    {
        private const string Prelude = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SageMaker;
            using Amazon.SageMaker.Model;

            public sealed class SageMakerJobOptions
            {
                public string RoleArn { get; set; } = "";
                public string KmsKeyId { get; set; } = "";
                public string OutputBucket { get; set; } = "";
                public int InstanceCount { get; set; } = 1;
                public string[] SubnetIds { get; set; } = [];
                public string[] SecurityGroupIds { get; set; } = [];
                public bool AllowInternet { get; set; }
            }

            public static class JobDefaults
            {
                public const int SingleInstance = 1;
            }

            public interface IOptions<out T> where T : class { T Value { get; } }

            """;

        private const string TrainingService = """
            public sealed class TrainingService(IAmazonSageMaker sageMaker, IOptions<SageMakerJobOptions> options)
            {
                private readonly SageMakerJobOptions _options = options.Value;

                private VpcConfig BuildVpc() => new VpcConfig { Subnets = _options.SubnetIds.ToList(), SecurityGroupIds = _options.SecurityGroupIds.ToList() };

                private OutputDataConfig BuildOutput(string jobName) => new OutputDataConfig { S3OutputPath = $"s3://{_options.OutputBucket}/{jobName}", KmsKeyId = _options.KmsKeyId };

                private ResourceConfig BuildResources(int instanceCount) => new ResourceConfig
                {
                    InstanceCount = instanceCount,
                    InstanceType = TrainingInstanceType.MlM5Xlarge,
                    VolumeSizeInGB = 50,
                    VolumeKmsKeyId = _options.KmsKeyId,
                };

            """;

        [Fact]
        public Task Network_JobsFromHelpers_ConfiguredInstanceCountWithoutEncryption_Reported()
            => NetworkVerify.AnalyzeAsync(Prelude + TrainingService + """
                    public Task<CreateTrainingJobResponse> TrainAsync(string jobName, string image, CancellationToken ct)
                    {
                        var request = {|AISEC030:new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image, TrainingInputMode = TrainingInputMode.File },
                            OutputDataConfig = BuildOutput(jobName),
                            ResourceConfig = BuildResources(_options.InstanceCount),
                            VpcConfig = BuildVpc(),
                            EnableNetworkIsolation = true,
                        }|};
                        return sageMaker.CreateTrainingJobAsync(request, ct);
                    }

                    public Task<CreateTrainingJobResponse> TrainEncryptedAsync(string jobName, string image, CancellationToken ct)
                    {
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image, TrainingInputMode = TrainingInputMode.File },
                            OutputDataConfig = BuildOutput(jobName),
                            ResourceConfig = BuildResources(_options.InstanceCount),
                            VpcConfig = BuildVpc(),
                            EnableNetworkIsolation = true,
                            EnableInterContainerTrafficEncryption = true,
                        };
                        return sageMaker.CreateTrainingJobAsync(request, ct);
                    }

                    public Task<CreateTrainingJobResponse> TrainSingleAsync(string jobName, string image, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image },
                            OutputDataConfig = BuildOutput(jobName),
                            ResourceConfig = new ResourceConfig { InstanceCount = JobDefaults.SingleInstance, VolumeKmsKeyId = _options.KmsKeyId },
                            VpcConfig = BuildVpc(),
                            EnableNetworkIsolation = true,
                        }, ct);

                    public Task<CreateTrainingJobResponse> TrainOpenAsync(string jobName, string image, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync({|AISEC031:new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image },
                            OutputDataConfig = BuildOutput(jobName),
                            ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeKmsKeyId = _options.KmsKeyId },
                        }|}, ct);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Kms_JobsFromHelpers_MissingVolumeKeyReported()
            => EncryptionVerify.AnalyzeAsync(Prelude + TrainingService + """
                    public Task<CreateTrainingJobResponse> TrainAsync(string jobName, string image, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image },
                            OutputDataConfig = BuildOutput(jobName),
                            ResourceConfig = BuildResources(_options.InstanceCount),
                            VpcConfig = BuildVpc(),
                            EnableNetworkIsolation = true,
                            EnableInterContainerTrafficEncryption = true,
                        }, ct);

                    public Task<CreateTrainingJobResponse> TrainCheapAsync(string jobName, string image, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync({|AISEC011:new CreateTrainingJobRequest|}
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image },
                            OutputDataConfig = BuildOutput(jobName),
                            ResourceConfig = new ResourceConfig { InstanceCount = _options.InstanceCount, InstanceType = TrainingInstanceType.MlM5Xlarge },
                        }, ct);

                    public async Task DeployAsync(string endpointConfigName, string modelName, CancellationToken ct)
                    {
                        var variant = new ProductionVariant { VariantName = "AllTraffic", ModelName = modelName, InitialInstanceCount = _options.InstanceCount };
                        await sageMaker.CreateEndpointConfigAsync({|AISEC011:new CreateEndpointConfigRequest|} { EndpointConfigName = endpointConfigName, ProductionVariants = [variant] }, ct);
                        await sageMaker.CreateEndpointConfigAsync(new CreateEndpointConfigRequest { EndpointConfigName = endpointConfigName + "-enc", KmsKeyId = _options.KmsKeyId, ProductionVariants = [variant] }, ct);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Network_ModelsAndNotebooksFromOptions()
            => NetworkVerify.AnalyzeAsync(Prelude + """
                public sealed class HostingService(IAmazonSageMaker sageMaker, IOptions<SageMakerJobOptions> options)
                {
                    private VpcConfig Vpc() => new() { Subnets = [.. options.Value.SubnetIds], SecurityGroupIds = [.. options.Value.SecurityGroupIds] };

                    public Task CreateModelAsync(string name, string image, string modelData, CancellationToken ct)
                        => sageMaker.CreateModelAsync(new CreateModelRequest
                        {
                            ModelName = name,
                            ExecutionRoleArn = options.Value.RoleArn,
                            PrimaryContainer = new ContainerDefinition { Image = image, ModelDataUrl = modelData },
                            VpcConfig = Vpc(),
                            EnableNetworkIsolation = true,
                        }, ct);

                    public Task CreateOpenModelAsync(string name, string image, CancellationToken ct)
                        => sageMaker.CreateModelAsync({|AISEC031:new CreateModelRequest
                        {
                            ModelName = name,
                            ExecutionRoleArn = options.Value.RoleArn,
                            PrimaryContainer = new ContainerDefinition { Image = image },
                        }|}, ct);

                    public Task CreateNotebookAsync(string name, CancellationToken ct)
                        => sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = name,
                            KmsKeyId = options.Value.KmsKeyId,
                            RoleArn = options.Value.RoleArn,
                            RootAccess = RootAccess.Disabled,
                            {|AISEC031:DirectInternetAccess = options.Value.AllowInternet ? DirectInternetAccess.Enabled : DirectInternetAccess.Disabled|},
                            SubnetId = options.Value.SubnetIds[0],
                            SecurityGroupIds = [.. options.Value.SecurityGroupIds],
                        }, ct);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Network_InstanceCountPassedToAHelper_FixSetsTheFlagInTheCaller()
            => new NetworkVerify.Test
            {
                CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public sealed class Trainer(IAmazonSageMaker sageMaker, int instanceCount)
                    {
                        private static ResourceConfig Resources(int count) => new ResourceConfig { InstanceCount = count, VolumeKmsKeyId = "alias/ml" };

                        public Task TrainAsync(string name)
                            => sageMaker.CreateTrainingJobAsync([|new CreateTrainingJobRequest
                            {
                                TrainingJobName = name,
                                ResourceConfig = Resources(instanceCount),
                                EnableNetworkIsolation = true,
                                VpcConfig = new VpcConfig { Subnets = ["subnet-1"], SecurityGroupIds = ["sg-1"] },
                            }|]);
                    }
                    """,
                FixedCode = """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public sealed class Trainer(IAmazonSageMaker sageMaker, int instanceCount)
                    {
                        private static ResourceConfig Resources(int count) => new ResourceConfig { InstanceCount = count, VolumeKmsKeyId = "alias/ml" };

                        public Task TrainAsync(string name)
                            => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                            {
                                TrainingJobName = name,
                                ResourceConfig = Resources(instanceCount),
                                EnableNetworkIsolation = true,
                                VpcConfig = new VpcConfig { Subnets = ["subnet-1"], SecurityGroupIds = ["sg-1"] },
                                EnableInterContainerTrafficEncryption = true,
                            });
                    }
                    """,
            }.RunWithStubsAsync();

        [Fact]
        public Task Kms_ProcessingAndBatchTransformJobsFromAnOptionsClass()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public sealed class BatchScoringService(IAmazonSageMaker sageMaker, IOptions<SageMakerJobOptions> options)
                {
                    private ProcessingOutputConfig Outputs(string job) => new()
                    {
                        KmsKeyId = options.Value.KmsKeyId,
                        Outputs = [new ProcessingOutput { OutputName = "report", S3Output = new ProcessingS3Output { S3Uri = $"s3://{options.Value.OutputBucket}/{job}" } }],
                    };

                    public Task ProcessAsync(string job, CancellationToken ct)
                    {
                        var cluster = new ProcessingClusterConfig { InstanceCount = options.Value.InstanceCount, InstanceType = ProcessingInstanceType.MlM5Xlarge, VolumeSizeInGB = 30 };
                        cluster.VolumeKmsKeyId = options.Value.KmsKeyId;
                        return sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingJobName = job,
                            RoleArn = options.Value.RoleArn,
                            ProcessingOutputConfig = Outputs(job),
                            ProcessingResources = new ProcessingResources { ClusterConfig = cluster },
                        }, ct);
                    }

                    public Task ProcessUnencryptedVolumeAsync(string job, CancellationToken ct)
                        => sageMaker.CreateProcessingJobAsync({|AISEC011:new CreateProcessingJobRequest|}
                        {
                            ProcessingJobName = job,
                            RoleArn = options.Value.RoleArn,
                            ProcessingOutputConfig = Outputs(job),
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1, InstanceType = ProcessingInstanceType.MlM5Xlarge } },
                        }, ct);

                    public async Task TransformAsync(string job, string model, CancellationToken ct)
                    {
                        var request = {|AISEC011:new CreateTransformJobRequest|}
                        {
                            TransformJobName = job,
                            ModelName = model,
                            TransformOutput = new TransformOutput { S3OutputPath = $"s3://{options.Value.OutputBucket}/{job}", KmsKeyId = options.Value.KmsKeyId },
                            TransformResources = new TransformResources { InstanceCount = 1, InstanceType = TransformInstanceType.MlM5Xlarge },
                        };
                        await sageMaker.CreateTransformJobAsync(request, ct);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    }
}
