// Test stand-ins for AWSSDK.SageMaker (AWS SDK for .NET v4), which the package registry used here
// does not serve. Written by hand from the SDK's documented public API (docs/knowledge/aws-stubs.md lists the
// types and what is assumed); not copied from the SDK. Only the public shape matters: the analyzer matches
// these types by metadata name, so the same rules work against the real assembly.
//
// Shape conventions (v4): value-type members are nullable (bool?, int?), collections are List<T> /
// Dictionary<K,V> and default to null, enum-like values are sealed ConstantClass subclasses, requests
// derive from AmazonSageMakerRequest : AmazonWebServiceRequest, responses from AmazonWebServiceResponse.
// The real SDK is not annotated for nullable reference types, so neither is this file.
// Members marked "outside facts" are not in the facts file; they exist only so realistic test code
// compiles. See docs/knowledge/aws-stubs.md.
#nullable disable

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.SageMaker.Model;

namespace Amazon.SageMaker
{
    // ---------------------------------------------------------------- enum-like constants

    public sealed class DirectInternetAccess : ConstantClass
    {
        public static readonly DirectInternetAccess Disabled = new DirectInternetAccess("Disabled");
        public static readonly DirectInternetAccess Enabled = new DirectInternetAccess("Enabled");
        public DirectInternetAccess(string value) : base(value) { }
        public static DirectInternetAccess FindValue(string value) => FindValue<DirectInternetAccess>(value);
        public static implicit operator DirectInternetAccess(string value) => FindValue(value);
    }

    public sealed class RootAccess : ConstantClass
    {
        public static readonly RootAccess Disabled = new RootAccess("Disabled");
        public static readonly RootAccess Enabled = new RootAccess("Enabled");
        public RootAccess(string value) : base(value) { }
        public static RootAccess FindValue(string value) => FindValue<RootAccess>(value);
        public static implicit operator RootAccess(string value) => FindValue(value);
    }

    // Member names PublicInternetOnly / VpcOnly: UNVERIFIED in the facts file (service-doc values).
    public sealed class AppNetworkAccessType : ConstantClass
    {
        public static readonly AppNetworkAccessType PublicInternetOnly = new AppNetworkAccessType("PublicInternetOnly");
        public static readonly AppNetworkAccessType VpcOnly = new AppNetworkAccessType("VpcOnly");
        public AppNetworkAccessType(string value) : base(value) { }
        public static AppNetworkAccessType FindValue(string value) => FindValue<AppNetworkAccessType>(value);
        public static implicit operator AppNetworkAccessType(string value) => FindValue(value);
    }

    // Members outside facts (type name is in the facts; values are a small sample).
    public sealed class AppSecurityGroupManagement : ConstantClass
    {
        public static readonly AppSecurityGroupManagement Customer = new AppSecurityGroupManagement("Customer");
        public static readonly AppSecurityGroupManagement Service = new AppSecurityGroupManagement("Service");
        public AppSecurityGroupManagement(string value) : base(value) { }
        public static AppSecurityGroupManagement FindValue(string value) => FindValue<AppSecurityGroupManagement>(value);
        public static implicit operator AppSecurityGroupManagement(string value) => FindValue(value);
    }

    // Type and members outside facts.
    public sealed class AuthMode : ConstantClass
    {
        public static readonly AuthMode IAM = new AuthMode("IAM");
        public static readonly AuthMode SSO = new AuthMode("SSO");
        public AuthMode(string value) : base(value) { }
        public static AuthMode FindValue(string value) => FindValue<AuthMode>(value);
        public static implicit operator AuthMode(string value) => FindValue(value);
    }

    // Type and members outside facts.
    public sealed class TagPropagation : ConstantClass
    {
        public static readonly TagPropagation DISABLED = new TagPropagation("DISABLED");
        public static readonly TagPropagation ENABLED = new TagPropagation("ENABLED");
        public TagPropagation(string value) : base(value) { }
        public static TagPropagation FindValue(string value) => FindValue<TagPropagation>(value);
        public static implicit operator TagPropagation(string value) => FindValue(value);
    }

    // Type name from facts (ResourceConfig.InstanceType); members are a sample, outside facts.
    public sealed class TrainingInstanceType : ConstantClass
    {
        public static readonly TrainingInstanceType MlC5Xlarge = new TrainingInstanceType("ml.c5.xlarge");
        public static readonly TrainingInstanceType MlG5Xlarge = new TrainingInstanceType("ml.g5.xlarge");
        public static readonly TrainingInstanceType MlM5Large = new TrainingInstanceType("ml.m5.large");
        public static readonly TrainingInstanceType MlM5Xlarge = new TrainingInstanceType("ml.m5.xlarge");
        public static readonly TrainingInstanceType MlP32xlarge = new TrainingInstanceType("ml.p3.2xlarge");
        public TrainingInstanceType(string value) : base(value) { }
        public static TrainingInstanceType FindValue(string value) => FindValue<TrainingInstanceType>(value);
        public static implicit operator TrainingInstanceType(string value) => FindValue(value);
    }

    // Type name from facts (MonitoringClusterConfig.InstanceType); members are a sample, outside facts.
    public sealed class ProcessingInstanceType : ConstantClass
    {
        public static readonly ProcessingInstanceType MlM5Large = new ProcessingInstanceType("ml.m5.large");
        public static readonly ProcessingInstanceType MlM5Xlarge = new ProcessingInstanceType("ml.m5.xlarge");
        public static readonly ProcessingInstanceType MlT3Medium = new ProcessingInstanceType("ml.t3.medium");
        public ProcessingInstanceType(string value) : base(value) { }
        public static ProcessingInstanceType FindValue(string value) => FindValue<ProcessingInstanceType>(value);
        public static implicit operator ProcessingInstanceType(string value) => FindValue(value);
    }

    // Type name from facts (TransformResources.InstanceType); members are a sample, outside facts.
    public sealed class TransformInstanceType : ConstantClass
    {
        public static readonly TransformInstanceType MlM5Large = new TransformInstanceType("ml.m5.large");
        public static readonly TransformInstanceType MlM5Xlarge = new TransformInstanceType("ml.m5.xlarge");
        public TransformInstanceType(string value) : base(value) { }
        public static TransformInstanceType FindValue(string value) => FindValue<TransformInstanceType>(value);
        public static implicit operator TransformInstanceType(string value) => FindValue(value);
    }

    // Type and members outside facts (ProductionVariant.InstanceType).
    public sealed class ProductionVariantInstanceType : ConstantClass
    {
        public static readonly ProductionVariantInstanceType MlM5Large = new ProductionVariantInstanceType("ml.m5.large");
        public static readonly ProductionVariantInstanceType MlM5Xlarge = new ProductionVariantInstanceType("ml.m5.xlarge");
        public ProductionVariantInstanceType(string value) : base(value) { }
        public static ProductionVariantInstanceType FindValue(string value) => FindValue<ProductionVariantInstanceType>(value);
        public static implicit operator ProductionVariantInstanceType(string value) => FindValue(value);
    }

    // Notebook instance type. Type name and members outside facts (facts list only the property name).
    public sealed class InstanceType : ConstantClass
    {
        public static readonly InstanceType MlT3Medium = new InstanceType("ml.t3.medium");
        public static readonly InstanceType MlT3Large = new InstanceType("ml.t3.large");
        public InstanceType(string value) : base(value) { }
        public static InstanceType FindValue(string value) => FindValue<InstanceType>(value);
        public static implicit operator InstanceType(string value) => FindValue(value);
    }

    // Type name from facts (OutputDataConfig.CompressionType); members outside facts.
    public sealed class OutputCompressionType : ConstantClass
    {
        public static readonly OutputCompressionType GZIP = new OutputCompressionType("GZIP");
        public static readonly OutputCompressionType NONE = new OutputCompressionType("NONE");
        public OutputCompressionType(string value) : base(value) { }
        public static OutputCompressionType FindValue(string value) => FindValue<OutputCompressionType>(value);
        public static implicit operator OutputCompressionType(string value) => FindValue(value);
    }

    // Type name from facts (TransformOutput.AssembleWith); members outside facts.
    public sealed class AssemblyType : ConstantClass
    {
        public static readonly AssemblyType Line = new AssemblyType("Line");
        public static readonly AssemblyType None = new AssemblyType("None");
        public AssemblyType(string value) : base(value) { }
        public static AssemblyType FindValue(string value) => FindValue<AssemblyType>(value);
        public static implicit operator AssemblyType(string value) => FindValue(value);
    }

    // Type and members outside facts (AlgorithmSpecification.TrainingInputMode).
    public sealed class TrainingInputMode : ConstantClass
    {
        public static readonly TrainingInputMode FastFile = new TrainingInputMode("FastFile");
        public static readonly TrainingInputMode File = new TrainingInputMode("File");
        public static readonly TrainingInputMode Pipe = new TrainingInputMode("Pipe");
        public TrainingInputMode(string value) : base(value) { }
        public static TrainingInputMode FindValue(string value) => FindValue<TrainingInputMode>(value);
        public static implicit operator TrainingInputMode(string value) => FindValue(value);
    }

    // Type and members outside facts (CreateAutoMLJobRequest.ProblemType).
    public sealed class ProblemType : ConstantClass
    {
        public static readonly ProblemType BinaryClassification = new ProblemType("BinaryClassification");
        public static readonly ProblemType MulticlassClassification = new ProblemType("MulticlassClassification");
        public static readonly ProblemType Regression = new ProblemType("Regression");
        public ProblemType(string value) : base(value) { }
        public static ProblemType FindValue(string value) => FindValue<ProblemType>(value);
        public static implicit operator ProblemType(string value) => FindValue(value);
    }

    // Type and members outside facts (AutoMLJobConfig.Mode).
    public sealed class AutoMLMode : ConstantClass
    {
        public static readonly AutoMLMode AUTO = new AutoMLMode("AUTO");
        public static readonly AutoMLMode ENSEMBLING = new AutoMLMode("ENSEMBLING");
        public static readonly AutoMLMode HYPERPARAMETER_TUNING = new AutoMLMode("HYPERPARAMETER_TUNING");
        public AutoMLMode(string value) : base(value) { }
        public static AutoMLMode FindValue(string value) => FindValue<AutoMLMode>(value);
        public static implicit operator AutoMLMode(string value) => FindValue(value);
    }

    // Type and members outside facts (HyperParameterTuningResourceConfig.AllocationStrategy).
    public sealed class HyperParameterTuningAllocationStrategy : ConstantClass
    {
        public static readonly HyperParameterTuningAllocationStrategy Prioritized = new HyperParameterTuningAllocationStrategy("Prioritized");
        public HyperParameterTuningAllocationStrategy(string value) : base(value) { }
        public static HyperParameterTuningAllocationStrategy FindValue(string value) => FindValue<HyperParameterTuningAllocationStrategy>(value);
        public static implicit operator HyperParameterTuningAllocationStrategy(string value) => FindValue(value);
    }

    // Type and members outside facts (CompilationJob OutputConfig.TargetDevice).
    public sealed class TargetDevice : ConstantClass
    {
        public static readonly TargetDevice Jetson_nano = new TargetDevice("jetson_nano");
        public static readonly TargetDevice Ml_c5 = new TargetDevice("ml_c5");
        public TargetDevice(string value) : base(value) { }
        public static TargetDevice FindValue(string value) => FindValue<TargetDevice>(value);
        public static implicit operator TargetDevice(string value) => FindValue(value);
    }

    // Type and members outside facts (CaptureOption.CaptureMode).
    public sealed class CaptureMode : ConstantClass
    {
        public static readonly CaptureMode Input = new CaptureMode("Input");
        public static readonly CaptureMode InputAndOutput = new CaptureMode("InputAndOutput");
        public static readonly CaptureMode Output = new CaptureMode("Output");
        public CaptureMode(string value) : base(value) { }
        public static CaptureMode FindValue(string value) => FindValue<CaptureMode>(value);
        public static implicit operator CaptureMode(string value) => FindValue(value);
    }

    // ---------------------------------------------------------------- client config and client

    public partial class AmazonSageMakerConfig : ClientConfig
    {
        // The real config passes a provider built from the service's generated default configurations;
        // the provider rejects an empty list, so a single "Standard" configuration stands in for them.
        public AmazonSageMakerConfig()
            : base(new Amazon.Runtime.Internal.DefaultConfigurationProvider(new IDefaultConfiguration[]
            {
                new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
            }))
        {
        }

        public override string ServiceVersion => "2017-07-24";
        public override string UserAgent => "aws-sdk-dotnet-stub/SageMaker";
        public override string RegionEndpointServiceName => "api.sagemaker";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotImplementedException();
    }

    public partial interface IAmazonSageMaker : IAmazonService, IDisposable
    {
        Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateProcessingJobResponse> CreateProcessingJobAsync(CreateProcessingJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateTransformJobResponse> CreateTransformJobAsync(CreateTransformJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken cancellationToken = default);
        Task<CreateNotebookInstanceResponse> CreateNotebookInstanceAsync(CreateNotebookInstanceRequest request, CancellationToken cancellationToken = default);
        Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(CreateHyperParameterTuningJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateAutoMLJobResponse> CreateAutoMLJobAsync(CreateAutoMLJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateAutoMLJobV2Response> CreateAutoMLJobV2Async(CreateAutoMLJobV2Request request, CancellationToken cancellationToken = default);
        Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken cancellationToken = default);
        Task<CreateDomainResponse> CreateDomainAsync(CreateDomainRequest request, CancellationToken cancellationToken = default);
        Task<CreateCompilationJobResponse> CreateCompilationJobAsync(CreateCompilationJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateLabelingJobResponse> CreateLabelingJobAsync(CreateLabelingJobRequest request, CancellationToken cancellationToken = default);
        Task<CreateDataQualityJobDefinitionResponse> CreateDataQualityJobDefinitionAsync(CreateDataQualityJobDefinitionRequest request, CancellationToken cancellationToken = default);
        Task<CreateModelBiasJobDefinitionResponse> CreateModelBiasJobDefinitionAsync(CreateModelBiasJobDefinitionRequest request, CancellationToken cancellationToken = default);
        Task<CreateModelQualityJobDefinitionResponse> CreateModelQualityJobDefinitionAsync(CreateModelQualityJobDefinitionRequest request, CancellationToken cancellationToken = default);
        Task<CreateModelExplainabilityJobDefinitionResponse> CreateModelExplainabilityJobDefinitionAsync(CreateModelExplainabilityJobDefinitionRequest request, CancellationToken cancellationToken = default);
        Task<CreateMonitoringScheduleResponse> CreateMonitoringScheduleAsync(CreateMonitoringScheduleRequest request, CancellationToken cancellationToken = default);
    }

    public partial class AmazonSageMakerClient : AmazonServiceClient, IAmazonSageMaker
    {
        // Constructor set of a generated v4 client (facts section 4; UNVERIFIED per service).
        // Bodies chain to AmazonServiceClient's protected constructors; never run by the tests.
        public AmazonSageMakerClient() : base(new AmazonSageMakerConfig()) { }
        public AmazonSageMakerClient(RegionEndpoint region) : base(new AmazonSageMakerConfig { RegionEndpoint = region }) { }
        public AmazonSageMakerClient(AmazonSageMakerConfig config) : base(config) { }
        public AmazonSageMakerClient(AWSCredentials credentials) : this(credentials, new AmazonSageMakerConfig()) { }
        public AmazonSageMakerClient(AWSCredentials credentials, RegionEndpoint region) : this(credentials, new AmazonSageMakerConfig { RegionEndpoint = region }) { }
        public AmazonSageMakerClient(AWSCredentials credentials, AmazonSageMakerConfig clientConfig) : base(credentials, clientConfig) { }
        public AmazonSageMakerClient(string awsAccessKeyId, string awsSecretAccessKey) : this(awsAccessKeyId, awsSecretAccessKey, new AmazonSageMakerConfig()) { }
        public AmazonSageMakerClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region) : this(awsAccessKeyId, awsSecretAccessKey, new AmazonSageMakerConfig { RegionEndpoint = region }) { }
        public AmazonSageMakerClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonSageMakerConfig clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, clientConfig) { }
        public AmazonSageMakerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonSageMakerConfig()) { }
        public AmazonSageMakerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region) : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonSageMakerConfig { RegionEndpoint = region }) { }
        public AmazonSageMakerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonSageMakerConfig clientConfig) : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig) { }

        // IAmazonService declares these as static abstract members in AWSSDK.Core's net8.0+ builds.
        public static ClientConfig CreateDefaultClientConfig() => new AmazonSageMakerConfig();
        public static IAmazonService CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig)
            => new AmazonSageMakerClient(awsCredentials, (AmazonSageMakerConfig)clientConfig);

        public virtual Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateProcessingJobResponse> CreateProcessingJobAsync(CreateProcessingJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateTransformJobResponse> CreateTransformJobAsync(CreateTransformJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateEndpointConfigResponse> CreateEndpointConfigAsync(CreateEndpointConfigRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateNotebookInstanceResponse> CreateNotebookInstanceAsync(CreateNotebookInstanceRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateHyperParameterTuningJobResponse> CreateHyperParameterTuningJobAsync(CreateHyperParameterTuningJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateAutoMLJobResponse> CreateAutoMLJobAsync(CreateAutoMLJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateAutoMLJobV2Response> CreateAutoMLJobV2Async(CreateAutoMLJobV2Request request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateDomainResponse> CreateDomainAsync(CreateDomainRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateCompilationJobResponse> CreateCompilationJobAsync(CreateCompilationJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateLabelingJobResponse> CreateLabelingJobAsync(CreateLabelingJobRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateDataQualityJobDefinitionResponse> CreateDataQualityJobDefinitionAsync(CreateDataQualityJobDefinitionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateModelBiasJobDefinitionResponse> CreateModelBiasJobDefinitionAsync(CreateModelBiasJobDefinitionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateModelQualityJobDefinitionResponse> CreateModelQualityJobDefinitionAsync(CreateModelQualityJobDefinitionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateModelExplainabilityJobDefinitionResponse> CreateModelExplainabilityJobDefinitionAsync(CreateModelExplainabilityJobDefinitionRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public virtual Task<CreateMonitoringScheduleResponse> CreateMonitoringScheduleAsync(CreateMonitoringScheduleRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}

namespace Amazon.SageMaker.Model
{
    public abstract partial class AmazonSageMakerRequest : AmazonWebServiceRequest
    {
    }

    // ---------------------------------------------------------------- shared config types

    public partial class VpcConfig
    {
        public List<string> SecurityGroupIds { get; set; }
        public List<string> Subnets { get; set; }
    }

    // Used by CreateProcessingJobRequest.NetworkConfig and MonitoringJobDefinition.NetworkConfig.
    public partial class NetworkConfig
    {
        public bool? EnableInterContainerTrafficEncryption { get; set; }
        public bool? EnableNetworkIsolation { get; set; }
        public VpcConfig VpcConfig { get; set; }
    }

    // ---------------------------------------------------------------- CreateTrainingJob

    public partial class CreateTrainingJobRequest : AmazonSageMakerRequest
    {
        public string TrainingJobName { get; set; }                              // outside facts
        public AlgorithmSpecification AlgorithmSpecification { get; set; }       // not [Required] in recent v4
        public string RoleArn { get; set; }
        public Dictionary<string, string> HyperParameters { get; set; }
        public Dictionary<string, string> Environment { get; set; }
        public OutputDataConfig OutputDataConfig { get; set; }
        public ResourceConfig ResourceConfig { get; set; }
        public VpcConfig VpcConfig { get; set; }
        public bool? EnableInterContainerTrafficEncryption { get; set; }
        public bool? EnableNetworkIsolation { get; set; }
        public bool? EnableManagedSpotTraining { get; set; }
        public CheckpointConfig CheckpointConfig { get; set; }
        public StoppingCondition StoppingCondition { get; set; }                 // outside facts
        // Listed in the facts without a type; type names assumed equal to the property names (placeholders).
        public ServerlessJobConfig ServerlessJobConfig { get; set; }
        public SessionChainingConfig SessionChainingConfig { get; set; }
        public RemoteDebugConfig RemoteDebugConfig { get; set; }
        public InfraCheckConfig InfraCheckConfig { get; set; }
        public MlflowConfig MlflowConfig { get; set; }
        public ModelPackageConfig ModelPackageConfig { get; set; }
    }

    public partial class OutputDataConfig
    {
        public string KmsKeyId { get; set; }
        public string S3OutputPath { get; set; }
        public Amazon.SageMaker.OutputCompressionType CompressionType { get; set; }
    }

    public partial class ResourceConfig
    {
        public int? InstanceCount { get; set; }
        public List<InstanceGroup> InstanceGroups { get; set; }
        public Amazon.SageMaker.TrainingInstanceType InstanceType { get; set; }
        public int? VolumeSizeInGB { get; set; }
        public int? KeepAlivePeriodInSeconds { get; set; }
        public string VolumeKmsKeyId { get; set; }
        public string TrainingPlanArn { get; set; }
        public InstancePlacementConfig InstancePlacementConfig { get; set; }
    }

    // Member names UNVERIFIED in the facts file.
    public partial class InstanceGroup
    {
        public string InstanceGroupName { get; set; }
        public int? InstanceCount { get; set; }
        public Amazon.SageMaker.TrainingInstanceType InstanceType { get; set; }
    }

    public partial class InstancePlacementConfig { }                                  // placeholder

    // Outside facts.
    public partial class AlgorithmSpecification
    {
        public string TrainingImage { get; set; }
        public string AlgorithmName { get; set; }
        public Amazon.SageMaker.TrainingInputMode TrainingInputMode { get; set; }
    }

    // Members outside facts.
    public partial class CheckpointConfig
    {
        public string S3Uri { get; set; }
        public string LocalPath { get; set; }
    }

    // Outside facts.
    public partial class StoppingCondition
    {
        public int? MaxRuntimeInSeconds { get; set; }
        public int? MaxWaitTimeInSeconds { get; set; }
    }

    public partial class ServerlessJobConfig { }                                      // placeholder
    public partial class SessionChainingConfig { }                                    // placeholder
    public partial class RemoteDebugConfig { }                                        // placeholder
    public partial class InfraCheckConfig { }                                         // placeholder
    public partial class MlflowConfig { }                                             // placeholder
    public partial class ModelPackageConfig { }                                       // placeholder

    // ---------------------------------------------------------------- CreateProcessingJob

    public partial class CreateProcessingJobRequest : AmazonSageMakerRequest
    {
        public string ProcessingJobName { get; set; }                            // outside facts
        public string RoleArn { get; set; }                                      // outside facts
        public Dictionary<string, string> Environment { get; set; }              // outside facts
        public NetworkConfig NetworkConfig { get; set; }
        public ProcessingOutputConfig ProcessingOutputConfig { get; set; }
        public ProcessingResources ProcessingResources { get; set; }
    }

    public partial class ProcessingOutputConfig
    {
        public string KmsKeyId { get; set; }
        public List<ProcessingOutput> Outputs { get; set; }
    }

    // Members outside facts.
    public partial class ProcessingOutput
    {
        public string OutputName { get; set; }
        public ProcessingS3Output S3Output { get; set; }
    }

    // Outside facts.
    public partial class ProcessingS3Output
    {
        public string S3Uri { get; set; }
        public string LocalPath { get; set; }
    }

    public partial class ProcessingResources
    {
        public ProcessingClusterConfig ClusterConfig { get; set; }
    }

    public partial class ProcessingClusterConfig
    {
        public int? InstanceCount { get; set; }
        public Amazon.SageMaker.ProcessingInstanceType InstanceType { get; set; }
        public int? VolumeSizeInGB { get; set; }
        public string VolumeKmsKeyId { get; set; }
        public int? SelectedInstanceCount { get; set; }
        // InstancePreferences / SelectedInstanceType exist in the newest version; types not given in facts, omitted.
    }

    // ---------------------------------------------------------------- CreateTransformJob

    public partial class CreateTransformJobRequest : AmazonSageMakerRequest
    {
        public string TransformJobName { get; set; }                             // outside facts
        public string ModelName { get; set; }                                    // outside facts
        public TransformOutput TransformOutput { get; set; }
        public TransformResources TransformResources { get; set; }
        public BatchDataCaptureConfig DataCaptureConfig { get; set; }
        public int? MaxConcurrentTransforms { get; set; }
        public int? MaxPayloadInMB { get; set; }
    }

    public partial class TransformOutput
    {
        public string KmsKeyId { get; set; }
        public string S3OutputPath { get; set; }
        public string Accept { get; set; }
        public Amazon.SageMaker.AssemblyType AssembleWith { get; set; }
    }

    public partial class TransformResources
    {
        public string VolumeKmsKeyId { get; set; }
        public int? InstanceCount { get; set; }
        public Amazon.SageMaker.TransformInstanceType InstanceType { get; set; }
        public string TransformAmiVersion { get; set; }
    }

    public partial class BatchDataCaptureConfig
    {
        public string KmsKeyId { get; set; }
        public string DestinationS3Uri { get; set; }
        public bool? GenerateInferenceId { get; set; }
    }

    // ---------------------------------------------------------------- CreateEndpointConfig

    public partial class CreateEndpointConfigRequest : AmazonSageMakerRequest
    {
        public string EndpointConfigName { get; set; }                           // outside facts
        public string KmsKeyId { get; set; }
        public DataCaptureConfig DataCaptureConfig { get; set; }
        public AsyncInferenceConfig AsyncInferenceConfig { get; set; }
        public bool? EnableNetworkIsolation { get; set; }
        public VpcConfig VpcConfig { get; set; }
        public string ExecutionRoleArn { get; set; }
        public List<ProductionVariant> ProductionVariants { get; set; }
        public List<ProductionVariant> ShadowProductionVariants { get; set; }
    }

    public partial class DataCaptureConfig
    {
        public string KmsKeyId { get; set; }
        public bool? EnableCapture { get; set; }
        public string DestinationS3Uri { get; set; }
        public int? InitialSamplingPercentage { get; set; }
        public List<CaptureOption> CaptureOptions { get; set; }                  // element type outside facts
        public CaptureContentTypeHeader CaptureContentTypeHeader { get; set; }   // type outside facts
    }

    // Outside facts.
    public partial class CaptureOption
    {
        public Amazon.SageMaker.CaptureMode CaptureMode { get; set; }
    }

    // Outside facts.
    public partial class CaptureContentTypeHeader
    {
        public List<string> CsvContentTypes { get; set; }
        public List<string> JsonContentTypes { get; set; }
    }

    public partial class AsyncInferenceConfig
    {
        public AsyncInferenceOutputConfig OutputConfig { get; set; }
    }

    public partial class AsyncInferenceOutputConfig
    {
        public string KmsKeyId { get; set; }
        public string S3OutputPath { get; set; }                                 // outside facts
    }

    // Members outside facts.
    public partial class ProductionVariant
    {
        public string VariantName { get; set; }
        public string ModelName { get; set; }
        public int? InitialInstanceCount { get; set; }
        public Amazon.SageMaker.ProductionVariantInstanceType InstanceType { get; set; }
        public float? InitialVariantWeight { get; set; }
    }

    // ---------------------------------------------------------------- CreateNotebookInstance

    public partial class CreateNotebookInstanceRequest : AmazonSageMakerRequest
    {
        public string NotebookInstanceName { get; set; }                         // outside facts
        public string KmsKeyId { get; set; }
        public Amazon.SageMaker.DirectInternetAccess DirectInternetAccess { get; set; }
        public Amazon.SageMaker.RootAccess RootAccess { get; set; }
        public string SubnetId { get; set; }
        public List<string> SecurityGroupIds { get; set; }
        public InstanceMetadataServiceConfiguration InstanceMetadataServiceConfiguration { get; set; }
        public Amazon.SageMaker.InstanceType InstanceType { get; set; }          // type name outside facts
        public string PlatformIdentifier { get; set; }                           // type outside facts
        public string LifecycleConfigName { get; set; }
        public string RoleArn { get; set; }
        public string DefaultCodeRepository { get; set; }
        public List<string> AdditionalCodeRepositories { get; set; }             // type outside facts
        public List<string> AcceleratorTypes { get; set; }                       // type outside facts
        // IpAddressType: listed in facts without a type; omitted.
    }

    // Member outside facts.
    public partial class InstanceMetadataServiceConfiguration
    {
        public string MinimumInstanceMetadataServiceVersion { get; set; }
    }

    // ---------------------------------------------------------------- CreateHyperParameterTuningJob

    public partial class CreateHyperParameterTuningJobRequest : AmazonSageMakerRequest
    {
        public string HyperParameterTuningJobName { get; set; }                  // outside facts
        public HyperParameterTuningJobConfig HyperParameterTuningJobConfig { get; set; }
        public HyperParameterTrainingJobDefinition TrainingJobDefinition { get; set; }
        public List<HyperParameterTrainingJobDefinition> TrainingJobDefinitions { get; set; }
        public HyperParameterTuningJobWarmStartConfig WarmStartConfig { get; set; }   // type name outside facts
        public Autotune Autotune { get; set; }                                        // type name outside facts
    }

    public partial class HyperParameterTuningJobConfig { }                            // placeholder
    public partial class HyperParameterTuningJobWarmStartConfig { }                   // placeholder
    public partial class Autotune { }                                                 // placeholder

    public partial class HyperParameterTrainingJobDefinition
    {
        public string DefinitionName { get; set; }
        public HyperParameterAlgorithmSpecification AlgorithmSpecification { get; set; }
        public string RoleArn { get; set; }
        public Dictionary<string, string> Environment { get; set; }
        public Dictionary<string, string> StaticHyperParameters { get; set; }
        public HyperParameterTuningJobObjective TuningObjective { get; set; }         // type name outside facts
        public CheckpointConfig CheckpointConfig { get; set; }
        public StoppingCondition StoppingCondition { get; set; }                      // outside facts
        public bool? EnableInterContainerTrafficEncryption { get; set; }
        public bool? EnableNetworkIsolation { get; set; }
        public bool? EnableManagedSpotTraining { get; set; }
        public OutputDataConfig OutputDataConfig { get; set; }
        public ResourceConfig ResourceConfig { get; set; }
        public HyperParameterTuningResourceConfig HyperParameterTuningResourceConfig { get; set; }
        public VpcConfig VpcConfig { get; set; }
    }

    // Members outside facts.
    public partial class HyperParameterAlgorithmSpecification
    {
        public string TrainingImage { get; set; }
        public string AlgorithmName { get; set; }
        public Amazon.SageMaker.TrainingInputMode TrainingInputMode { get; set; }
    }

    public partial class HyperParameterTuningJobObjective { }                         // placeholder

    public partial class HyperParameterTuningResourceConfig
    {
        public string VolumeKmsKeyId { get; set; }
        public int? InstanceCount { get; set; }
        public Amazon.SageMaker.TrainingInstanceType InstanceType { get; set; }
        public int? VolumeSizeInGB { get; set; }
        public Amazon.SageMaker.HyperParameterTuningAllocationStrategy AllocationStrategy { get; set; }   // type outside facts
        public List<HyperParameterTuningInstanceConfig> InstanceConfigs { get; set; }                     // element type outside facts
    }

    // Outside facts.
    public partial class HyperParameterTuningInstanceConfig
    {
        public int? InstanceCount { get; set; }
        public Amazon.SageMaker.TrainingInstanceType InstanceType { get; set; }
        public int? VolumeSizeInGB { get; set; }
    }

    // ---------------------------------------------------------------- AutoML

    public partial class CreateAutoMLJobRequest : AmazonSageMakerRequest
    {
        public string AutoMLJobName { get; set; }                                // outside facts
        public AutoMLJobConfig AutoMLJobConfig { get; set; }
        public AutoMLOutputDataConfig OutputDataConfig { get; set; }
        public bool? GenerateCandidateDefinitionsOnly { get; set; }
        public ModelDeployConfig ModelDeployConfig { get; set; }
        public string RoleArn { get; set; }
        public Amazon.SageMaker.ProblemType ProblemType { get; set; }            // type name outside facts
    }

    public partial class CreateAutoMLJobV2Request : AmazonSageMakerRequest
    {
        public string AutoMLJobName { get; set; }                                // outside facts
        public AutoMLSecurityConfig SecurityConfig { get; set; }
        public AutoMLOutputDataConfig OutputDataConfig { get; set; }
        public AutoMLComputeConfig AutoMLComputeConfig { get; set; }
        public List<AutoMLJobChannel> AutoMLJobInputDataConfig { get; set; }     // element type outside facts
        public AutoMLProblemTypeConfig AutoMLProblemTypeConfig { get; set; }
        public ModelDeployConfig ModelDeployConfig { get; set; }
        public string RoleArn { get; set; }
    }

    public partial class AutoMLJobConfig
    {
        public AutoMLSecurityConfig SecurityConfig { get; set; }
        public AutoMLCandidateGenerationConfig CandidateGenerationConfig { get; set; }   // type name outside facts
        public AutoMLJobCompletionCriteria CompletionCriteria { get; set; }              // type name outside facts
        public AutoMLDataSplitConfig DataSplitConfig { get; set; }                       // type name outside facts
        public Amazon.SageMaker.AutoMLMode Mode { get; set; }                            // type name outside facts
    }

    public partial class AutoMLSecurityConfig
    {
        public bool? EnableInterContainerTrafficEncryption { get; set; }
        public string VolumeKmsKeyId { get; set; }
        public VpcConfig VpcConfig { get; set; }
        // No network-isolation flag (facts 2.7).
    }

    public partial class AutoMLOutputDataConfig
    {
        public string KmsKeyId { get; set; }
        public string S3OutputPath { get; set; }
    }

    // Members outside facts.
    public partial class AutoMLJobChannel
    {
        public string ChannelType { get; set; }
        public string ContentType { get; set; }
    }

    public partial class AutoMLCandidateGenerationConfig { }                          // placeholder
    public partial class AutoMLJobCompletionCriteria { }                              // placeholder
    public partial class AutoMLDataSplitConfig { }                                    // placeholder
    public partial class AutoMLComputeConfig { }                                      // placeholder
    public partial class AutoMLProblemTypeConfig { }                                  // placeholder
    public partial class ModelDeployConfig { }                                        // placeholder

    // ---------------------------------------------------------------- CreateModel

    public partial class CreateModelRequest : AmazonSageMakerRequest
    {
        public string ModelName { get; set; }
        public string ExecutionRoleArn { get; set; }
        public bool? EnableNetworkIsolation { get; set; }
        public VpcConfig VpcConfig { get; set; }
        public ContainerDefinition PrimaryContainer { get; set; }
        public List<ContainerDefinition> Containers { get; set; }
        public InferenceExecutionConfig InferenceExecutionConfig { get; set; }
    }

    // Members outside facts.
    public partial class ContainerDefinition
    {
        public string Image { get; set; }
        public string ModelDataUrl { get; set; }
        public Dictionary<string, string> Environment { get; set; }
    }

    public partial class InferenceExecutionConfig { }                                 // placeholder

    // ---------------------------------------------------------------- CreateDomain

    public partial class CreateDomainRequest : AmazonSageMakerRequest
    {
        public string DomainName { get; set; }                                   // outside facts
        public string KmsKeyId { get; set; }
        [Obsolete("This property is deprecated, use KmsKeyId instead.")]
        public string HomeEfsFileSystemKmsKeyId { get; set; }
        public Amazon.SageMaker.AppNetworkAccessType AppNetworkAccessType { get; set; }
        public List<string> SubnetIds { get; set; }
        public string VpcId { get; set; }
        public Amazon.SageMaker.AppSecurityGroupManagement AppSecurityGroupManagement { get; set; }   // type name assumed
        public DomainSettings DomainSettings { get; set; }                       // type name assumed
        public UserSettings DefaultUserSettings { get; set; }                    // type name outside facts
        public DefaultSpaceSettings DefaultSpaceSettings { get; set; }           // type name assumed
        public Amazon.SageMaker.AuthMode AuthMode { get; set; }                  // type name assumed
        public Amazon.SageMaker.TagPropagation TagPropagation { get; set; }      // type name assumed
    }

    public partial class DomainSettings { }                                           // placeholder
    public partial class UserSettings { }                                             // placeholder
    public partial class DefaultSpaceSettings { }                                     // placeholder

    // ---------------------------------------------------------------- CreateCompilationJob

    public partial class CreateCompilationJobRequest : AmazonSageMakerRequest
    {
        public string CompilationJobName { get; set; }                           // outside facts
        public OutputConfig OutputConfig { get; set; }
        public NeoVpcConfig VpcConfig { get; set; }
        public string RoleArn { get; set; }
    }

    public partial class OutputConfig
    {
        public string KmsKeyId { get; set; }
        public string S3OutputLocation { get; set; }
        public Amazon.SageMaker.TargetDevice TargetDevice { get; set; }          // type name outside facts
        public TargetPlatform TargetPlatform { get; set; }                       // type name outside facts
        public string CompilerOptions { get; set; }
    }

    public partial class TargetPlatform { }                                           // placeholder

    // Members UNVERIFIED in the facts file.
    public partial class NeoVpcConfig
    {
        public List<string> SecurityGroupIds { get; set; }
        public List<string> Subnets { get; set; }
    }

    // ---------------------------------------------------------------- CreateLabelingJob

    public partial class CreateLabelingJobRequest : AmazonSageMakerRequest
    {
        public string LabelingJobName { get; set; }                              // outside facts
        public string RoleArn { get; set; }                                      // outside facts
        public LabelingJobOutputConfig OutputConfig { get; set; }
        public LabelingJobAlgorithmsConfig LabelingJobAlgorithmsConfig { get; set; }
    }

    public partial class LabelingJobOutputConfig
    {
        public string KmsKeyId { get; set; }
        public string S3OutputPath { get; set; }
        public string SnsTopicArn { get; set; }
    }

    public partial class LabelingJobAlgorithmsConfig
    {
        public string LabelingJobAlgorithmSpecificationArn { get; set; }         // outside facts
        public LabelingJobResourceConfig LabelingJobResourceConfig { get; set; }
    }

    public partial class LabelingJobResourceConfig
    {
        public string VolumeKmsKeyId { get; set; }
        public VpcConfig VpcConfig { get; set; }
    }

    // ---------------------------------------------------------------- Monitoring job definitions and schedule

    public partial class MonitoringNetworkConfig
    {
        public bool? EnableInterContainerTrafficEncryption { get; set; }
        public bool? EnableNetworkIsolation { get; set; }
        public VpcConfig VpcConfig { get; set; }
    }

    public partial class MonitoringResources
    {
        public MonitoringClusterConfig ClusterConfig { get; set; }
    }

    public partial class MonitoringClusterConfig
    {
        public int? InstanceCount { get; set; }
        public Amazon.SageMaker.ProcessingInstanceType InstanceType { get; set; }
        public int? VolumeSizeInGB { get; set; }
        public string VolumeKmsKeyId { get; set; }
    }

    public partial class MonitoringOutputConfig
    {
        public string KmsKeyId { get; set; }
        public List<MonitoringOutput> MonitoringOutputs { get; set; }            // element type outside facts
    }

    // Outside facts.
    public partial class MonitoringOutput
    {
        public MonitoringS3Output S3Output { get; set; }
    }

    // Outside facts.
    public partial class MonitoringS3Output
    {
        public string S3Uri { get; set; }
        public string LocalPath { get; set; }
    }

    public partial class CreateDataQualityJobDefinitionRequest : AmazonSageMakerRequest
    {
        public string JobDefinitionName { get; set; }                            // outside facts
        public string RoleArn { get; set; }                                      // outside facts
        public MonitoringNetworkConfig NetworkConfig { get; set; }
        public MonitoringResources JobResources { get; set; }
        public MonitoringOutputConfig DataQualityJobOutputConfig { get; set; }
    }

    public partial class CreateModelBiasJobDefinitionRequest : AmazonSageMakerRequest
    {
        public string JobDefinitionName { get; set; }                            // outside facts
        public string RoleArn { get; set; }                                      // outside facts
        public MonitoringNetworkConfig NetworkConfig { get; set; }
        public MonitoringResources JobResources { get; set; }
        public MonitoringOutputConfig ModelBiasJobOutputConfig { get; set; }
    }

    // Shape UNVERIFIED (facts: "expected to have the same shape").
    public partial class CreateModelQualityJobDefinitionRequest : AmazonSageMakerRequest
    {
        public string JobDefinitionName { get; set; }                            // outside facts
        public string RoleArn { get; set; }                                      // outside facts
        public MonitoringNetworkConfig NetworkConfig { get; set; }
        public MonitoringResources JobResources { get; set; }
        public MonitoringOutputConfig ModelQualityJobOutputConfig { get; set; }
    }

    // Shape UNVERIFIED (facts: "expected to have the same shape").
    public partial class CreateModelExplainabilityJobDefinitionRequest : AmazonSageMakerRequest
    {
        public string JobDefinitionName { get; set; }                            // outside facts
        public string RoleArn { get; set; }                                      // outside facts
        public MonitoringNetworkConfig NetworkConfig { get; set; }
        public MonitoringResources JobResources { get; set; }
        public MonitoringOutputConfig ModelExplainabilityJobOutputConfig { get; set; }
    }

    // Path request -> MonitoringScheduleConfig -> MonitoringJobDefinition: UNVERIFIED in the facts file.
    public partial class CreateMonitoringScheduleRequest : AmazonSageMakerRequest
    {
        public string MonitoringScheduleName { get; set; }                       // outside facts
        public MonitoringScheduleConfig MonitoringScheduleConfig { get; set; }
    }

    public partial class MonitoringScheduleConfig
    {
        public MonitoringJobDefinition MonitoringJobDefinition { get; set; }
    }

    public partial class MonitoringJobDefinition
    {
        public string RoleArn { get; set; }                                      // outside facts
        public NetworkConfig NetworkConfig { get; set; }                         // NetworkConfig, not MonitoringNetworkConfig
        public MonitoringResources MonitoringResources { get; set; }
        public MonitoringOutputConfig MonitoringOutputConfig { get; set; }
    }

    // ---------------------------------------------------------------- responses (empty)

    public partial class CreateTrainingJobResponse : AmazonWebServiceResponse { }
    public partial class CreateProcessingJobResponse : AmazonWebServiceResponse { }
    public partial class CreateTransformJobResponse : AmazonWebServiceResponse { }
    public partial class CreateEndpointConfigResponse : AmazonWebServiceResponse { }
    public partial class CreateNotebookInstanceResponse : AmazonWebServiceResponse { }
    public partial class CreateHyperParameterTuningJobResponse : AmazonWebServiceResponse { }
    public partial class CreateAutoMLJobResponse : AmazonWebServiceResponse { }
    public partial class CreateAutoMLJobV2Response : AmazonWebServiceResponse { }
    public partial class CreateModelResponse : AmazonWebServiceResponse { }
    public partial class CreateDomainResponse : AmazonWebServiceResponse { }
    public partial class CreateCompilationJobResponse : AmazonWebServiceResponse { }
    public partial class CreateLabelingJobResponse : AmazonWebServiceResponse { }
    public partial class CreateDataQualityJobDefinitionResponse : AmazonWebServiceResponse { }
    public partial class CreateModelBiasJobDefinitionResponse : AmazonWebServiceResponse { }
    public partial class CreateModelQualityJobDefinitionResponse : AmazonWebServiceResponse { }
    public partial class CreateModelExplainabilityJobDefinitionResponse : AmazonWebServiceResponse { }
    public partial class CreateMonitoringScheduleResponse : AmazonWebServiceResponse { }
}
