using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using EncryptionVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerEncryptionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerEncryptionFixer>;
using NetworkVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerNetworkAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerNetworkFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC011, AISEC030 and AISEC031 on requests and nested configs built in helpers (docs/rules/AISEC011.md).</summary>
    public class SageMakerHelperTests
    {
        private const string Helpers = """
            using System.Threading.Tasks;
            using Amazon.SageMaker;
            using Amazon.SageMaker.Model;

            public class Training
            {
                private readonly IAmazonSageMaker _sageMaker;
                private readonly string _kmsKeyArn = System.Environment.GetEnvironmentVariable("KMS_KEY_ARN")!;
                private CreateTrainingJobRequest? _pending;

                public Training(IAmazonSageMaker sageMaker) => _sageMaker = sageMaker;

                private static CreateTrainingJobRequest Build(string name, string output) => {|#0:new CreateTrainingJobRequest|}
                {
                    TrainingJobName = name,
                    AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = "image", TrainingInputMode = TrainingInputMode.File },
                    OutputDataConfig = new OutputDataConfig { S3OutputPath = output },
                    ResourceConfig = new ResourceConfig { InstanceCount = 4, InstanceType = TrainingInstanceType.MlM5Xlarge, VolumeSizeInGB = 50 },
                };

                private static CreateTrainingJobRequest Unused(string name) => new CreateTrainingJobRequest { TrainingJobName = name };

                public Task StartAsync(string name, string output) => _sageMaker.CreateTrainingJobAsync(Build(name, output));

                public async Task StartCompletedAsync(string name, string output)
                {
                    var request = Build(name, output);
                    request.OutputDataConfig.KmsKeyId = _kmsKeyArn;
                    request.ResourceConfig.VolumeKmsKeyId = _kmsKeyArn;
                    request.EnableInterContainerTrafficEncryption = true;
                    request.EnableNetworkIsolation = true;
                    request.VpcConfig = new VpcConfig { Subnets = { "subnet-1" }, SecurityGroupIds = { "sg-1" } };
                    await _sageMaker.CreateTrainingJobAsync(request);
                }

                public void Queue(string name, string output) => _pending = Build(name, output);
            }
            """;

        [Fact]
        public Task Kms_HelperRequest_ReportedAtItsCreation_NamingTheCallerThatSendsItIncomplete()
            => new EncryptionVerify.Test
            {
                TestCode = Helpers,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.SageMakerWithoutKmsKeyAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("'CreateTrainingJobRequest' does not set OutputDataConfig.KmsKeyId, ResourceConfig.VolumeKmsKeyId; set a customer-managed KMS key id", "Training.StartAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task Kms_NestedConfigFromAHelper_ReportedAtTheConfigsCreation()
            => new EncryptionVerify.Test
            {
                TestCode = """
                    using System.Threading.Tasks;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    public class Training
                    {
                        private static OutputDataConfig Output(string path) => {|#0:new OutputDataConfig|} { S3OutputPath = path };

                        private static OutputDataConfig EncryptedOutput(string path, string key) => new OutputDataConfig { S3OutputPath = path, KmsKeyId = key };

                        private static OutputDataConfig NeverUsed(string path) => new OutputDataConfig { S3OutputPath = path };

                        public Task StartAsync(IAmazonSageMaker sageMaker, string name, string path, string kmsKeyArn)
                            => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                            {
                                TrainingJobName = name,
                                OutputDataConfig = Output(path),
                                ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeKmsKeyId = kmsKeyArn },
                            });

                        public async Task StartEncryptedAsync(IAmazonSageMaker sageMaker, string name, string path, string kmsKeyArn)
                        {
                            var request = new CreateTrainingJobRequest
                            {
                                TrainingJobName = name,
                                OutputDataConfig = EncryptedOutput(path, kmsKeyArn),
                                ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeKmsKeyId = kmsKeyArn },
                            };
                            await sageMaker.CreateTrainingJobAsync(request);
                        }

                        public async Task StartCompletedAsync(IAmazonSageMaker sageMaker, string name, string path, string kmsKeyArn)
                        {
                            var output = Output(path);
                            output.KmsKeyId = kmsKeyArn;
                            await sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                            {
                                TrainingJobName = name,
                                OutputDataConfig = output,
                                ResourceConfig = new ResourceConfig { InstanceCount = 1, VolumeKmsKeyId = kmsKeyArn },
                            });
                        }
                    }
                    """,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.SageMakerWithoutKmsKeyAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("'OutputDataConfig' does not set KmsKeyId; set a customer-managed KMS key id", "Training.StartAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task Network_HelperRequest_ReportedAtItsCreation_NamingTheCallerThatSendsItIncomplete()
            => new NetworkVerify.Test
            {
                // AISEC030/031 report on the whole creation.
                TestCode = Helpers.Replace("{|#0:new CreateTrainingJobRequest|}", "{|#0:new CreateTrainingJobRequest").Replace("VolumeSizeInGB = 50 },\n    };", "VolumeSizeInGB = 50 },\n    }|};"),
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(Descriptors.InterContainerEncryptionDisabledAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("'CreateTrainingJobRequest' does not set EnableInterContainerTrafficEncryption and its instance count is not the constant 1: traffic between the job's instances (model parameters, gradients, training data) is not encrypted; set EnableInterContainerTrafficEncryption = true", "Training.StartAsync"),
                    new DiagnosticResult(Descriptors.NetworkIsolationMissingAcrossMethods).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                        .WithArguments("'CreateTrainingJobRequest' does not set EnableNetworkIsolation = true and has no VpcConfig: its containers can reach the network and it does not run in your VPC; set EnableNetworkIsolation = true and add a VpcConfig with your own subnets and security groups (the fix only sets the flag)", "Training.StartAsync"),
                },
            }.RunWithStubsAsync();

        [Fact]
        public Task Network_CallerSetsTheFlags_HelperUnused_RequestStored_AreSilent()
            => NetworkVerify.AnalyzeAsync(Helpers.Replace("{|#0:new CreateTrainingJobRequest|}", "new CreateTrainingJobRequest").Replace(
                "public Task StartAsync(string name, string output) => _sageMaker.CreateTrainingJobAsync(Build(name, output));", string.Empty), ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task Kms_CallerSetsTheKeys_HelperUnused_RequestStored_AreSilent()
            => EncryptionVerify.AnalyzeAsync(Helpers.Replace("{|#0:new CreateTrainingJobRequest|}", "new CreateTrainingJobRequest").Replace(
                "public Task StartAsync(string name, string output) => _sageMaker.CreateTrainingJobAsync(Build(name, output));", string.Empty), ReferenceCatalog.Aws, awsStubs: true);
    }
}
