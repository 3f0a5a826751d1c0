using System.Collections.Immutable;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>A KMS key path a SageMaker request (or training definition) must hold.</summary>
    internal sealed class KmsKeyPath
    {
        public KmsKeyPath(string path, string? onlyWhenSet = null, string? alternative = null)
        {
            Path = path;
            OnlyWhenSet = onlyWhenSet;
            Alternative = alternative;
        }

        /// <summary>Dotted property path, relative to the request or definition: <c>"ResourceConfig.VolumeKmsKeyId"</c>.</summary>
        public readonly string Path;

        /// <summary>
        /// The container of an optional feature (data capture, async inference, a resource config that serverless
        /// jobs leave out): the key is required only when this container is set. Null: always required, and
        /// missing containers are created by the fix.
        /// </summary>
        public readonly string? OnlyWhenSet;

        /// <summary>Another path that satisfies the requirement when set (the deprecated <c>HomeEfsFileSystemKmsKeyId</c>).</summary>
        public readonly string? Alternative;
    }

    /// <summary>The KMS key paths of one SageMaker type, matched by metadata name through the inheritance chain.</summary>
    internal sealed class SageMakerKmsSpec
    {
        public SageMakerKmsSpec(string metadataName, ImmutableArray<KmsKeyPath> paths, ImmutableArray<string> definitions = default, ImmutableArray<string> definitionLists = default)
        {
            MetadataName = metadataName;
            Paths = paths;
            Definitions = definitions.IsDefault ? ImmutableArray<string>.Empty : definitions;
            DefinitionLists = definitionLists.IsDefault ? ImmutableArray<string>.Empty : definitionLists;
        }

        public readonly string MetadataName;

        public readonly ImmutableArray<KmsKeyPath> Paths;

        /// <summary>Properties holding one training definition, judged with <see cref="EncryptionAtRestCatalog.TrainingDefinition"/>.</summary>
        public readonly ImmutableArray<string> Definitions;

        /// <summary>Properties holding a list of training definitions, each judged with <see cref="EncryptionAtRestCatalog.TrainingDefinition"/>.</summary>
        public readonly ImmutableArray<string> DefinitionLists;
    }

    /// <summary>An S3 type whose writes choose server-side encryption.</summary>
    internal sealed class S3EncryptionSpec
    {
        public S3EncryptionSpec(string metadataName, string methodProperty, string keyProperty = EncryptionAtRestCatalog.S3KeyIdProperty)
        {
            MetadataName = metadataName;
            MethodProperty = methodProperty;
            KeyProperty = keyProperty;
        }

        public readonly string MetadataName;

        /// <summary><c>ServerSideEncryptionMethod</c>, or <c>ServerSideEncryptionAlgorithm</c> on a bucket default.</summary>
        public readonly string MethodProperty;

        public readonly string KeyProperty;

        public bool IsBucketDefault => MethodProperty == EncryptionAtRestCatalog.S3AlgorithmProperty;
    }

    /// <summary>An S3 convenience method that takes no request object, and the request form it maps to.</summary>
    internal sealed class S3ConvenienceMethod
    {
        public S3ConvenienceMethod(string containingTypes, string name, string requestMetadataName)
        {
            ContainingTypes = containingTypes;
            Name = name;
            RequestMetadataName = requestMetadataName;
        }

        /// <summary><c>"S3"</c> (IAmazonS3 / AmazonS3Client) or <c>"Transfer"</c> (ITransferUtility / TransferUtility).</summary>
        public readonly string ContainingTypes;

        public readonly string Name;

        public readonly string RequestMetadataName;
    }

    /// <summary>
    /// What encryption at rest needs, as data (AISEC010, AISEC011). Source: the AWS SDK for .NET request types (docs/rules/AISEC010.md, AISEC011.md, docs/knowledge/aws-stubs.md);
    /// the TransferUtility SSE properties are declared on <c>BaseUploadRequest</c> in newer SDKs, so properties are
    /// matched by name on the receiver's hierarchy, never by declaring type.
    /// </summary>
    internal static class EncryptionAtRestCatalog
    {
        public const string S3MethodProperty = "ServerSideEncryptionMethod";
        public const string S3AlgorithmProperty = "ServerSideEncryptionAlgorithm";
        public const string S3KeyIdProperty = "ServerSideEncryptionKeyManagementServiceKeyId";
        public const string S3CustomerMethodProperty = "ServerSideEncryptionCustomerMethod";
        public const string ServerSideEncryptionMethodType = "Amazon.S3.ServerSideEncryptionMethod";
        public const string PutObjectRequest = "Amazon.S3.Model.PutObjectRequest";
        public const string CopyObjectRequest = "Amazon.S3.Model.CopyObjectRequest";
        public const string InitiateMultipartUploadRequest = "Amazon.S3.Model.InitiateMultipartUploadRequest";
        public const string TransferUtilityUploadRequest = "Amazon.S3.Transfer.TransferUtilityUploadRequest";
        public const string TransferUtilityUploadDirectoryRequest = "Amazon.S3.Transfer.TransferUtilityUploadDirectoryRequest";
        public const string ServerSideEncryptionByDefault = "Amazon.S3.Model.ServerSideEncryptionByDefault";
        public const string UploadDirectoryFileRequestEvent = "UploadDirectoryFileRequestEvent";
        public const string HyperParameterTrainingJobDefinition = "Amazon.SageMaker.Model.HyperParameterTrainingJobDefinition";

        /// <summary>S3 writes that can carry SSE-KMS, and the bucket default.</summary>
        public static readonly ImmutableArray<S3EncryptionSpec> S3Requests = ImmutableArray.Create(
            new S3EncryptionSpec(PutObjectRequest, S3MethodProperty),
            new S3EncryptionSpec(CopyObjectRequest, S3MethodProperty),
            new S3EncryptionSpec(InitiateMultipartUploadRequest, S3MethodProperty),
            new S3EncryptionSpec(TransferUtilityUploadRequest, S3MethodProperty),
            new S3EncryptionSpec(TransferUtilityUploadDirectoryRequest, S3MethodProperty),
            new S3EncryptionSpec(ServerSideEncryptionByDefault, S3AlgorithmProperty));

        /// <summary>Overloads without a request object: they cannot carry a key (sync names are public on .NET Framework).</summary>
        public static readonly ImmutableArray<S3ConvenienceMethod> S3ConvenienceMethods = ImmutableArray.Create(
            new S3ConvenienceMethod("S3", "CopyObjectAsync", CopyObjectRequest),
            new S3ConvenienceMethod("S3", "CopyObject", CopyObjectRequest),
            new S3ConvenienceMethod("S3", "InitiateMultipartUploadAsync", InitiateMultipartUploadRequest),
            new S3ConvenienceMethod("S3", "InitiateMultipartUpload", InitiateMultipartUploadRequest),
            new S3ConvenienceMethod("Transfer", "Upload", TransferUtilityUploadRequest),
            new S3ConvenienceMethod("Transfer", "UploadAsync", TransferUtilityUploadRequest),
            new S3ConvenienceMethod("Transfer", "UploadWithResponse", TransferUtilityUploadRequest),
            new S3ConvenienceMethod("Transfer", "UploadWithResponseAsync", TransferUtilityUploadRequest),
            new S3ConvenienceMethod("Transfer", "UploadDirectory", TransferUtilityUploadDirectoryRequest),
            new S3ConvenienceMethod("Transfer", "UploadDirectoryAsync", TransferUtilityUploadDirectoryRequest),
            new S3ConvenienceMethod("Transfer", "UploadDirectoryWithResponse", TransferUtilityUploadDirectoryRequest),
            new S3ConvenienceMethod("Transfer", "UploadDirectoryWithResponseAsync", TransferUtilityUploadDirectoryRequest));

        /// <summary>Convenience-overload parameter name → request property, for rewriting the call into its request form.</summary>
        public static readonly ImmutableDictionary<string, string> ConvenienceParameterToProperty = ImmutableDictionary.CreateRange(new[]
        {
            Pair("filePath", "FilePath"),
            Pair("stream", "InputStream"),
            Pair("bucketName", "BucketName"),
            Pair("key", "Key"),
            Pair("directory", "Directory"),
            Pair("searchPattern", "SearchPattern"),
            Pair("searchOption", "SearchOption"),
            Pair("sourceBucket", "SourceBucket"),
            Pair("sourceKey", "SourceKey"),
            Pair("sourceVersionId", "SourceVersionId"),
            Pair("destinationBucket", "DestinationBucket"),
            Pair("destinationKey", "DestinationKey"),
        });

        /// <summary>The paths of a tuning job's training definition (facts §2.6).</summary>
        public static readonly SageMakerKmsSpec TrainingDefinition = new(
            HyperParameterTrainingJobDefinition,
            ImmutableArray.Create(
                new KmsKeyPath("OutputDataConfig.KmsKeyId"),
                new KmsKeyPath("ResourceConfig.VolumeKmsKeyId", onlyWhenSet: "ResourceConfig"),
                new KmsKeyPath("HyperParameterTuningResourceConfig.VolumeKmsKeyId", onlyWhenSet: "HyperParameterTuningResourceConfig")));

        /// <summary>SageMaker requests that store data, with the KMS key paths each must hold (facts §2, docs/knowledge/aws-stubs.md).</summary>
        public static readonly ImmutableArray<SageMakerKmsSpec> SageMakerRequests = ImmutableArray.Create(
            Spec("CreateTrainingJobRequest", new KmsKeyPath("OutputDataConfig.KmsKeyId"), new KmsKeyPath("ResourceConfig.VolumeKmsKeyId", onlyWhenSet: "ResourceConfig")),
            Spec("CreateProcessingJobRequest", new KmsKeyPath("ProcessingOutputConfig.KmsKeyId", onlyWhenSet: "ProcessingOutputConfig"), new KmsKeyPath("ProcessingResources.ClusterConfig.VolumeKmsKeyId")),
            Spec("CreateTransformJobRequest", new KmsKeyPath("TransformOutput.KmsKeyId"), new KmsKeyPath("TransformResources.VolumeKmsKeyId"), new KmsKeyPath("DataCaptureConfig.KmsKeyId", onlyWhenSet: "DataCaptureConfig")),
            Spec("CreateEndpointConfigRequest", new KmsKeyPath("KmsKeyId"), new KmsKeyPath("DataCaptureConfig.KmsKeyId", onlyWhenSet: "DataCaptureConfig"), new KmsKeyPath("AsyncInferenceConfig.OutputConfig.KmsKeyId", onlyWhenSet: "AsyncInferenceConfig")),
            Spec("CreateNotebookInstanceRequest", new KmsKeyPath("KmsKeyId")),
            new SageMakerKmsSpec(
                "Amazon.SageMaker.Model.CreateHyperParameterTuningJobRequest",
                ImmutableArray<KmsKeyPath>.Empty,
                definitions: ImmutableArray.Create("TrainingJobDefinition"),
                definitionLists: ImmutableArray.Create("TrainingJobDefinitions")),
            Spec("CreateAutoMLJobRequest", new KmsKeyPath("OutputDataConfig.KmsKeyId"), new KmsKeyPath("AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId")),
            Spec("CreateAutoMLJobV2Request", new KmsKeyPath("OutputDataConfig.KmsKeyId"), new KmsKeyPath("SecurityConfig.VolumeKmsKeyId")),
            Spec("CreateDomainRequest", new KmsKeyPath("KmsKeyId", alternative: "HomeEfsFileSystemKmsKeyId")),
            Spec("CreateCompilationJobRequest", new KmsKeyPath("OutputConfig.KmsKeyId")),
            Spec("CreateLabelingJobRequest", new KmsKeyPath("OutputConfig.KmsKeyId"), new KmsKeyPath("LabelingJobAlgorithmsConfig.LabelingJobResourceConfig.VolumeKmsKeyId", onlyWhenSet: "LabelingJobAlgorithmsConfig")),
            Spec("CreateDataQualityJobDefinitionRequest", new KmsKeyPath("DataQualityJobOutputConfig.KmsKeyId"), new KmsKeyPath("JobResources.ClusterConfig.VolumeKmsKeyId")),
            Spec("CreateModelBiasJobDefinitionRequest", new KmsKeyPath("ModelBiasJobOutputConfig.KmsKeyId"), new KmsKeyPath("JobResources.ClusterConfig.VolumeKmsKeyId")),
            Spec("CreateModelQualityJobDefinitionRequest", new KmsKeyPath("ModelQualityJobOutputConfig.KmsKeyId"), new KmsKeyPath("JobResources.ClusterConfig.VolumeKmsKeyId")),
            Spec("CreateModelExplainabilityJobDefinitionRequest", new KmsKeyPath("ModelExplainabilityJobOutputConfig.KmsKeyId"), new KmsKeyPath("JobResources.ClusterConfig.VolumeKmsKeyId")),
            Spec(
                "CreateMonitoringScheduleRequest",
                new KmsKeyPath("MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringOutputConfig.KmsKeyId", onlyWhenSet: "MonitoringScheduleConfig.MonitoringJobDefinition"),
                new KmsKeyPath("MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringResources.ClusterConfig.VolumeKmsKeyId", onlyWhenSet: "MonitoringScheduleConfig.MonitoringJobDefinition")));

        private static SageMakerKmsSpec Spec(string name, params KmsKeyPath[] paths)
            => new("Amazon.SageMaker.Model." + name, ImmutableArray.Create(paths));

        private static System.Collections.Generic.KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
    }
}
