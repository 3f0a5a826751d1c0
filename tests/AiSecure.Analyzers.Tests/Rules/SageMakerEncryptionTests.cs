using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerEncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerEncryptionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC011: SageMaker resource is created without a KMS key.</summary>
    public class SageMakerEncryptionTests
    {
        [Fact]
        public Task TrainingJobWithoutKeys_OneDiagnosticOnTheCreation_NamingEveryPath()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public class TrainingService
                    {
                        private readonly IAmazonSageMaker _sageMaker;

                        public TrainingService(IAmazonSageMaker sageMaker) => _sageMaker = sageMaker;

                        public async Task<string> StartAsync(string jobName, string roleArn, string image, string outputPath)
                        {
                            var request = {|#0:new CreateTrainingJobRequest|}
                            {
                                TrainingJobName = jobName,
                                RoleArn = roleArn,
                                AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = image, TrainingInputMode = TrainingInputMode.File },
                                OutputDataConfig = new OutputDataConfig { S3OutputPath = outputPath },
                                ResourceConfig = new ResourceConfig { InstanceCount = 1, InstanceType = TrainingInstanceType.MlM5Xlarge, VolumeSizeInGB = 50 },
                                StoppingCondition = new StoppingCondition { MaxRuntimeInSeconds = 3600 },
                            };
                            await _sageMaker.CreateTrainingJobAsync(request);
                            return jobName;
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.SageMakerWithoutKmsKey).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("CreateTrainingJobRequest", "does not set OutputDataConfig.KmsKeyId, ResourceConfig.VolumeKmsKeyId"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task ExplicitEmptyKey_ReportedOnTheAssignment_WithMessage()
            => new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public class Notebooks
                    {
                        public Task CreateAsync(IAmazonSageMaker sageMaker, string name)
                            => sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                            {
                                NotebookInstanceName = name,
                                {|#0:KmsKeyId = null|},
                                RootAccess = RootAccess.Disabled,
                            });
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.SageMakerWithoutKmsKey).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("CreateNotebookInstanceRequest", "sets KmsKeyId to an empty value"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task EveryRequestTypeThatStoresData()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Platform
                {
                    public async Task ProvisionAsync(IAmazonSageMaker sm, string role, string bucket)
                    {
                        await sm.CreateProcessingJobAsync({|AISEC011:new CreateProcessingJobRequest|}
                        {
                            ProcessingJobName = "prep",
                            RoleArn = role,
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1, InstanceType = ProcessingInstanceType.MlM5Xlarge, VolumeSizeInGB = 30 } },
                            ProcessingOutputConfig = new ProcessingOutputConfig { Outputs = new List<ProcessingOutput>() },
                        });

                        await sm.CreateTransformJobAsync({|AISEC011:new CreateTransformJobRequest|}
                        {
                            TransformJobName = "batch",
                            ModelName = "m",
                            TransformOutput = new TransformOutput { S3OutputPath = bucket },
                            TransformResources = new TransformResources { InstanceCount = 1, InstanceType = TransformInstanceType.MlM5Large },
                            DataCaptureConfig = new BatchDataCaptureConfig { DestinationS3Uri = bucket },
                        });

                        await sm.CreateEndpointConfigAsync({|AISEC011:new CreateEndpointConfigRequest|}
                        {
                            EndpointConfigName = "cfg",
                            ProductionVariants = new List<ProductionVariant> { new ProductionVariant { VariantName = "all", ModelName = "m", InitialInstanceCount = 1 } },
                            DataCaptureConfig = new DataCaptureConfig { EnableCapture = true, DestinationS3Uri = bucket, InitialSamplingPercentage = 100 },
                            AsyncInferenceConfig = new AsyncInferenceConfig { OutputConfig = new AsyncInferenceOutputConfig { S3OutputPath = bucket } },
                        });

                        await sm.CreateNotebookInstanceAsync({|AISEC011:new CreateNotebookInstanceRequest|} { NotebookInstanceName = "nb", RoleArn = role });
                        await sm.CreateDomainAsync({|AISEC011:new CreateDomainRequest|} { DomainName = "studio", VpcId = "vpc-1" });
                        await sm.CreateCompilationJobAsync({|AISEC011:new CreateCompilationJobRequest|} { CompilationJobName = "neo", RoleArn = role, OutputConfig = new OutputConfig { S3OutputLocation = bucket } });
                        await sm.CreateLabelingJobAsync({|AISEC011:new CreateLabelingJobRequest|}
                        {
                            LabelingJobName = "label",
                            OutputConfig = new LabelingJobOutputConfig { S3OutputPath = bucket },
                            LabelingJobAlgorithmsConfig = new LabelingJobAlgorithmsConfig { LabelingJobResourceConfig = new LabelingJobResourceConfig() },
                        });
                        await sm.CreateAutoMLJobAsync({|AISEC011:new CreateAutoMLJobRequest|} { AutoMLJobName = "auto", OutputDataConfig = new AutoMLOutputDataConfig { S3OutputPath = bucket } });
                        await sm.CreateAutoMLJobV2Async({|AISEC011:new CreateAutoMLJobV2Request|} { AutoMLJobName = "auto2", SecurityConfig = new AutoMLSecurityConfig { EnableInterContainerTrafficEncryption = true } });
                        await sm.CreateDataQualityJobDefinitionAsync({|AISEC011:new CreateDataQualityJobDefinitionRequest|} { JobDefinitionName = "dq" });
                        await sm.CreateModelBiasJobDefinitionAsync({|AISEC011:new CreateModelBiasJobDefinitionRequest|} { JobDefinitionName = "bias" });
                        await sm.CreateModelQualityJobDefinitionAsync({|AISEC011:new CreateModelQualityJobDefinitionRequest|} { JobDefinitionName = "quality" });
                        await sm.CreateModelExplainabilityJobDefinitionAsync({|AISEC011:new CreateModelExplainabilityJobDefinitionRequest|} { JobDefinitionName = "explain" });
                        await sm.CreateMonitoringScheduleAsync({|AISEC011:new CreateMonitoringScheduleRequest|}
                        {
                            MonitoringScheduleName = "schedule",
                            MonitoringScheduleConfig = new MonitoringScheduleConfig { MonitoringJobDefinition = new MonitoringJobDefinition { RoleArn = role } },
                        });
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task KeysSetThroughInitializersLocalsAndConfiguration_AreSilent()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;
                using Microsoft.Extensions.Configuration;

                public class TrainingService
                {
                    private readonly IAmazonSageMaker _sageMaker;
                    private readonly IConfiguration _config;

                    public TrainingService(IAmazonSageMaker sageMaker, IConfiguration config)
                    {
                        _sageMaker = sageMaker;
                        _config = config;
                    }

                    public Task TrainAsync(string name)
                    {
                        var kmsKey = _config["Aws:KmsKeyArn"];
                        var output = new OutputDataConfig { S3OutputPath = "s3://models/out" };
                        output.KmsKeyId = kmsKey;
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = name,
                            OutputDataConfig = output,
                            ResourceConfig = new ResourceConfig { InstanceCount = 2, VolumeKmsKeyId = _config["Aws:KmsKeyArn"] },
                        };
                        return _sageMaker.CreateTrainingJobAsync(request);
                    }

                    public async Task ProcessAsync(string name)
                    {
                        var request = new CreateProcessingJobRequest { ProcessingJobName = name };
                        request.ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1 } };
                        request.ProcessingResources.ClusterConfig.VolumeKmsKeyId = _config["Aws:KmsKeyArn"];
                        await _sageMaker.CreateProcessingJobAsync(request);
                    }

                    public Task ServerlessTrainingAsync(string name, string kmsKeyId)
                        => _sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            TrainingJobName = name,
                            OutputDataConfig = new OutputDataConfig { KmsKeyId = kmsKeyId, S3OutputPath = "s3://models/out" },
                        });

                    public Task EndpointWithoutOptionalFeaturesAsync(string kmsKeyId)
                        => _sageMaker.CreateEndpointConfigAsync(new CreateEndpointConfigRequest { EndpointConfigName = "cfg", KmsKeyId = kmsKeyId });

                    public Task OutputBuiltElsewhereAsync(OutputDataConfig output)
                        => _sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest { OutputDataConfig = output, ResourceConfig = BuildResources() });

                    public Task DomainWithDeprecatedKeyAsync(string kmsKeyId)
                    {
                #pragma warning disable CS0618
                        return _sageMaker.CreateDomainAsync(new CreateDomainRequest { DomainName = "studio", HomeEfsFileSystemKmsKeyId = kmsKeyId });
                #pragma warning restore CS0618
                    }

                    public Task ModelHasNoStorageAsync()
                        => _sageMaker.CreateModelAsync(new CreateModelRequest { ModelName = "m", EnableNetworkIsolation = true });

                    private ResourceConfig BuildResources() => new ResourceConfig { InstanceCount = 1, VolumeKmsKeyId = "arn:aws:kms:us-east-1:111122223333:key/training" };
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task RequestsThatEscapeOrAreNeverSent_AreSilent()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Builder
                {
                    private CreateTrainingJobRequest? _template;

                    public CreateTrainingJobRequest Build(string name) => new CreateTrainingJobRequest { TrainingJobName = name, OutputDataConfig = new OutputDataConfig() };

                    public void Keep() => _template = new CreateTrainingJobRequest { TrainingJobName = "t" };

                    public async Task SendDecorated(IAmazonSageMaker sm)
                    {
                        var request = new CreateNotebookInstanceRequest { NotebookInstanceName = "nb" };
                        Harden(request);
                        await sm.CreateNotebookInstanceAsync(request);
                    }

                    public void Unsent() => System.Console.WriteLine(new CreateNotebookInstanceRequest { NotebookInstanceName = "nb" });

                    private static void Harden(CreateNotebookInstanceRequest request) => request.KmsKeyId = "alias/notebooks";
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task TuningJobDefinitions()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Tuning
                {
                    public Task InlineDefinitionAsync(IAmazonSageMaker sm, string kmsKeyId)
                        => sm.CreateHyperParameterTuningJobAsync({|AISEC011:new CreateHyperParameterTuningJobRequest|}
                        {
                            HyperParameterTuningJobName = "tune",
                            TrainingJobDefinition = new HyperParameterTrainingJobDefinition
                            {
                                OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://tune/out" },
                                ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeKmsKeyId = kmsKeyId },
                            },
                        });

                    public Task DefinitionBuiltOnItsOwnAsync(IAmazonSageMaker sm)
                    {
                        var definition = {|AISEC011:new HyperParameterTrainingJobDefinition|}
                        {
                            DefinitionName = "xgb",
                            OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://tune/out" },
                            HyperParameterTuningResourceConfig = new HyperParameterTuningResourceConfig { InstanceCount = 2 },
                        };
                        var request = new CreateHyperParameterTuningJobRequest { HyperParameterTuningJobName = "tune", TrainingJobDefinition = definition };
                        return sm.CreateHyperParameterTuningJobAsync(request);
                    }

                    public Task ListOfDefinitionsAsync(IAmazonSageMaker sm, string kmsKeyId)
                    {
                        var good = new HyperParameterTrainingJobDefinition { DefinitionName = "a", OutputDataConfig = new OutputDataConfig { KmsKeyId = kmsKeyId } };
                        var request = new CreateHyperParameterTuningJobRequest
                        {
                            HyperParameterTuningJobName = "multi",
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition>
                            {
                                good,
                                {|AISEC011:new HyperParameterTrainingJobDefinition|} { DefinitionName = "b", OutputDataConfig = new OutputDataConfig() },
                            },
                        };
                        request.TrainingJobDefinitions.Add({|AISEC011:new HyperParameterTrainingJobDefinition|} { DefinitionName = "c" });
                        return sm.CreateHyperParameterTuningJobAsync(request);
                    }

                    public Task GoodInlineAsync(IAmazonSageMaker sm, string kmsKeyId)
                        => sm.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinition = new HyperParameterTrainingJobDefinition { OutputDataConfig = new OutputDataConfig { KmsKeyId = kmsKeyId } },
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task EmptyValuesAndMissingPaths_AreReportedSeparately()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Transform
                {
                    public async Task RunAsync(IAmazonSageMaker sm)
                    {
                        var request = new CreateTransformJobRequest
                        {
                            TransformJobName = "batch",
                            TransformOutput = new TransformOutput { {|AISEC011:KmsKeyId = ""|}, S3OutputPath = "s3://out" },
                        };
                        request.TransformResources = new TransformResources { {|AISEC011:VolumeKmsKeyId = string.Empty|} };
                        await sm.CreateTransformJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task GeneratedCode_IsSkipped_AndBrokenCodeDoesNotCrash()
            => Task.WhenAll(
                Verify.AnalyzeAsync("""
                    // <auto-generated/>
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public class Generated
                    {
                        public Task RunAsync(IAmazonSageMaker sm) => sm.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest());
                    }
                    """, ReferenceCatalog.Aws, awsStubs: true),
                Verify.AnalyzeAsync("""
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public class Broken
                    {
                        public async Task RunAsync(IAmazonSageMaker sm)
                        {
                            var request = new CreateTrainingJobRequest { OutputDataConfig = new OutputDataConfig { KmsKeyId = }, ResourceConfig = new };
                            request.OutputDataConfig. = 
                            await sm.CreateTrainingJobAsync(request
                        }
                    }
                    """, ReferenceCatalog.Aws, awsStubs: true, compilerDiagnostics: CompilerDiagnostics.None));

        // ------------------------------------------------------------------ fixes

        [Fact]
        public Task Fix_AddsKeysIntoExistingNestedInitializers()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class TrainingService
                {
                    public Task StartAsync(IAmazonSageMaker sageMaker, string name, string kmsKeyId)
                    {
                        var request = [|new CreateTrainingJobRequest|]
                        {
                            TrainingJobName = name,
                            OutputDataConfig = new OutputDataConfig
                            {
                                S3OutputPath = "s3://models/out",
                            },
                            ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeSizeInGB = 50 },
                        };
                        return sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class TrainingService
                {
                    public Task StartAsync(IAmazonSageMaker sageMaker, string name, string kmsKeyId)
                    {
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = name,
                            OutputDataConfig = new OutputDataConfig
                            {
                                S3OutputPath = "s3://models/out",
                                KmsKeyId = kmsKeyId,
                            },
                            ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeSizeInGB = 50, VolumeKmsKeyId = kmsKeyId },
                        };
                        return sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Fix_CreatesNestedObjectsWhereNeeded_AndUsesTheEnvironment()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Jobs
                {
                    public Task ProcessAsync(IAmazonSageMaker sm)
                        => sm.CreateProcessingJobAsync([|new CreateProcessingJobRequest|]
                        {
                            ProcessingJobName = "prep",
                            ProcessingResources = new ProcessingResources(),
                        });

                    public Task AutoMLAsync(IAmazonSageMaker sm)
                        => sm.CreateAutoMLJobAsync([|new CreateAutoMLJobRequest|]
                        {
                            AutoMLJobName = "auto",
                            OutputDataConfig = new AutoMLOutputDataConfig { S3OutputPath = "s3://auto" },
                        });
                }
                """, """
                using System;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Jobs
                {
                    public Task ProcessAsync(IAmazonSageMaker sm)
                        => sm.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingJobName = "prep",
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { VolumeKmsKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID") } },
                        });

                    public Task AutoMLAsync(IAmazonSageMaker sm)
                        => sm.CreateAutoMLJobAsync(new CreateAutoMLJobRequest
                        {
                            AutoMLJobName = "auto",
                            OutputDataConfig = new AutoMLOutputDataConfig { S3OutputPath = "s3://auto", KmsKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID") },
                            AutoMLJobConfig = new AutoMLJobConfig { SecurityConfig = new AutoMLSecurityConfig { VolumeKmsKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID") } },
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Fix_WritesIntoTheLocalThatHoldsTheNestedObject_AndTheDefinitionBuiltOnItsOwn()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Tuning
                {
                    private readonly string _kmsKeyArn = "arn:aws:kms:eu-west-1:111122223333:key/abc";

                    public Task TrainAsync(IAmazonSageMaker sm)
                    {
                        var output = new OutputDataConfig { S3OutputPath = "s3://out" };
                        var request = [|new CreateTrainingJobRequest|] { TrainingJobName = "t", OutputDataConfig = output };
                        return sm.CreateTrainingJobAsync(request);
                    }

                    public Task TuneAsync(IAmazonSageMaker sm)
                    {
                        var definition = [|new HyperParameterTrainingJobDefinition()|];
                        definition.DefinitionName = "xgb";
                        return sm.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { TrainingJobDefinition = definition });
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Tuning
                {
                    private readonly string _kmsKeyArn = "arn:aws:kms:eu-west-1:111122223333:key/abc";

                    public Task TrainAsync(IAmazonSageMaker sm)
                    {
                        var output = new OutputDataConfig { S3OutputPath = "s3://out", KmsKeyId = _kmsKeyArn };
                        var request = new CreateTrainingJobRequest { TrainingJobName = "t", OutputDataConfig = output };
                        return sm.CreateTrainingJobAsync(request);
                    }

                    public Task TuneAsync(IAmazonSageMaker sm)
                    {
                        var definition = new HyperParameterTrainingJobDefinition { OutputDataConfig = new OutputDataConfig { KmsKeyId = _kmsKeyArn } };
                        definition.DefinitionName = "xgb";
                        return sm.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { TrainingJobDefinition = definition });
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Fix_ReplacesTheEmptyValue_FromOption()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Notebooks
                {
                    public static string KeyArn() => "alias/notebooks";

                    public Task CreateAsync(IAmazonSageMaker sm)
                        => sm.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest { NotebookInstanceName = "nb", [|KmsKeyId = ""|] });
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Notebooks
                {
                    public static string KeyArn() => "alias/notebooks";

                    public Task CreateAsync(IAmazonSageMaker sm)
                        => sm.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest { NotebookInstanceName = "nb", KmsKeyId = Notebooks.KeyArn() });
                }
                """, ReferenceCatalog.Aws, editorConfig: "aisecure.kms_key_id = Notebooks.KeyArn()", awsStubs: true);

        [Fact]
        public Task FixAll_EndpointConfigs()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Endpoints
                {
                    public async Task DeployAsync(IAmazonSageMaker sm, string kmsKeyId)
                    {
                        await sm.CreateEndpointConfigAsync([|new CreateEndpointConfigRequest|] { EndpointConfigName = "a" });
                        await sm.CreateEndpointConfigAsync([|new CreateEndpointConfigRequest|]
                        {
                            EndpointConfigName = "b",
                            DataCaptureConfig = new DataCaptureConfig { EnableCapture = true, DestinationS3Uri = "s3://capture" },
                        });
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Endpoints
                {
                    public async Task DeployAsync(IAmazonSageMaker sm, string kmsKeyId)
                    {
                        await sm.CreateEndpointConfigAsync(new CreateEndpointConfigRequest { EndpointConfigName = "a", KmsKeyId = kmsKeyId });
                        await sm.CreateEndpointConfigAsync(new CreateEndpointConfigRequest
                        {
                            EndpointConfigName = "b",
                            DataCaptureConfig = new DataCaptureConfig { EnableCapture = true, DestinationS3Uri = "s3://capture", KmsKeyId = kmsKeyId },
                            KmsKeyId = kmsKeyId,
                        });
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    
        [Fact]
        public Task AwsManagedAlias_IsReportedOnTheAssignment()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Compile
                {
                    public Task RunAsync(IAmazonSageMaker sm)
                        => sm.CreateCompilationJobAsync(new CreateCompilationJobRequest
                        {
                            CompilationJobName = "neo",
                            OutputConfig = new OutputConfig { S3OutputLocation = "s3://neo", {|AISEC011:KmsKeyId = "alias/aws/sagemaker"|} },
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Fix_MemberInitializersAndListElements()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Labeling
                {
                    public Task LabelAsync(IAmazonSageMaker sm, string labelingKmsKeyId)
                        => sm.CreateLabelingJobAsync([|new CreateLabelingJobRequest|]
                        {
                            LabelingJobName = "label",
                            OutputConfig = new LabelingJobOutputConfig { S3OutputPath = "s3://labels", KmsKeyId = labelingKmsKeyId },
                            LabelingJobAlgorithmsConfig = { LabelingJobResourceConfig = { } },
                        });

                    public Task TuneAsync(IAmazonSageMaker sm, string labelingKmsKeyId)
                        => sm.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition>
                            {
                                [|new HyperParameterTrainingJobDefinition|] { DefinitionName = "a", OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://a" } },
                            },
                        });
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Labeling
                {
                    public Task LabelAsync(IAmazonSageMaker sm, string labelingKmsKeyId)
                        => sm.CreateLabelingJobAsync(new CreateLabelingJobRequest
                        {
                            LabelingJobName = "label",
                            OutputConfig = new LabelingJobOutputConfig { S3OutputPath = "s3://labels", KmsKeyId = labelingKmsKeyId },
                            LabelingJobAlgorithmsConfig = { LabelingJobResourceConfig = { VolumeKmsKeyId = labelingKmsKeyId } },
                        });

                    public Task TuneAsync(IAmazonSageMaker sm, string labelingKmsKeyId)
                        => sm.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition>
                            {
                                new HyperParameterTrainingJobDefinition { DefinitionName = "a", OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://a", KmsKeyId = labelingKmsKeyId } },
                            },
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
    
        [Fact]
        public Task RealisticPipelineService()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;
                using Microsoft.Extensions.Logging;
                using Microsoft.Extensions.Options;

                public sealed class MlOptions
                {
                    public string RoleArn { get; set; } = "";
                    public string ArtifactBucket { get; set; } = "";
                    public string? KmsKeyArn { get; set; }
                }

                public sealed class PipelineService
                {
                    private readonly IAmazonSageMaker _sageMaker;
                    private readonly MlOptions _options;
                    private readonly ILogger<PipelineService> _logger;

                    public PipelineService(IAmazonSageMaker sageMaker, IOptions<MlOptions> options, ILogger<PipelineService> logger)
                    {
                        _sageMaker = sageMaker;
                        _options = options.Value;
                        _logger = logger;
                    }

                    public async Task<string> TrainAsync(string datasetUri, int instances, CancellationToken cancellationToken)
                    {
                        var jobName = $"train-{DateTime.UtcNow:yyyyMMddHHmmss}";
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = _options.RoleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = "xgboost:1.7", TrainingInputMode = TrainingInputMode.File },
                            HyperParameters = new Dictionary<string, string> { ["max_depth"] = "5" },
                            OutputDataConfig = new OutputDataConfig { S3OutputPath = $"s3://{_options.ArtifactBucket}/models", KmsKeyId = _options.KmsKeyArn },
                            ResourceConfig = new ResourceConfig { InstanceCount = instances, InstanceType = TrainingInstanceType.MlM5Xlarge, VolumeSizeInGB = 100 },
                            StoppingCondition = new StoppingCondition { MaxRuntimeInSeconds = 7200 },
                        };
                        if (instances > 1)
                        {
                            request.EnableInterContainerTrafficEncryption = true;
                        }

                        request.ResourceConfig.VolumeKmsKeyId = _options.KmsKeyArn;
                        _logger.LogInformation("Starting {Job}", jobName);
                        await _sageMaker.CreateTrainingJobAsync(request, cancellationToken);
                        return jobName;
                    }

                    public async Task DeployAsync(string modelName, CancellationToken cancellationToken)
                    {
                        var config = {|AISEC011:new CreateEndpointConfigRequest|}
                        {
                            EndpointConfigName = $"{modelName}-config",
                            ProductionVariants = new List<ProductionVariant>
                            {
                                new ProductionVariant { VariantName = "AllTraffic", ModelName = modelName, InitialInstanceCount = 1, InstanceType = ProductionVariantInstanceType.MlM5Large },
                            },
                        };
                        await _sageMaker.CreateEndpointConfigAsync(config, cancellationToken);
                    }

                    public Task PrepareAsync(string input)
                    {
                        var cluster = new ProcessingClusterConfig { InstanceCount = 1, InstanceType = ProcessingInstanceType.MlM5Xlarge, VolumeSizeInGB = 30 };
                        var request = {|AISEC011:new CreateProcessingJobRequest|}
                        {
                            ProcessingJobName = "prep",
                            RoleArn = _options.RoleArn,
                            ProcessingResources = new ProcessingResources { ClusterConfig = cluster },
                            ProcessingOutputConfig = new ProcessingOutputConfig { KmsKeyId = _options.KmsKeyArn },
                        };
                        return _sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Fix_UsesTheOptionsObjectAndTheNestedLocal()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;
                using Microsoft.Extensions.Options;

                public sealed class MlOptions
                {
                    public string RoleArn { get; set; } = "";
                    public string KmsKeyArn { get; set; } = "";
                }

                public sealed class PipelineService
                {
                    private readonly IAmazonSageMaker _sageMaker;
                    private readonly IOptions<MlOptions> _options;

                    public PipelineService(IAmazonSageMaker sageMaker, IOptions<MlOptions> options)
                    {
                        _sageMaker = sageMaker;
                        _options = options;
                    }

                    public Task PrepareAsync()
                    {
                        var cluster = new ProcessingClusterConfig { InstanceCount = 1 };
                        var request = [|new CreateProcessingJobRequest|]
                        {
                            ProcessingJobName = "prep",
                            ProcessingResources = new ProcessingResources { ClusterConfig = cluster },
                        };
                        return _sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;
                using Microsoft.Extensions.Options;

                public sealed class MlOptions
                {
                    public string RoleArn { get; set; } = "";
                    public string KmsKeyArn { get; set; } = "";
                }

                public sealed class PipelineService
                {
                    private readonly IAmazonSageMaker _sageMaker;
                    private readonly IOptions<MlOptions> _options;

                    public PipelineService(IAmazonSageMaker sageMaker, IOptions<MlOptions> options)
                    {
                        _sageMaker = sageMaker;
                        _options = options;
                    }

                    public Task PrepareAsync()
                    {
                        var cluster = new ProcessingClusterConfig { InstanceCount = 1, VolumeKmsKeyId = _options.Value.KmsKeyArn };
                        var request = new CreateProcessingJobRequest
                        {
                            ProcessingJobName = "prep",
                            ProcessingResources = new ProcessingResources { ClusterConfig = cluster },
                        };
                        return _sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
        /// <summary>
        /// Projects that compile the SDK stand-ins as source (as the samples do) expose the SDK types as source types: the
        /// key search must not offer the request being declared (<c>config.KmsKeyId</c> inside <c>var config = new …</c>,
        /// CS0841) or another SDK object's empty <c>KmsKeyId</c> as the key.
        /// </summary>
        [Fact]
        public async Task FixNeverUsesTheRequestBeingDeclaredOrAnotherSdkObjectAsTheKey()
        {
            var stubs = await StubSourceAsync();
            var test = new Verify.Test
            {
                References = ReferenceCatalog.Aws,
                TestState = { Sources = { ("/0/Test0.cs", """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Provisioner
                {
                    public async Task CreateEndpointConfigAsync(IAmazonSageMaker sageMaker, string name, string model)
                    {
                        var config = [|new CreateEndpointConfigRequest|]
                        {
                            EndpointConfigName = name,
                            ProductionVariants = [new ProductionVariant { VariantName = "AllTraffic", ModelName = model, InitialInstanceCount = 1 }],
                        };
                        await sageMaker.CreateEndpointConfigAsync(config);
                    }

                    public async Task TrainAsync(IAmazonSageMaker sageMaker, string name)
                    {
                        var output = new OutputDataConfig { S3OutputPath = "s3://bucket/out" };
                        var request = [|new CreateTrainingJobRequest|] { TrainingJobName = name, OutputDataConfig = output };
                        await sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """), ("/0/SageMakerStubs.cs", stubs) } },
                FixedState = { Sources = { ("/0/Test0.cs", """
                using System;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                public class Provisioner
                {
                    public async Task CreateEndpointConfigAsync(IAmazonSageMaker sageMaker, string name, string model)
                    {
                        var config = new CreateEndpointConfigRequest
                        {
                            EndpointConfigName = name,
                            ProductionVariants = [new ProductionVariant { VariantName = "AllTraffic", ModelName = model, InitialInstanceCount = 1 }],
                            KmsKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID"),
                        };
                        await sageMaker.CreateEndpointConfigAsync(config);
                    }

                    public async Task TrainAsync(IAmazonSageMaker sageMaker, string name)
                    {
                        var output = new OutputDataConfig { S3OutputPath = "s3://bucket/out", KmsKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID") };
                        var request = new CreateTrainingJobRequest { TrainingJobName = name, OutputDataConfig = output };
                        await sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """), ("/0/SageMakerStubs.cs", stubs) } },
            };
            await test.RunWithStubsAsync();
        }

        private static async Task<string> StubSourceAsync()
        {
            using var stream = typeof(ReferenceCatalog).Assembly.GetManifestResourceStream("Stubs.SageMakerStubs.cs")!;
            using var reader = new System.IO.StreamReader(stream);
            return await reader.ReadToEndAsync();
        }
    }
}
