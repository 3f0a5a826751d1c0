using AiSecure.Analyzers.Tests.References;
using EncryptionVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerEncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerEncryptionFixer>;
using NetworkVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerNetworkAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerNetworkFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC011, AISEC030 and AISEC031 on service-shaped code: async helpers, branches, nested configs in locals and helpers.</summary>
    public class SageMakerRealisticTests
    {
        private const string Prelude = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.SageMaker;
            using Amazon.SageMaker.Model;

            public sealed class TrainingOptions
            {
                public string KmsKeyId { get; set; } = "";
                public int InstanceCount { get; set; } = 2;
                public string RoleArn { get; set; } = "";
            }

            public interface IOptions<out T> where T : class { T Value { get; } }

            """;

        [Fact]
        public Task ExplicitFalseInAHelpersRequest_ReportedOnceAtTheAssignment()
            => NetworkVerify.AnalyzeAsync(Prelude + """
                public class Trainer(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private CreateTrainingJobRequest Build(string name) => new CreateTrainingJobRequest
                    {
                        TrainingJobName = name,
                        {|AISEC030:EnableInterContainerTrafficEncryption = false|},
                        EnableNetworkIsolation = true,
                        VpcConfig = new VpcConfig { Subnets = { "subnet-1" }, SecurityGroupIds = { "sg-1" } },
                        ResourceConfig = new ResourceConfig { InstanceCount = options.Value.InstanceCount, VolumeKmsKeyId = options.Value.KmsKeyId },
                    };

                    public Task StartAsync(string name) => sageMaker.CreateTrainingJobAsync(Build(name));
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task AsyncHelper_ReportedAtItsCreation_CompletedByTheCaller_Silent()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public class Trainer(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private async Task<CreateTrainingJobRequest> BuildAsync(string name)
                    {
                        await Task.Yield();
                        return {|AISEC011:new CreateTrainingJobRequest|}
                        {
                            TrainingJobName = name,
                            RoleArn = options.Value.RoleArn,
                            OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://models/" + name },
                            ResourceConfig = new ResourceConfig { InstanceCount = 1, InstanceType = TrainingInstanceType.MlM5Xlarge },
                        };
                    }

                    public async Task StartAsync(string name)
                    {
                        var request = await BuildAsync(name);
                        await sageMaker.CreateTrainingJobAsync(request);
                    }

                    public async Task StartEncryptedAsync(string name)
                    {
                        var request = await BuildAsync(name);
                        request.OutputDataConfig.KmsKeyId = options.Value.KmsKeyId;
                        request.ResourceConfig.VolumeKmsKeyId = options.Value.KmsKeyId;
                        await sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task AsyncNestedConfigHelper_ReportedAtTheConfigsCreation()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public class Processor(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private static async Task<ProcessingOutputConfig> OutputAsync(string path)
                    {
                        await Task.Yield();
                        return {|AISEC011:new ProcessingOutputConfig|} { Outputs = new List<ProcessingOutput>() };
                    }

                    public async Task RunAsync(string name)
                    {
                        var request = new CreateProcessingJobRequest
                        {
                            ProcessingJobName = name,
                            ProcessingOutputConfig = await OutputAsync("s3://out/" + name),
                            ProcessingResources = new ProcessingResources
                            {
                                ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1, VolumeKmsKeyId = options.Value.KmsKeyId },
                            },
                        };
                        await sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task KeyOnOneBranchOnly_Reported_EveryBranch_Silent()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public class Transformer(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    public async Task RunAsync(string name, bool encrypt)
                    {
                        var output = new TransformOutput { S3OutputPath = "s3://out/" + name };
                        var resources = new TransformResources { InstanceCount = 1, VolumeKmsKeyId = options.Value.KmsKeyId };
                        if (encrypt)
                        {
                            output.KmsKeyId = options.Value.KmsKeyId;
                        }

                        var request = {|AISEC011:new CreateTransformJobRequest|} { TransformJobName = name, TransformOutput = output, TransformResources = resources };
                        await sageMaker.CreateTransformJobAsync(request);
                    }

                    public async Task RunEncryptedAsync(string name, bool primary)
                    {
                        var output = new TransformOutput { S3OutputPath = "s3://out/" + name };
                        var resources = new TransformResources { InstanceCount = 1, VolumeKmsKeyId = options.Value.KmsKeyId };
                        if (primary)
                        {
                            output.KmsKeyId = options.Value.KmsKeyId;
                        }
                        else
                        {
                            output.KmsKeyId = Environment.GetEnvironmentVariable("DR_KMS_KEY");
                        }

                        var request = new CreateTransformJobRequest { TransformJobName = name, TransformOutput = output, TransformResources = resources };
                        await sageMaker.CreateTransformJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task InterContainerFlagOnOneBranchOnly_ReportedAtTheCreation()
            => NetworkVerify.AnalyzeAsync(Prelude + """
                public class Trainer(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    public async Task StartAsync(string name, bool secure)
                    {
                        var request = {|AISEC030:new CreateTrainingJobRequest
                        {
                            TrainingJobName = name,
                            EnableNetworkIsolation = true,
                            VpcConfig = new VpcConfig { Subnets = { "subnet-1" }, SecurityGroupIds = { "sg-1" } },
                            ResourceConfig = new ResourceConfig { InstanceCount = options.Value.InstanceCount },
                        }|};
                        if (secure)
                        {
                            request.EnableInterContainerTrafficEncryption = true;
                        }

                        await sageMaker.CreateTrainingJobAsync(request);
                    }

                    public async Task StartSingleAsync(string name)
                    {
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = name,
                            EnableNetworkIsolation = true,
                            VpcConfig = new VpcConfig { Subnets = { "subnet-1" }, SecurityGroupIds = { "sg-1" } },
                            ResourceConfig = new ResourceConfig { InstanceCount = 1 },
                        };
                        await sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task NotebookWithRootAccessOnOneBranch_ReportedAtThatAssignment()
            => NetworkVerify.AnalyzeAsync(Prelude + """
                public class Notebooks(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    public async Task CreateAsync(string name, bool admin)
                    {
                        var request = new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = name,
                            KmsKeyId = options.Value.KmsKeyId,
                            DirectInternetAccess = DirectInternetAccess.Disabled,
                            SubnetId = "subnet-1",
                            SecurityGroupIds = new List<string> { "sg-1" },
                        };
                        if (admin)
                        {
                            {|AISEC031:request.RootAccess = RootAccess.Enabled|};
                        }
                        else
                        {
                            request.RootAccess = RootAccess.Disabled;
                        }

                        await sageMaker.CreateNotebookInstanceAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    

        [Fact]
        public Task Kms_TuningDefinitionInALocal_AndDataCaptureFromAHelper()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public class Tuning(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private const int SingleInstance = 1;

                    private static DataCaptureConfig Capture(string bucket) => {|AISEC011:new DataCaptureConfig|} { EnableCapture = true, DestinationS3Uri = "s3://" + bucket + "/capture", InitialSamplingPercentage = 20 };

                    private DataCaptureConfig EncryptedCapture(string bucket) => new DataCaptureConfig { EnableCapture = true, DestinationS3Uri = "s3://" + bucket + "/capture", KmsKeyId = options.Value.KmsKeyId };

                    public async Task TuneAsync(string name)
                    {
                        var definition = {|AISEC011:new HyperParameterTrainingJobDefinition|}
                        {
                            RoleArn = options.Value.RoleArn,
                            OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://tuning/" + name },
                            ResourceConfig = new ResourceConfig { InstanceCount = SingleInstance, VolumeKmsKeyId = options.Value.KmsKeyId },
                        };
                        await sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { HyperParameterTuningJobName = name, TrainingJobDefinition = definition });
                    }

                    public async Task TuneEncryptedAsync(string name)
                    {
                        var definition = new HyperParameterTrainingJobDefinition
                        {
                            RoleArn = options.Value.RoleArn,
                            OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://tuning/" + name },
                            ResourceConfig = new ResourceConfig { InstanceCount = SingleInstance, VolumeKmsKeyId = options.Value.KmsKeyId },
                        };
                        definition.OutputDataConfig.KmsKeyId = options.Value.KmsKeyId;
                        var request = new CreateHyperParameterTuningJobRequest { HyperParameterTuningJobName = name };
                        request.TrainingJobDefinition = definition;
                        await sageMaker.CreateHyperParameterTuningJobAsync(request);
                    }

                    public Task DeployAsync(string name, string bucket)
                        => sageMaker.CreateEndpointConfigAsync(new CreateEndpointConfigRequest
                        {
                            EndpointConfigName = name,
                            KmsKeyId = options.Value.KmsKeyId,
                            DataCaptureConfig = Capture(bucket),
                            ProductionVariants = [new ProductionVariant { VariantName = "main", ModelName = name, InitialInstanceCount = 1 }],
                        });

                    public Task DeployEncryptedAsync(string name, string bucket)
                        => sageMaker.CreateEndpointConfigAsync(new CreateEndpointConfigRequest
                        {
                            EndpointConfigName = name,
                            KmsKeyId = options.Value.KmsKeyId,
                            DataCaptureConfig = EncryptedCapture(bucket),
                            ProductionVariants = [new ProductionVariant { VariantName = "main", ModelName = name, InitialInstanceCount = 1 }],
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Network_InstanceCountFromAConstantOne_Silent_FromConfiguration_Reported()
            => NetworkVerify.AnalyzeAsync(Prelude + """
                public class Processing(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private const int SingleInstance = 1;

                    // Sent with a configured instance count by RunDistributedAsync: reported here, naming that caller.
                    private static NetworkConfig Isolated() => {|AISEC030:new NetworkConfig
                    {
                        EnableNetworkIsolation = true,
                        VpcConfig = new VpcConfig { Subnets = ["subnet-1"], SecurityGroupIds = ["sg-1"] },
                    }|};

                    public async Task RunSingleAsync(string name)
                    {
                        var request = new CreateProcessingJobRequest
                        {
                            ProcessingJobName = name,
                            NetworkConfig = Isolated(),
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = SingleInstance } },
                        };
                        await sageMaker.CreateProcessingJobAsync(request);
                    }

                    public async Task RunDistributedAsync(string name)
                    {
                        var cluster = new ProcessingClusterConfig { InstanceCount = options.Value.InstanceCount };
                        var request = new CreateProcessingJobRequest
                        {
                            ProcessingJobName = name,
                            NetworkConfig = Isolated(),
                            ProcessingResources = new ProcessingResources { ClusterConfig = cluster },
                        };
                        await sageMaker.CreateProcessingJobAsync(request);
                    }

                    public async Task RunDistributedEncryptedAsync(string name)
                    {
                        var network = Isolated();
                        network.EnableInterContainerTrafficEncryption = true;
                        var request = new CreateProcessingJobRequest
                        {
                            ProcessingJobName = name,
                            NetworkConfig = network,
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = options.Value.InstanceCount } },
                        };
                        await sageMaker.CreateProcessingJobAsync(request);
                    }

                    public Task NotebookAsync(string name)
                        => sageMaker.CreateNotebookInstanceAsync({|AISEC031:new CreateNotebookInstanceRequest { NotebookInstanceName = name, KmsKeyId = options.Value.KmsKeyId, RootAccess = RootAccess.Disabled }|});

                    public Task LockedNotebookAsync(string name)
                        => sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = name,
                            KmsKeyId = options.Value.KmsKeyId,
                            RootAccess = RootAccess.Disabled,
                            DirectInternetAccess = DirectInternetAccess.Disabled,
                            SubnetId = "subnet-1",
                            SecurityGroupIds = ["sg-1"],
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task KeyFromAHelperThatCanReturnNull_Reported_FromAHelperThatAlwaysReturnsOne_Silent()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public class Transformer(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private string? OptionalKey()
                    {
                        if (string.IsNullOrEmpty(options.Value.KmsKeyId))
                        {
                            return null;
                        }

                        return options.Value.KmsKeyId;
                    }

                    private string Key() => options.Value.KmsKeyId;

                    public Task RunAsync(string name) => sageMaker.CreateTransformJobAsync(new CreateTransformJobRequest
                    {
                        TransformJobName = name,
                        TransformOutput = new TransformOutput { S3OutputPath = "s3://out/" + name, {|AISEC011:KmsKeyId = OptionalKey()|} },
                        TransformResources = new TransformResources { InstanceCount = 1, VolumeKmsKeyId = Key() },
                    });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task KeyFromAPropertyThatCanBeNull_Reported_FromAnOptionsDefault_Silent()
            => EncryptionVerify.AnalyzeAsync(Prelude + """
                public class Transformer(IAmazonSageMaker sageMaker, IOptions<TrainingOptions> options)
                {
                    private string? OutputKey => options.Value.KmsKeyId.Length == 0 ? null : options.Value.KmsKeyId;

                    public Task RunAsync(string name) => sageMaker.CreateTransformJobAsync(new CreateTransformJobRequest
                    {
                        TransformJobName = name,
                        TransformOutput = new TransformOutput { S3OutputPath = "s3://out/" + name, {|AISEC011:KmsKeyId = OutputKey|} },
                        TransformResources = new TransformResources { InstanceCount = 1, VolumeKmsKeyId = options.Value.KmsKeyId },
                    });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    }
}
