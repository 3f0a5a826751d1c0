using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// One job inside a SageMaker request (the request itself, or each training definition of a tuning job):
    /// where its inter-container encryption and network-isolation flags live and how many instances it runs on.
    /// Paths are property names joined with '.', relative to the unit; "" is the unit itself.
    /// </summary>
    internal sealed class SageMakerUnitSpec
    {
        public SageMakerUnitSpec(string unitPath, bool isCollection, string? encryptionOwner, ImmutableArray<string> countPaths, string? isolationOwner, string? vpcPath)
        {
            UnitPath = unitPath;
            IsCollection = isCollection;
            EncryptionOwner = encryptionOwner;
            CountPaths = countPaths;
            IsolationOwner = isolationOwner;
            VpcPath = vpcPath;
        }

        /// <summary>Path of the unit in the request; "" for the request. A unit other than the request is judged only when it is there.</summary>
        public readonly string UnitPath;

        /// <summary>The unit path is a list: each element is a unit.</summary>
        public readonly bool IsCollection;

        /// <summary>The object holding <c>EnableInterContainerTrafficEncryption</c>; null when the request has no such flag.</summary>
        public readonly string? EncryptionOwner;

        /// <summary>
        /// Instance counts; a path segment ending in "[]" is a list whose elements' counts add up. The job runs on
        /// one instance when the counts written add up to the constant 1.
        /// </summary>
        public readonly ImmutableArray<string> CountPaths;

        /// <summary>The object holding <c>EnableNetworkIsolation</c>; null when AISEC031 does not apply.</summary>
        public readonly string? IsolationOwner;

        /// <summary>The <c>VpcConfig</c> path; null when AISEC031 does not apply.</summary>
        public readonly string? VpcPath;
    }

    /// <summary>The SageMaker request types of docs/rules/AISEC030.md and AISEC031.md, with the shapes docs/knowledge/aws-stubs.md lists.</summary>
    internal static class SageMakerNetworkSpecs
    {
        public const string Namespace = "Amazon.SageMaker.Model.";

        /// <summary>True for a type of <see cref="Namespace"/>: a SageMaker request or one of the configs it nests.</summary>
        public static bool IsModelType(ITypeSymbol? type)
            => type?.ContainingNamespace is { Name: "Model", ContainingNamespace: { Name: "SageMaker", ContainingNamespace: { Name: "Amazon", ContainingNamespace.IsGlobalNamespace: true } } };

        public const string EncryptionFlag = "EnableInterContainerTrafficEncryption";

        public const string IsolationFlag = "EnableNetworkIsolation";

        public const string NotebookRequest = "CreateNotebookInstanceRequest";

        private static readonly ImmutableArray<string> NoCounts = ImmutableArray<string>.Empty;

        /// <summary>The request types (in <see cref="Namespace"/>) and their units.</summary>
        public static readonly ImmutableArray<SageMakerRequestSpec> Requests = CreateRequests();

        private static ImmutableArray<SageMakerRequestSpec> CreateRequests()
        {
            var training = new SageMakerUnitSpec("", false, "", ImmutableArray.Create("ResourceConfig.InstanceCount", "ResourceConfig.InstanceGroups[].InstanceCount"), "", "VpcConfig");
            var tuningCounts = ImmutableArray.Create(
                "ResourceConfig.InstanceCount",
                "ResourceConfig.InstanceGroups[].InstanceCount",
                "HyperParameterTuningResourceConfig.InstanceCount",
                "HyperParameterTuningResourceConfig.InstanceConfigs[].InstanceCount");
            var monitoring = ImmutableArray.Create(new SageMakerUnitSpec("", false, "NetworkConfig", ImmutableArray.Create("JobResources.ClusterConfig.InstanceCount"), null, null));

            var builder = ImmutableArray.CreateBuilder<SageMakerRequestSpec>();
            builder.Add(new SageMakerRequestSpec("CreateTrainingJobRequest", ImmutableArray.Create(training)));
            builder.Add(new SageMakerRequestSpec("CreateHyperParameterTuningJobRequest", ImmutableArray.Create(
                new SageMakerUnitSpec("TrainingJobDefinition", false, "", tuningCounts, "", "VpcConfig"),
                new SageMakerUnitSpec("TrainingJobDefinitions", true, "", tuningCounts, "", "VpcConfig"))));
            builder.Add(new SageMakerRequestSpec("CreateProcessingJobRequest", ImmutableArray.Create(
                new SageMakerUnitSpec("", false, "NetworkConfig", ImmutableArray.Create("ProcessingResources.ClusterConfig.InstanceCount"), "NetworkConfig", "NetworkConfig.VpcConfig"))));
            builder.Add(new SageMakerRequestSpec("CreateAutoMLJobRequest", ImmutableArray.Create(new SageMakerUnitSpec("", false, "AutoMLJobConfig.SecurityConfig", NoCounts, null, null))));
            builder.Add(new SageMakerRequestSpec("CreateAutoMLJobV2Request", ImmutableArray.Create(new SageMakerUnitSpec("", false, "SecurityConfig", NoCounts, null, null))));
            builder.Add(new SageMakerRequestSpec("CreateDataQualityJobDefinitionRequest", monitoring));
            builder.Add(new SageMakerRequestSpec("CreateModelBiasJobDefinitionRequest", monitoring));
            builder.Add(new SageMakerRequestSpec("CreateModelQualityJobDefinitionRequest", monitoring));
            builder.Add(new SageMakerRequestSpec("CreateModelExplainabilityJobDefinitionRequest", monitoring));
            builder.Add(new SageMakerRequestSpec("CreateMonitoringScheduleRequest", ImmutableArray.Create(new SageMakerUnitSpec(
                "MonitoringScheduleConfig.MonitoringJobDefinition", false, "NetworkConfig", ImmutableArray.Create("MonitoringResources.ClusterConfig.InstanceCount"), null, null))));
            builder.Add(new SageMakerRequestSpec("CreateModelRequest", ImmutableArray.Create(new SageMakerUnitSpec("", false, null, NoCounts, "", "VpcConfig"))));
            builder.Add(new SageMakerRequestSpec(NotebookRequest, ImmutableArray<SageMakerUnitSpec>.Empty));
            return builder.ToImmutable();
        }
    }

    /// <summary>A SageMaker request type (its name in <see cref="SageMakerNetworkSpecs.Namespace"/>) and the units it configures.</summary>
    internal sealed class SageMakerRequestSpec
    {
        public SageMakerRequestSpec(string name, ImmutableArray<SageMakerUnitSpec> units)
        {
            Name = name;
            Units = units;
        }

        public readonly string Name;

        public readonly ImmutableArray<SageMakerUnitSpec> Units;
    }
}
