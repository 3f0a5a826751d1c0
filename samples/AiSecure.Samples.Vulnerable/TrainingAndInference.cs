using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.BedrockRuntime;
using Amazon.BedrockRuntime.Model;
using Amazon.SageMaker;
using Amazon.SageMaker.Model;
using Anthropic;
using Microsoft.SemanticKernel;
using OpenAI.Chat;

namespace AiSecure.Samples.Vulnerable;

/// <summary>Trains the churn model on SageMaker, hosts it, and answers questions about it with Bedrock, OpenAI and Claude.</summary>
public sealed class TrainingAndInference
{
    // AISEC040: an AWS access key id is written in the source.
    private const string AwsAccessKeyId = "AKIAJ6RF3M4XKQ7Z2LPA";

    // AISEC040: and so is its secret access key.
    private static readonly string AwsSecretAccessKey = "Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4";

    private readonly IAmazonSageMaker _sageMaker = new AmazonSageMakerClient(AwsAccessKeyId, AwsSecretAccessKey, RegionEndpoint.EUWest1);

    // AISEC040: the Bedrock client gets the same keys, as literals this time.
    private readonly IAmazonBedrockRuntime _bedrock = new AmazonBedrockRuntimeClient("AKIAJ6RF3M4XKQ7Z2LPA", "Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4", RegionEndpoint.USEast1);

    public async Task StartTrainingAsync(string jobName, string roleArn, string kmsKeyArn)
    {
        // AISEC030: four instances exchange gradients unencrypted (EnableInterContainerTrafficEncryption is not set).
        // AISEC031: no EnableNetworkIsolation and no VpcConfig: the training container can reach the internet.
        var request = new CreateTrainingJobRequest
        {
            TrainingJobName = jobName,
            RoleArn = roleArn,
            AlgorithmSpecification = new AlgorithmSpecification
            {
                TrainingImage = "763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.3-gpu-py311",
                TrainingInputMode = TrainingInputMode.File,
            },
            HyperParameters = new Dictionary<string, string> { ["epochs"] = "20", ["lr"] = "0.0005" },
            OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://churn-ml-artifacts/models/", KmsKeyId = kmsKeyArn },
            ResourceConfig = new ResourceConfig
            {
                InstanceCount = 4,
                InstanceType = TrainingInstanceType.MlP32xlarge,
                VolumeSizeInGB = 200,
                VolumeKmsKeyId = kmsKeyArn,
            },
            StoppingCondition = new StoppingCondition { MaxRuntimeInSeconds = 6 * 3600 },
        };

        await _sageMaker.CreateTrainingJobAsync(request);
    }

    public async Task BuildFeaturesAsync(string roleArn, string kmsKeyArn, VpcConfig vpc)
    {
        await _sageMaker.CreateProcessingJobAsync(new CreateProcessingJobRequest
        {
            ProcessingJobName = "churn-features",
            RoleArn = roleArn,
            ProcessingResources = new ProcessingResources
            {
                ClusterConfig = new ProcessingClusterConfig { InstanceCount = 3, InstanceType = ProcessingInstanceType.MlM5Xlarge, VolumeKmsKeyId = kmsKeyArn },
            },
            ProcessingOutputConfig = new ProcessingOutputConfig { KmsKeyId = kmsKeyArn },
            NetworkConfig = new NetworkConfig
            {
                // AISEC030: traffic between the three processing instances is explicitly left unencrypted.
                EnableInterContainerTrafficEncryption = false,
                EnableNetworkIsolation = true,
                VpcConfig = vpc,
            },
        });
    }

    public async Task HostModelAsync(string roleArn, string modelDataUrl, string kmsKeyArn)
    {
        // AISEC031: the inference container is neither network-isolated nor in a VPC.
        await _sageMaker.CreateModelAsync(new CreateModelRequest
        {
            ModelName = "churn-v7",
            ExecutionRoleArn = roleArn,
            PrimaryContainer = new ContainerDefinition { Image = "763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.3-cpu-py311", ModelDataUrl = modelDataUrl },
        });

        await _sageMaker.CreateNotebookInstanceAsync(new CreateNotebookInstanceRequest
        {
            NotebookInstanceName = "churn-analysis",
            RoleArn = roleArn,
            InstanceType = Amazon.SageMaker.InstanceType.MlT3Medium,
            KmsKeyId = kmsKeyArn,
            // AISEC031: the notebook reaches the internet directly (and RootAccess defaults to Enabled).
            DirectInternetAccess = DirectInternetAccess.Enabled,
        });
    }

    public async Task<string> ExplainChurnAsync(string customerSummary)
    {
        // AISEC041: the prompt and the answer are not screened by a Bedrock guardrail.
        var request = new ConverseRequest
        {
            ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0",
            System = new List<SystemContentBlock> { new SystemContentBlock { Text = "You explain churn predictions to account managers." } },
            Messages = new List<Message>
            {
                new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = customerSummary } } },
            },
            InferenceConfig = new InferenceConfiguration { MaxTokens = 400, Temperature = 0.2f },
        };

        var response = await _bedrock.ConverseAsync(request);
        return response.Output.Message.Content[0].Text;
    }

    public async Task<Stream> SummarizeAsync(string transcript)
    {
        var body = JsonSerializer.Serialize(new
        {
            anthropic_version = "bedrock-2023-05-31",
            max_tokens = 512,
            messages = new[] { new { role = "user", content = transcript } },
        });

        // AISEC041: InvokeModel without GuardrailIdentifier.
        var response = await _bedrock.InvokeModelAsync(new InvokeModelRequest
        {
            ModelId = "anthropic.claude-3-haiku-20240307-v1:0",
            ContentType = "application/json",
            Body = new MemoryStream(Encoding.UTF8.GetBytes(body)),
        });
        return response.Body;
    }

    public ChatClient CreateOpenAIClient()
        // AISEC040: an OpenAI API key in the source.
        => new("gpt-4o-mini", "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU");

    public Kernel CreateKernel()
        // AISEC040: the Semantic Kernel connector gets the key as a literal.
        => Kernel.CreateBuilder()
            .AddAzureOpenAIChatCompletion("gpt-4o", "https://contoso-ai.openai.azure.com/", "9f86d081884c7d659a2feaa0c55ad015")
            .Build();

    public AnthropicClient CreateClaudeClient()
        // AISEC040: an Anthropic API key in the source.
        => new() { ApiKey = "sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga" };
}
