using AiSecure.Analyzers.Tests.References;
using NetworkVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.SageMakerNetworkAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.SageMakerNetworkFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC030/031 on ML-ops services that build nested configs in helpers taking the instance count as a parameter.</summary>
    public class SageMakerHarderTests
    {
        private const string Service = """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SageMaker;
            using Amazon.SageMaker.Model;

            public sealed class MlOpsOptions
            {
                public string RoleArn { get; set; } = "";
                public string KmsKeyId { get; set; } = "";
                public int TrainingInstances { get; set; } = 2;
                public string[] Subnets { get; set; } = System.Array.Empty<string>();
            }

            public static class Defaults
            {
                public const int SingleInstance = 1;
            }

            public sealed class TrainingService(IAmazonSageMaker sageMaker, MlOpsOptions options)
            {
                private VpcConfig Vpc() => new() { Subnets = options.Subnets.ToList() };

                private ResourceConfig Resources(int count, int volume = 50) => new()
                {
                    InstanceCount = count,
                    InstanceType = TrainingInstanceType.MlM5Xlarge,
                    VolumeSizeInGB = volume,
                    VolumeKmsKeyId = options.KmsKeyId,
                };

                private OutputDataConfig Output() => new() { S3OutputPath = "s3://bucket/out", KmsKeyId = options.KmsKeyId };

            """;

        [Fact]
        public Task InstanceCountPassedToAHelperAsTheConstantOne_Silent_OtherCounts_Reported()
            => NetworkVerify.AnalyzeAsync(Service + """
                    public Task TrainSingleAsync(string job, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            TrainingJobName = job,
                            ResourceConfig = Resources(Defaults.SingleInstance),
                            OutputDataConfig = Output(),
                            VpcConfig = Vpc(),
                            EnableNetworkIsolation = true,
                        }, ct);

                    public Task TrainLiteralOneAsync(string job, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                        {
                            TrainingJobName = job,
                            ResourceConfig = Resources(count: 1, volume: 100),
                            VpcConfig = Vpc(),
                            EnableNetworkIsolation = true,
                        }, ct);

                    public Task TrainDistributedAsync(string job, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync({|AISEC030:new CreateTrainingJobRequest
                        {
                            TrainingJobName = job,
                            ResourceConfig = Resources(options.TrainingInstances),
                            VpcConfig = Vpc(),
                            EnableNetworkIsolation = true,
                        }|}, ct);

                    public Task TrainPairAsync(string job, CancellationToken ct)
                        => sageMaker.CreateTrainingJobAsync({|AISEC030:new CreateTrainingJobRequest
                        {
                            TrainingJobName = job,
                            ResourceConfig = Resources(2),
                            VpcConfig = Vpc(),
                            EnableNetworkIsolation = true,
                        }|}, ct);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);

        [Fact]
        public Task TuningDefinitionFromAHelperThatUsesAnotherHelper_Reported()
            => NetworkVerify.AnalyzeAsync(Service + """
                    private HyperParameterTrainingJobDefinition Definition(string name) => {|AISEC030:new()
                    {
                        DefinitionName = name,
                        RoleArn = options.RoleArn,
                        OutputDataConfig = Output(),
                        ResourceConfig = Resources(4),
                        EnableNetworkIsolation = true,
                        VpcConfig = Vpc(),
                    }|};

                    private HyperParameterTrainingJobDefinition SingleDefinition(string name) => new()
                    {
                        DefinitionName = name,
                        ResourceConfig = Resources(1),
                        EnableNetworkIsolation = true,
                        VpcConfig = Vpc(),
                    };

                    public Task TuneManyAsync(string job, CancellationToken ct)
                    {
                        // Each definition is completed in the loop that builds it: encrypted.
                        var definitions = new System.Collections.Generic.List<HyperParameterTrainingJobDefinition>();
                        foreach (var name in new[] { "a", "b" })
                        {
                            var definition = Definition(name);
                            definition.EnableInterContainerTrafficEncryption = true;
                            definitions.Add(definition);
                        }

                        return sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { HyperParameterTuningJobName = job, TrainingJobDefinitions = definitions }, ct);
                    }

                    public Task TuneAsync(string job, CancellationToken ct)
                        => sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            HyperParameterTuningJobName = job,
                            HyperParameterTuningJobConfig = new HyperParameterTuningJobConfig(),
                            TrainingJobDefinition = Definition("xgb"),
                        }, ct);

                    public Task TuneSingleAsync(string job, CancellationToken ct)
                        => sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
                        {
                            HyperParameterTuningJobName = job,
                            TrainingJobDefinition = SingleDefinition("xgb"),
                        }, ct);
                }
                """, ReferenceCatalog.Aws, awsStubs: true);
        [Fact]
        public Task Fix_SetsTheFlagInTheHelpersDefinition()
            => FixAcrossMethodsAsync(Service + """
                    private HyperParameterTrainingJobDefinition Definition(string name) => {|AISEC030:new()
                    {
                        DefinitionName = name,
                        ResourceConfig = Resources(4),
                        EnableNetworkIsolation = true,
                        VpcConfig = Vpc(),
                    }|};

                    public Task TuneAsync(string job, CancellationToken ct)
                        => sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { HyperParameterTuningJobName = job, TrainingJobDefinition = Definition("xgb") }, ct);
                }
                """, Service + """
                    private HyperParameterTrainingJobDefinition Definition(string name) => new()
                    {
                        DefinitionName = name,
                        ResourceConfig = Resources(4),
                        EnableNetworkIsolation = true,
                        VpcConfig = Vpc(),
                        EnableInterContainerTrafficEncryption = true,
                    };

                    public Task TuneAsync(string job, CancellationToken ct)
                        => sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest { HyperParameterTuningJobName = job, TrainingJobDefinition = Definition("xgb") }, ct);
                }
                """);

        /// <summary>Findings in helpers come from the end of the compilation (non-local): the IDE fixes them in full-solution analysis.</summary>
        private static Task FixAcrossMethodsAsync(string source, string fixedSource)
            => new NetworkVerify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                References = ReferenceCatalog.Aws,
                AwsStubs = true,
                CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            }.RunWithStubsAsync();
    }
}
