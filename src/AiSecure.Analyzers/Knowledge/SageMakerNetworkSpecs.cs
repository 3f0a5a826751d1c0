using System.Collections.Immutable;

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
        public string UnitPath { get; }

        /// <summary>The unit path is a list: each element is a unit.</summary>
        public bool IsCollection { get; }

        /// <summary>The object holding <c>EnableInterContainerTrafficEncryption</c>; null when the request has no such flag.</summary>
        public string? EncryptionOwner { get; }

        /// <summary>
        /// Instance counts; a path segment ending in "[]" is a list whose elements' counts add up. The job runs on
        /// one instance when the counts written add up to the constant 1.
        /// </summary>
        public ImmutableArray<string> CountPaths { get; }

        /// <summary>The object holding <c>EnableNetworkIsolation</c>; null when AISEC031 does not apply.</summary>
        public string? IsolationOwner { get; }

        /// <summary>The <c>VpcConfig</c> path; null when AISEC031 does not apply.</summary>
        public string? VpcPath { get; }
    }

    /// <summary>The SageMaker request types of RULES.md "SageMaker infrastructure", from api-facts/aws-sdk.md §2.</summary>
    internal static class SageMakerNetworkSpecs
    {
        public const string Namespace = "Amazon.SageMaker.Model.";

        public const string EncryptionFlag = "EnableInterContainerTrafficEncryption";

        public const string IsolationFlag = "EnableNetworkIsolation";

        public const string NotebookRequest = "CreateNotebookInstanceRequest";

        private static readonly ImmutableArray<string> NoCounts = ImmutableArray<string>.Empty;

        /// <summary>Request type name (in <see cref="Namespace"/>) → its units.</summary>
        public static readonly ImmutableDictionary<string, ImmutableArray<SageMakerUnitSpec>> Requests = CreateRequests();

        private static ImmutableDictionary<string, ImmutableArray<SageMakerUnitSpec>> CreateRequests()
        {
            var training = new SageMakerUnitSpec("", false, "", ImmutableArray.Create("ResourceConfig.InstanceCount", "ResourceConfig.InstanceGroups[].InstanceCount"), "", "VpcConfig");
            var tuningCounts = ImmutableArray.Create(
                "ResourceConfig.InstanceCount",
                "ResourceConfig.InstanceGroups[].InstanceCount",
                "HyperParameterTuningResourceConfig.InstanceCount",
                "HyperParameterTuningResourceConfig.InstanceConfigs[].InstanceCount");
            var monitoring = ImmutableArray.Create(new SageMakerUnitSpec("", false, "NetworkConfig", ImmutableArray.Create("JobResources.ClusterConfig.InstanceCount"), null, null));

            var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<SageMakerUnitSpec>>();
            builder.Add("CreateTrainingJobRequest", ImmutableArray.Create(training));
            builder.Add("CreateHyperParameterTuningJobRequest", ImmutableArray.Create(
                new SageMakerUnitSpec("TrainingJobDefinition", false, "", tuningCounts, "", "VpcConfig"),
                new SageMakerUnitSpec("TrainingJobDefinitions", true, "", tuningCounts, "", "VpcConfig")));
            builder.Add("CreateProcessingJobRequest", ImmutableArray.Create(
                new SageMakerUnitSpec("", false, "NetworkConfig", ImmutableArray.Create("ProcessingResources.ClusterConfig.InstanceCount"), "NetworkConfig", "NetworkConfig.VpcConfig")));
            builder.Add("CreateAutoMLJobRequest", ImmutableArray.Create(new SageMakerUnitSpec("", false, "AutoMLJobConfig.SecurityConfig", NoCounts, null, null)));
            builder.Add("CreateAutoMLJobV2Request", ImmutableArray.Create(new SageMakerUnitSpec("", false, "SecurityConfig", NoCounts, null, null)));
            builder.Add("CreateDataQualityJobDefinitionRequest", monitoring);
            builder.Add("CreateModelBiasJobDefinitionRequest", monitoring);
            builder.Add("CreateModelQualityJobDefinitionRequest", monitoring);
            builder.Add("CreateModelExplainabilityJobDefinitionRequest", monitoring);
            builder.Add("CreateMonitoringScheduleRequest", ImmutableArray.Create(new SageMakerUnitSpec(
                "MonitoringScheduleConfig.MonitoringJobDefinition", false, "NetworkConfig", ImmutableArray.Create("MonitoringResources.ClusterConfig.InstanceCount"), null, null)));
            builder.Add("CreateModelRequest", ImmutableArray.Create(new SageMakerUnitSpec("", false, null, NoCounts, "", "VpcConfig")));
            builder.Add(NotebookRequest, ImmutableArray<SageMakerUnitSpec>.Empty);
            return builder.ToImmutable();
        }
    }
}
