using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Amazon.SageMaker;
using Amazon.SageMaker.Model;

namespace AiSecure.Samples.Vulnerable;

/// <summary>Stores model artifacts and datasets in S3 and trains, tunes and serves models on SageMaker.</summary>
public sealed class ModelArtifacts
{
    private readonly IAmazonS3 _s3;
    private readonly IAmazonSageMaker _sageMaker;
    private readonly string _bucket;
    private readonly string _roleArn;

    public ModelArtifacts(IAmazonS3 s3, IAmazonSageMaker sageMaker, IConfiguration configuration)
    {
        _s3 = s3;
        _sageMaker = sageMaker;
        _bucket = configuration["Artifacts:Bucket"] ?? "model-artifacts";
        _roleArn = configuration["SageMaker:RoleArn"] ?? string.Empty;
    }

    public async Task SaveWeightsAsync(string modelName, Stream weights, CancellationToken cancellationToken)
    {
        // AISEC010: the weights are written without server-side encryption settings.
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = $"models/{modelName}/weights.bin",
            InputStream = weights,
            ContentType = "application/octet-stream",
        };
        await _s3.PutObjectAsync(request, cancellationToken);
    }

    public Task SaveEvaluationAsync(string modelName, string reportJson)
        => _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = $"models/{modelName}/evaluation.json",
            ContentBody = reportJson,
            // AISEC010: SSE-S3 (AES256) instead of a customer-managed KMS key.
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        });

    public async Task PromoteAsync(string modelName)
    {
        var copy = new CopyObjectRequest
        {
            SourceBucket = _bucket,
            SourceKey = $"staging/{modelName}/weights.bin",
            DestinationBucket = _bucket,
            DestinationKey = $"release/{modelName}/weights.bin",
        };
        // AISEC010: SSE-KMS with the AWS-managed key (no key id).
        copy.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
        await _s3.CopyObjectAsync(copy);
    }

    public async Task UploadDatasetAsync(string localDirectory, string datasetName, CancellationToken cancellationToken)
    {
        using var transfer = new TransferUtility(_s3);
        // AISEC010: this overload takes no request object and cannot carry a KMS key.
        await transfer.UploadDirectoryAsync(localDirectory, $"{_bucket}-datasets", cancellationToken);
    }

    public async Task<string> TrainAsync(string jobName, string trainingImage)
    {
        // AISEC011: neither the model artifacts (OutputDataConfig.KmsKeyId) nor the training volume (ResourceConfig.VolumeKmsKeyId) use a KMS key.
        var request = new CreateTrainingJobRequest
        {
            TrainingJobName = jobName,
            RoleArn = _roleArn,
            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = trainingImage, TrainingInputMode = TrainingInputMode.File },
            OutputDataConfig = new OutputDataConfig { S3OutputPath = $"s3://{_bucket}/training/{jobName}" },
            ResourceConfig = new ResourceConfig { InstanceCount = 1, InstanceType = TrainingInstanceType.MlM5Xlarge, VolumeSizeInGB = 50 },
            StoppingCondition = new StoppingCondition { MaxRuntimeInSeconds = 3600 },
            EnableNetworkIsolation = true,
        };
        await _sageMaker.CreateTrainingJobAsync(request);
        return jobName;
    }

    public Task TuneAsync(string tuningJobName, string trainingImage)
    {
        // AISEC011: the training definition, built on its own, sets no KMS key for its output.
        var definition = new HyperParameterTrainingJobDefinition
        {
            DefinitionName = "xgboost",
            RoleArn = _roleArn,
            AlgorithmSpecification = new HyperParameterAlgorithmSpecification { TrainingImage = trainingImage },
            OutputDataConfig = new OutputDataConfig { S3OutputPath = $"s3://{_bucket}/tuning/{tuningJobName}" },
        };
        return _sageMaker.CreateHyperParameterTuningJobAsync(new CreateHyperParameterTuningJobRequest
        {
            HyperParameterTuningJobName = tuningJobName,
            TrainingJobDefinition = definition,
        });
    }

    public Task CreateEndpointConfigAsync(string name, string modelName)
        => _sageMaker.CreateEndpointConfigAsync(new CreateEndpointConfigRequest
        {
            EndpointConfigName = name,
            ProductionVariants = new List<ProductionVariant> { new() { VariantName = "primary", ModelName = modelName, InitialInstanceCount = 1 } },
            // AISEC011: the captured requests and responses are stored with an empty key id.
            DataCaptureConfig = new DataCaptureConfig { EnableCapture = true, DestinationS3Uri = $"s3://{_bucket}/capture", KmsKeyId = "" },
            KmsKeyId = Environment.GetEnvironmentVariable("AWS_KMS_KEY_ID"),
        });
}
