using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerNetworkAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerNetworkFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC030 (inter-container traffic encryption) and AISEC031 (network isolation).</summary>
    public class SageMakerNetworkTests
    {
        private static Task AnalyzeAsync(string source, string? editorConfig = null)
            => Verify.AnalyzeAsync(source, ReferenceCatalog.Aws, editorConfig, awsStubs: true);

        /// <summary>A fix after which diagnostics remain (the other rule's, or a missing VpcConfig that has no fix): the fixed markup lists them.</summary>
        private static Task FixWithRemainingAsync(string source, string fixedSource, string equivalenceKey)
            => new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                FixedState = { MarkupHandling = MarkupMode.Allow },
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                CodeActionEquivalenceKey = equivalenceKey,
            }.RunWithStubsAsync();

        [Fact]
        public Task DistributedTrainingJobWithoutEncryptionOrIsolation()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Trainer
                {
                    private readonly IAmazonSageMaker _sageMaker;

                    public Trainer(IAmazonSageMaker sageMaker) => _sageMaker = sageMaker;

                    public Task StartAsync(string jobName, string roleArn, string kmsKeyArn)
                    {
                        var request = {|AISEC030:{|AISEC031:new CreateTrainingJobRequest
                        {
                            TrainingJobName = jobName,
                            RoleArn = roleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1", TrainingInputMode = TrainingInputMode.File },
                            OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://ml-artifacts/models/", KmsKeyId = kmsKeyArn },
                            ResourceConfig = new ResourceConfig { InstanceCount = 4, InstanceType = TrainingInstanceType.MlP32xlarge, VolumeSizeInGB = 100, VolumeKmsKeyId = kmsKeyArn },
                            StoppingCondition = new StoppingCondition { MaxRuntimeInSeconds = 86400 },
                        }|}|};
                        return _sageMaker.CreateTrainingJobAsync(request);
                    }
                }
                """);

        [Fact]
        public Task ExplicitFalseIsReportedAtTheAssignmentEvenWhenNotSent()
            => AnalyzeAsync("""
                using Amazon.SageMaker.Model;

                static class Requests
                {
                    public static CreateTrainingJobRequest Training() => new CreateTrainingJobRequest
                    {
                        ResourceConfig = new ResourceConfig { InstanceCount = 1 },
                        {|AISEC030:EnableInterContainerTrafficEncryption = false|},
                    };

                    public static NetworkConfig Network()
                    {
                        var network = new NetworkConfig();
                        {|AISEC030:network.EnableInterContainerTrafficEncryption = false|};
                        return network;
                    }
                }
                """);

        [Fact]
        public Task SingleInstanceJobsNeedNoEncryption()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            ResourceConfig = new ResourceConfig { InstanceCount = 1, InstanceType = TrainingInstanceType.MlM5Large },
                            EnableNetworkIsolation = true,
                            VpcConfig = vpc,
                        });

                        await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            ResourceConfig = new ResourceConfig { InstanceGroups = new List<InstanceGroup> { new InstanceGroup { InstanceGroupName = "main", InstanceCount = 1 } } },
                            EnableNetworkIsolation = true,
                            VpcConfig = vpc,
                        });

                        await sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1, InstanceType = ProcessingInstanceType.MlM5Large } },
                            NetworkConfig = new NetworkConfig { EnableNetworkIsolation = true, VpcConfig = vpc },
                        });
                    }
                }
                """);

        [Fact]
        public Task InstanceCountsThatAreNotTheConstantOne()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc, int workers)
                    {
                        var resources = new ResourceConfig { InstanceType = TrainingInstanceType.MlM5Large };
                        resources.InstanceCount = workers;
                        var request = {|AISEC030:new CreateTrainingJobRequest { ResourceConfig = resources, EnableNetworkIsolation = true, VpcConfig = vpc }|};
                        await sageMaker.CreateTrainingJobAsync(request);

                        await sageMaker.CreateTrainingJobAsync({|AISEC030:new CreateTrainingJobRequest
                        {
                            ResourceConfig = new ResourceConfig
                            {
                                InstanceGroups = new List<InstanceGroup>
                                {
                                    new InstanceGroup { InstanceGroupName = "cpu", InstanceCount = 1 },
                                    new InstanceGroup { InstanceGroupName = "gpu", InstanceCount = 1 },
                                },
                            },
                            EnableNetworkIsolation = true,
                            VpcConfig = vpc,
                        }|});

                        // No ResourceConfig at all: the count is not known to be 1.
                        await sageMaker.CreateTrainingJobAsync({|AISEC030:new CreateTrainingJobRequest { EnableNetworkIsolation = true, VpcConfig = vpc }|});
                    }
                }
                """);

        [Fact]
        public Task ProcessingJobs()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Processing
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        // No NetworkConfig: both rules report on the request.
                        await sageMaker.CreateProcessingJobAsync({|AISEC030:{|AISEC031:new CreateProcessingJobRequest
                        {
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 3 } },
                        }|}|});

                        // A NetworkConfig without the flags: both report on it.
                        await sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 2 } },
                            NetworkConfig = {|AISEC030:{|AISEC031:new NetworkConfig { VpcConfig = null }|}|},
                        });

                        // Isolation explicitly false: AISEC031 at the assignment.
                        await sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 2 } },
                            NetworkConfig = new NetworkConfig { EnableInterContainerTrafficEncryption = true, {|AISEC031:EnableNetworkIsolation = false|}, VpcConfig = vpc },
                        });
                    }
                }
                """);

        [Fact]
        public Task TuningJobDefinitions()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Tuning
                {
                    public Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        var definition = {|AISEC030:new HyperParameterTrainingJobDefinition
                        {
                            DefinitionName = "xgboost",
                            ResourceConfig = new ResourceConfig { InstanceCount = 2 },
                            EnableNetworkIsolation = true,
                            VpcConfig = vpc,
                        }|};

                        var request = new CreateHyperParameterTuningJobRequest
                        {
                            HyperParameterTuningJobName = "tuning",
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition>
                            {
                                definition,
                                {|AISEC031:new HyperParameterTrainingJobDefinition
                                {
                                    DefinitionName = "single",
                                    HyperParameterTuningResourceConfig = new HyperParameterTuningResourceConfig { InstanceCount = 1 },
                                }|},
                            },
                        };
                        return sageMaker.CreateHyperParameterTuningJobAsync(request);
                    }
                }
                """);

        [Fact]
        public Task AutoMLAndMonitoringJobs()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, string kmsKeyArn)
                    {
                        await sageMaker.CreateAutoMLJobV2Async({|AISEC030:new CreateAutoMLJobV2Request { AutoMLJobName = "churn" }|});
                        await sageMaker.CreateAutoMLJobV2Async(new CreateAutoMLJobV2Request { SecurityConfig = {|AISEC030:new AutoMLSecurityConfig { VolumeKmsKeyId = kmsKeyArn }|} });
                        await sageMaker.CreateAutoMLJobAsync({|AISEC030:new CreateAutoMLJobRequest { AutoMLJobConfig = new AutoMLJobConfig() }|});
                        await sageMaker.CreateAutoMLJobV2Async(new CreateAutoMLJobV2Request { SecurityConfig = new AutoMLSecurityConfig { EnableInterContainerTrafficEncryption = true } });

                        await sageMaker.CreateDataQualityJobDefinitionAsync({|AISEC030:new CreateDataQualityJobDefinitionRequest
                        {
                            JobResources = new MonitoringResources { ClusterConfig = new MonitoringClusterConfig { InstanceCount = 2 } },
                        }|});
                        await sageMaker.CreateDataQualityJobDefinitionAsync(new CreateDataQualityJobDefinitionRequest
                        {
                            JobResources = new MonitoringResources { ClusterConfig = new MonitoringClusterConfig { InstanceCount = 1 } },
                        });

                        await sageMaker.CreateMonitoringScheduleAsync(new CreateMonitoringScheduleRequest
                        {
                            MonitoringScheduleConfig = new MonitoringScheduleConfig
                            {
                                MonitoringJobDefinition = new MonitoringJobDefinition
                                {
                                    NetworkConfig = {|AISEC030:new NetworkConfig { EnableNetworkIsolation = true }|},
                                    MonitoringResources = new MonitoringResources { ClusterConfig = new MonitoringClusterConfig { InstanceCount = 2 } },
                                },
                            },
                        });

                        // A schedule that points at a job definition by name has nothing inline to judge.
                        await sageMaker.CreateMonitoringScheduleAsync(new CreateMonitoringScheduleRequest { MonitoringScheduleName = "nightly" });
                    }
                }
                """);

        [Fact]
        public Task ModelsAndNotebooks()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Hosting
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, string roleArn, string subnet, string securityGroup)
                    {
                        await sageMaker.CreateModelAsync({|AISEC031:new CreateModelRequest { ModelName = "churn", ExecutionRoleArn = roleArn }|});
                        await sageMaker.CreateModelAsync(new CreateModelRequest
                        {
                            ModelName = "churn-isolated",
                            EnableNetworkIsolation = true,
                            VpcConfig = new VpcConfig { Subnets = new List<string> { subnet }, SecurityGroupIds = new List<string> { securityGroup } },
                        });

                        await sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = "research",
                            {|AISEC031:DirectInternetAccess = DirectInternetAccess.Enabled|},
                            RootAccess = RootAccess.Disabled,
                        });
                        await sageMaker.CreateNotebookInstanceAsync({|AISEC031:new CreateNotebookInstanceRequest { NotebookInstanceName = "defaults" }|});
                        await sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = "locked",
                            DirectInternetAccess = DirectInternetAccess.Disabled,
                            RootAccess = "Disabled",
                            SubnetId = subnet,
                        });
                    }
                }
                """);

        [Fact]
        public Task SilentWhenUnknownUnsentOrEscaping()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    private CreateTrainingJobRequest? _pending;

                    public Task FromHelpers(IAmazonSageMaker sageMaker, bool encrypt, bool isolate)
                        => sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingResources = BuildResources(),
                            NetworkConfig = new NetworkConfig { EnableInterContainerTrafficEncryption = encrypt, EnableNetworkIsolation = isolate, VpcConfig = BuildVpc() },
                        });

                    public Task Opaque(IAmazonSageMaker sageMaker, NetworkConfig network)
                        => sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest { NetworkConfig = network, ProcessingResources = BuildResources() });

                    public CreateTrainingJobRequest Build() => new CreateTrainingJobRequest { ResourceConfig = new ResourceConfig { InstanceCount = 8 } };

                    public void Store() => _pending = new CreateTrainingJobRequest();

                    public Task Completed(IAmazonSageMaker sageMaker)
                    {
                        var request = new CreateTrainingJobRequest { ResourceConfig = new ResourceConfig { InstanceCount = 8 } };
                        Harden(request);
                        return sageMaker.CreateTrainingJobAsync(request);
                    }

                    private static void Harden(CreateTrainingJobRequest request) { }

                    private static ProcessingResources BuildResources() => new ProcessingResources();

                    private static VpcConfig BuildVpc() => new VpcConfig();
                }
                """);

        [Fact]
        public Task SilentWithoutTheSdk()
            => Verify.AnalyzeAsync("""
                namespace Amazon.SageMaker.Model
                {
                    class CreateTrainingJobRequest { public bool? EnableInterContainerTrafficEncryption { get; set; } }
                }

                class Client
                {
                    public object Build() => new Amazon.SageMaker.Model.CreateTrainingJobRequest { EnableInterContainerTrafficEncryption = false };
                }
                """);

        [Fact]
        public async Task MessageText()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    class Jobs
                    {
                        public Task Run(IAmazonSageMaker sageMaker)
                            => sageMaker.CreateProcessingJobAsync({|#0:new CreateProcessingJobRequest
                            {
                                ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 2 } },
                            }|});
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.InterContainerEncryptionDisabled).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("'CreateProcessingJobRequest' does not set NetworkConfig.EnableInterContainerTrafficEncryption and its instance count is not the constant 1: traffic between the job's instances (model parameters, gradients, training data) is not encrypted; set EnableInterContainerTrafficEncryption = true"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NetworkIsolationMissing).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("'CreateProcessingJobRequest' does not set NetworkConfig.EnableNetworkIsolation = true and has no NetworkConfig.VpcConfig: its containers can reach the network and it does not run in your VPC; set NetworkConfig.EnableNetworkIsolation = true and add a VpcConfig with your own subnets and security groups (the fix only sets the flag)"));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => AnalyzeAsync("""
                // <auto-generated/>
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Generated
                {
                    public Task Run(IAmazonSageMaker sageMaker)
                        => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest { EnableInterContainerTrafficEncryption = false });
                }
                """);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Broken
                {
                    public Task Run(IAmazonSageMaker sageMaker)
                    {
                        var request = new CreateTrainingJobRequest { ResourceConfig = new ResourceConfig { InstanceCount = }, EnableInterContainerTrafficEncryption = };
                        request.NetworkConfig = new NetworkConfig();
                        request.EnableNetworkIsolation = fals;
                        return sageMaker.CreateTrainingJobAsync(request, );
                    }

                    public Task Notebook(IAmazonSageMaker sageMaker) => sageMaker.CreateNotebookInstanceAsync({|AISEC031:new CreateNotebookInstanceRequest { DirectInternetAccess = DirectInternetAccess. }|});
                }
                """, ReferenceCatalog.Aws, awsStubs: true, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task FixEncryptionAddsTheFlagToTheOwner()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        await sageMaker.CreateTrainingJobAsync({|AISEC030:new CreateTrainingJobRequest
                        {
                            TrainingJobName = "bert", // the model
                            ResourceConfig = new ResourceConfig { InstanceCount = 4 },
                            EnableNetworkIsolation = true,
                            VpcConfig = vpc
                        }|});

                        var processing = new CreateProcessingJobRequest();
                        processing.ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 2 } };
                        processing.NetworkConfig = {|AISEC030:new NetworkConfig { EnableNetworkIsolation = true, VpcConfig = vpc, }|};
                        await sageMaker.CreateProcessingJobAsync(processing);

                        await sageMaker.CreateAutoMLJobAsync({|AISEC030:new CreateAutoMLJobRequest { AutoMLJobName = "churn", AutoMLJobConfig = new AutoMLJobConfig() }|});
                        await sageMaker.CreateAutoMLJobV2Async({|AISEC030:new CreateAutoMLJobV2Request()|});
                        await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest { {|AISEC030:EnableInterContainerTrafficEncryption = false|}, EnableNetworkIsolation = true, VpcConfig = vpc });
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            TrainingJobName = "bert", // the model
                            ResourceConfig = new ResourceConfig { InstanceCount = 4 },
                            EnableNetworkIsolation = true,
                            VpcConfig = vpc,
                            EnableInterContainerTrafficEncryption = true
                        });

                        var processing = new CreateProcessingJobRequest();
                        processing.ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 2 } };
                        processing.NetworkConfig = new NetworkConfig { EnableNetworkIsolation = true, VpcConfig = vpc, EnableInterContainerTrafficEncryption = true };
                        await sageMaker.CreateProcessingJobAsync(processing);

                        await sageMaker.CreateAutoMLJobAsync(new CreateAutoMLJobRequest { AutoMLJobName = "churn", AutoMLJobConfig = new AutoMLJobConfig { SecurityConfig = new AutoMLSecurityConfig { EnableInterContainerTrafficEncryption = true } } });
                        await sageMaker.CreateAutoMLJobV2Async(new CreateAutoMLJobV2Request { SecurityConfig = new AutoMLSecurityConfig { EnableInterContainerTrafficEncryption = true } });
                        await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest { EnableInterContainerTrafficEncryption = true, EnableNetworkIsolation = true, VpcConfig = vpc });
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true, equivalenceKey: "AISEC030.EnableEncryption");

        [Fact]
        public Task FixEncryptionCreatesTheMissingNetworkConfig()
            => FixWithRemainingAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public Task RunAsync(IAmazonSageMaker sageMaker)
                    {
                        var request = {|AISEC030:{|AISEC031:new CreateProcessingJobRequest
                        {
                            ProcessingJobName = "features",
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 3 } },
                        }|}|};
                        return sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public Task RunAsync(IAmazonSageMaker sageMaker)
                    {
                        var request = new CreateProcessingJobRequest
                        {
                            ProcessingJobName = "features",
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 3 } },
                            NetworkConfig = {|AISEC031:new NetworkConfig { EnableInterContainerTrafficEncryption = true }|},
                        };
                        return sageMaker.CreateProcessingJobAsync(request);
                    }
                }
                """, "AISEC030.EnableEncryption");

        [Fact]
        public Task FixIsolationSetsTheFlagButInventsNoVpc()
            => FixWithRemainingAsync("""
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    class Hosting
                    {
                        public async Task RunAsync(IAmazonSageMaker sageMaker, string roleArn, VpcConfig vpc)
                        {
                            await sageMaker.CreateModelAsync({|AISEC031:new CreateModelRequest { ModelName = "churn", ExecutionRoleArn = roleArn }|});
                            await sageMaker.CreateModelAsync(new CreateModelRequest { ModelName = "churn", {|AISEC031:EnableNetworkIsolation = false|}, VpcConfig = vpc });
                            await sageMaker.CreateModelAsync({|AISEC031:new CreateModelRequest { ModelName = "isolated", EnableNetworkIsolation = true }|});
                        }
                    }
                    """, """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    class Hosting
                    {
                        public async Task RunAsync(IAmazonSageMaker sageMaker, string roleArn, VpcConfig vpc)
                        {
                            await sageMaker.CreateModelAsync({|AISEC031:new CreateModelRequest { ModelName = "churn", ExecutionRoleArn = roleArn, EnableNetworkIsolation = true }|});
                            await sageMaker.CreateModelAsync(new CreateModelRequest { ModelName = "churn", EnableNetworkIsolation = true, VpcConfig = vpc });
                            await sageMaker.CreateModelAsync({|AISEC031:new CreateModelRequest { ModelName = "isolated", EnableNetworkIsolation = true }|});
                        }
                    }
                    """, "AISEC031.Isolate");

        [Fact]
        public Task FixNotebookDisablesInternetAndRootAccess()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Notebooks
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker)
                    {
                        await sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = "research",
                            {|AISEC031:DirectInternetAccess = DirectInternetAccess.Enabled|},
                        });

                        var request = {|AISEC031:new CreateNotebookInstanceRequest()|};
                        request.NotebookInstanceName = "scratch";
                        await sageMaker.CreateNotebookInstanceAsync(request);
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Notebooks
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker)
                    {
                        await sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
                        {
                            NotebookInstanceName = "research",
                            DirectInternetAccess = DirectInternetAccess.Disabled,
                            RootAccess = RootAccess.Disabled,
                        });

                        var request = new CreateNotebookInstanceRequest { DirectInternetAccess = DirectInternetAccess.Disabled, RootAccess = RootAccess.Disabled };
                        request.NotebookInstanceName = "scratch";
                        await sageMaker.CreateNotebookInstanceAsync(request);
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task FixTuningDefinitionsAddsUsing()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class Tuning
                {
                    public Task RunAsync(Amazon.SageMaker.IAmazonSageMaker sageMaker, Amazon.SageMaker.Model.VpcConfig vpc)
                        => sageMaker.CreateHyperParameterTuningJobAsync(new Amazon.SageMaker.Model.CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinition = {|AISEC030:new Amazon.SageMaker.Model.HyperParameterTrainingJobDefinition
                            {
                                HyperParameterTuningResourceConfig = new Amazon.SageMaker.Model.HyperParameterTuningResourceConfig { InstanceCount = 2 },
                                EnableNetworkIsolation = true,
                                VpcConfig = vpc,
                            }|},
                        });
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;

                class Tuning
                {
                    public Task RunAsync(Amazon.SageMaker.IAmazonSageMaker sageMaker, Amazon.SageMaker.Model.VpcConfig vpc)
                        => sageMaker.CreateHyperParameterTuningJobAsync(new Amazon.SageMaker.Model.CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinition = new Amazon.SageMaker.Model.HyperParameterTrainingJobDefinition
                            {
                                HyperParameterTuningResourceConfig = new Amazon.SageMaker.Model.HyperParameterTuningResourceConfig { InstanceCount = 2 },
                                EnableNetworkIsolation = true,
                                VpcConfig = vpc,
                                EnableInterContainerTrafficEncryption = true,
                            },
                        });
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task FixKeepsLayoutOfTargetTypedAndEmptyInitializers()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        CreateTrainingJobRequest request = {|AISEC030:new() { }|};
                        request.ResourceConfig = new ResourceConfig { InstanceCount = 2 };
                        request.EnableNetworkIsolation = true;
                        request.VpcConfig = vpc;
                        await sageMaker.CreateTrainingJobAsync(request);

                        await sageMaker.CreateTrainingJobAsync({|AISEC030:new CreateTrainingJobRequest
                        {
                            ResourceConfig = new ResourceConfig { InstanceCount = 2 },
                            EnableNetworkIsolation = true, // isolated
                            VpcConfig = vpc // private subnets
                        }|});
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        CreateTrainingJobRequest request = new() { EnableInterContainerTrafficEncryption = true };
                        request.ResourceConfig = new ResourceConfig { InstanceCount = 2 };
                        request.EnableNetworkIsolation = true;
                        request.VpcConfig = vpc;
                        await sageMaker.CreateTrainingJobAsync(request);

                        await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            ResourceConfig = new ResourceConfig { InstanceCount = 2 },
                            EnableNetworkIsolation = true, // isolated
                            VpcConfig = vpc, // private subnets
                            EnableInterContainerTrafficEncryption = true
                        });
                    }
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task FixIsolationInTuningDefinitionsAndProcessing()
            => FixWithRemainingAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        await sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition>
                            {
                                {|AISEC031:new HyperParameterTrainingJobDefinition { DefinitionName = "a", VpcConfig = vpc, ResourceConfig = new ResourceConfig { InstanceCount = 1 } }|},
                            },
                        });

                        await sageMaker.CreateProcessingJobAsync({|AISEC031:new CreateProcessingJobRequest
                        {
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1 } },
                        }|});
                    }
                }
                """, """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                class Jobs
                {
                    public async Task RunAsync(IAmazonSageMaker sageMaker, VpcConfig vpc)
                    {
                        await sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            TrainingJobDefinitions = new List<HyperParameterTrainingJobDefinition>
                            {
                                new HyperParameterTrainingJobDefinition { DefinitionName = "a", VpcConfig = vpc, ResourceConfig = new ResourceConfig { InstanceCount = 1 }, EnableNetworkIsolation = true },
                            },
                        });

                        await sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
                        {
                            ProcessingResources = new ProcessingResources { ClusterConfig = new ProcessingClusterConfig { InstanceCount = 1 } },
                            NetworkConfig = {|AISEC031:new NetworkConfig { EnableNetworkIsolation = true }|},
                        });
                    }
                }
                """, "AISEC031.Isolate");
    }
}
