using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC040: cloud or LLM credential is hard-coded.</summary>
    public class HardcodedCredentialTests
    {
        /// <summary>AWS (Core, S3) with OpenAI, Azure.AI.OpenAI, Anthropic and the other LLM SDKs.</summary>
        private static readonly ReferenceSet Sdks = ReferenceCatalog.All;

        [Fact]
        public Task AwsBasicAndSessionCredentials()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime;

                class CredentialFactory
                {
                    public AWSCredentials Basic() => new BasicAWSCredentials([|"AKIAIOSFODNN7EXAMPLE"|], [|"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"|]);

                    public AWSCredentials Session() => new SessionAWSCredentials(
                        [|"ASIAY34FZKBOKMUTVV7A"|],
                        [|"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"|],
                        [|"IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx"|]);

                    public AWSCredentials Immutable() => new BasicAWSCredentials(
                        [|"AKIA2E0A8F3B244C9986"|], [|"7CE556A3BC234CC1FF9E8A5C324C0BB70AA21B6D"|], "123456789012");
                }
                """, Sdks);

        [Fact]
        public Task AwsClientConstructorsAndTransferUtility()
            => Verify.AnalyzeAsync("""
                using Amazon;
                using Amazon.S3;
                using Amazon.S3.Transfer;

                class Storage
                {
                    public AmazonS3Client Client() => new AmazonS3Client([|"AKIAJ6RF3M4XKQ7Z2LPA"|], [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|], RegionEndpoint.EUWest1);

                    public AmazonS3Client WithConfig() => new AmazonS3Client(
                        awsSecretAccessKey: [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|],
                        awsAccessKeyId: [|"AKIAJ6RF3M4XKQ7Z2LPA"|],
                        clientConfig: new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1 });

                    public TransferUtility Transfer() => new TransferUtility([|"AKIAJ6RF3M4XKQ7Z2LPA"|], [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|]);
                }
                """, Sdks);

        [Fact]
        public Task SageMakerAndBedrockClientConstructors()
            => Verify.AnalyzeAsync("""
                using Amazon;
                using Amazon.BedrockRuntime;
                using Amazon.SageMaker;

                class Clients
                {
                    public AmazonSageMakerClient SageMaker() => new AmazonSageMakerClient([|"AKIAJ6RF3M4XKQ7Z2LPA"|], [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|], [|"FwoGZXIvYXdzEJr9Lk3Mn0Pq8Rs7Tu6Vw5Xy4Za3"|], RegionEndpoint.USWest2);

                    public AmazonBedrockRuntimeClient Bedrock() => new AmazonBedrockRuntimeClient([|"AKIAJ6RF3M4XKQ7Z2LPA"|], [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|]);
                }
                """, Sdks, awsStubs: true);

        [Fact]
        public Task OpenAIAndAzureKeys()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using Azure;
                using Azure.AI.OpenAI;
                using OpenAI;
                using OpenAI.Chat;

                class Llm
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|]);

                    public OpenAIClient Client() => new OpenAIClient([|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|]);

                    public OpenAIClient WithCredential() => new OpenAIClient(new ApiKeyCredential([|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|]), new OpenAIClientOptions());

                    public AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new AzureKeyCredential([|"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|]));

                    public void Rotate(ApiKeyCredential credential) => credential.Update([|"sk-proj-9RtY2uI8oP3aS7dF1gH6jK4lZ0xC5vB"|]);
                }
                """, Sdks);

        [Fact]
        public Task AnthropicApiKey()
            => Verify.AnalyzeAsync("""
                using Anthropic;
                using Anthropic.Core;

                class Claude
                {
                    public AnthropicClient Create() => new AnthropicClient { ApiKey = [|"sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|] };

                    public AnthropicClient WithOptions() => new AnthropicClient(new ClientOptions { AuthToken = [|"sk-ant-oat01-Bv7Nc4Xz1Lk8Jh5Gf2Ds9Aq3We6Rt0Yu"|] });

                    public IAnthropicClient Rekey(IAnthropicClient client) => client.WithOptions(options => options with { ApiKey = [|"sk-ant-api03-Hn4Bv8Cx2Zl6Kj0Mg5Fd9Sa3Qw7Er1Ty"|] });
                }
                """, Sdks);

        [Fact]
        public Task ConstantsReadonlyFieldsPropertiesAndLocals()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime;
                using OpenAI.Chat;

                static class Secrets
                {
                    public const string AccessKey = [|"AKIAJ6RF3M4XKQ7Z2LPA"|];
                    public static readonly string SecretKey = [|"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"|];
                    public static string OpenAIKey { get; } = [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|];
                    public static string BackupKey => [|"sk-proj-7HgT2wQ9eR4tY1uI6oP3aS8dF5gH0jK"|];
                }

                class Factory
                {
                    public AWSCredentials Aws() => new BasicAWSCredentials(Secrets.AccessKey, Secrets.SecretKey);

                    public ChatClient Primary() => new ChatClient("gpt-4o", Secrets.OpenAIKey);

                    public ChatClient Backup() => new ChatClient("gpt-4o-mini", Secrets.BackupKey);

                    public ChatClient Local()
                    {
                        const string model = "gpt-4o";
                        const string key = [|"sk-proj-2LkJ8hG5fD1sA9pO4iU7yT3rE6wQ0zX"|];
                        var apiKey = [|"sk-proj-5ZxC8vB1nM4aS7dF0gH3jK6lQ9wE2rT"|];
                        var alias = apiKey;
                        return model.Length > 3 ? new ChatClient(model, alias) : new ChatClient(model, key);
                    }
                }
                """, Sdks);

        [Fact]
        public Task AccessKeyIdShapeIsReportedAnywhereInAws()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime;

                class CredentialFactory
                {
                    // A key id where the account id belongs: still a key.
                    public AWSCredentials Mixed(string access, string secret) => new BasicAWSCredentials(access, secret, [|"AKIAJ6RF3M4XKQ7Z2LPA"|]);
                }
                """, Sdks);

        [Fact]
        public Task SilentOnPlaceholdersAndTestValues()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime;
                using OpenAI;
                using OpenAI.Chat;

                class Placeholders
                {
                    public object[] All() => new object[]
                    {
                        new BasicAWSCredentials("", ""),
                        new BasicAWSCredentials("AKIAXXXXXXXXXXXXXXXX", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                        new BasicAWSCredentials("test-access-key", "test-secret-key"),
                        new BasicAWSCredentials("AKIATESTKEY123456789", "DummySecretForUnitTests"),
                        new ChatClient("gpt-4o", "fake-key-for-tests"),
                        new ChatClient("gpt-4o", "sk-placeholder-0000"),
                        new ChatClient("gpt-4o", "YOUR_API_KEY"),
                        new ChatClient("gpt-4o", "<your-openai-key>"),
                        new ChatClient("gpt-4o", "${OPENAI_API_KEY}"),
                        new ChatClient("gpt-4o", "OPENAI_API_KEY"),
                        new ChatClient("gpt-4o", "sk-123"),
                        new ChatClient("gpt-4o", "changeme-please"),
                        new OpenAIClient("mock-api-key-value"),
                        new OpenAIClient("aaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                    };
                }
                """, Sdks);

        /// <summary>
        /// What looks like a key (docs/rules/AISEC040.md): at least 16 characters, no white space, letters and digits both,
        /// no placeholder word. Values from real samples ("invalid_key", "my-test-api-key") are silent.
        /// </summary>
        [Fact]
        public Task SilentOnValuesThatDoNotLookLikeKeys()
            => Verify.AnalyzeAsync("""
                using OpenAI;
                using OpenAI.Chat;
                using Azure;

                class Samples
                {
                    public object[] All() => new object[]
                    {
                        new ChatClient("gpt-4o", apiKey: "invalid_key"),
                        new ChatClient("gpt-4o", "my-test-api-key"),
                        new ChatClient("gpt-4o", "Ab12Cd34Ef56Gh7"),
                        new ChatClient("gpt-4o", "abcdefghijklmnopqrstuvwxyz"),
                        new ChatClient("gpt-4o", "1234567890123456789012"),
                        new ChatClient("gpt-4o", "Ab12Cd34 Ef56Gh78Ij90"),
                        new ChatClient("gpt-4o", "key-is-INVALID-0123456789"),
                        new ChatClient("gpt-4o", "todo-0123456789abcdef"),
                        new OpenAIClient("sk-proj-****************"),
                        new AzureKeyCredential("<azure-openai-key-0123456789>"),
                    };

                    public object[] Reported() => new object[]
                    {
                        new ChatClient("gpt-4o", [|"Ab12Cd34Ef56Gh78"|]),
                        new AzureKeyCredential([|"0123456789abcdef0123456789abcdef"|]),
                    };
                }
                """, Sdks);

        [Fact]
        public Task ModelIdConstantsAreNotCredentials()
            => Verify.AnalyzeAsync("""
                using System;
                using OpenAI.Chat;

                class Models
                {
                    private const string ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";
                    private const string ChatModel = "gpt-4o-2024-08-06";
                    private static readonly string DeploymentName = "contoso-gpt-4o-2024-08-06-eastus2";
                    private const string HelpLink = "http://docs.contoso.example/help/20240620";

                    public ChatClient Chat() => new ChatClient(ChatModel, Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public ChatClient Deployment() => new ChatClient(DeploymentName, Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public string Describe() => ModelId + " " + HelpLink;
                }
                """, Sdks);

        [Fact]
        public Task KeyUnderANeutralNameIsReportedAtItsDeclaration()
            => Verify.FixAsync("""
                using OpenAI.Chat;

                class Factory
                {
                    private static readonly string Value = [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8"|];

                    public ChatClient Create() => new ChatClient("gpt-4o", Value);
                }
                """, """
                using System;
                using OpenAI.Chat;

                class Factory
                {
                    private static readonly string Value = Environment.GetEnvironmentVariable("OPENAI_API_KEY")!;

                    public ChatClient Create() => new ChatClient("gpt-4o", Value);
                }
                """, Sdks);

        [Fact]
        public Task SilentOnValuesReadAtRunTime()
            => Verify.AnalyzeAsync("""
                using System;
                using Amazon.Runtime;
                using OpenAI.Chat;

                class Runtime
                {
                    private readonly string _key;
                    private static string s_mutable = "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU";

                    public Runtime(string key) => _key = key;

                    public object[] All(string secret, bool useBackup)
                    {
                        var fromEnvironment = Environment.GetEnvironmentVariable("OPENAI_API_KEY")!;
                        var reassigned = "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU";
                        if (useBackup)
                        {
                            reassigned = secret;
                        }

                        return new object[]
                        {
                            new ChatClient("gpt-4o", fromEnvironment),
                            new ChatClient("gpt-4o", _key),
                            new ChatClient("gpt-4o", s_mutable),
                            new ChatClient("gpt-4o", reassigned),
                            new ChatClient("gpt-4o", $"sk-proj-{secret}"),
                            new ChatClient("gpt-4o", "sk-proj-" + secret),
                            new BasicAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), secret),
                        };
                    }
                }
                """, Sdks);

        [Fact]
        public Task SilentOnNonSecretArgumentsAndLookalikeTypes()
            => Verify.AnalyzeAsync("""
                using Amazon;
                using Amazon.S3;
                using Amazon.S3.Model;
                using OpenAI.Chat;

                namespace MyCompany.Security
                {
                    class BasicAWSCredentials
                    {
                        public BasicAWSCredentials(string accessKey, string secretKey) { }
                    }

                    class ApiKeyCredential
                    {
                        public ApiKeyCredential(string key) { }
                    }

                    class Usage
                    {
                        public object[] All() => new object[]
                        {
                            new BasicAWSCredentials("AKIAJ6RF3M4XKQ7Z2LPA", "Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"),
                            new ApiKeyCredential("sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"),
                            new ChatClient("gpt-4o-2024-08-06-long-model-name", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!),
                            new GetObjectRequest { BucketName = "training-data-eu-west-1", Key = "datasets/2024/corpus.jsonl" },
                        };
                    }
                }
                """, Sdks);

        [Fact]
        public async Task MessageText()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Amazon.Runtime;

                    class CredentialFactory
                    {
                        public AWSCredentials Create(string id) => new BasicAWSCredentials(id, {|#0:"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|});
                    }
                    """,
                References = Sdks,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("The AWS secret access key passed to 'BasicAWSCredentials'", "AWS_SECRET_ACCESS_KEY")
                .WithMessage("The AWS secret access key passed to 'BasicAWSCredentials' is hard-coded; read it at run time, for example from the AWS_SECRET_ACCESS_KEY environment variable, and rotate the exposed key"));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using Amazon.Runtime;

                class Generated
                {
                    public AWSCredentials Create() => new BasicAWSCredentials("AKIAJ6RF3M4XKQ7Z2LPA", "Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4");
                }
                """, Sdks);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime;
                using OpenAI.Chat;

                class Broken
                {
                    const string Key = ;
                    public AWSCredentials Create() => new BasicAWSCredentials("AKIAJ6RF3M4XKQ7Z2LPA", );
                    public ChatClient Chat() => new ChatClient("gpt-4o", Key, "extra", );
                    public object Anthropic() => new Anthropic.AnthropicClient { ApiKey = };
                }
                """, Sdks, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task FixAwsCredentialsAddsUsing()
            => Verify.FixAsync("""
                using Amazon.Runtime;

                class CredentialFactory
                {
                    public AWSCredentials Create() => new BasicAWSCredentials(
                        [|"AKIAJ6RF3M4XKQ7Z2LPA"|], // access key
                        [|"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|]);

                    public AWSCredentials Session() => new SessionAWSCredentials([|"ASIAY34FZKBOKMUTVV7A"|], [|"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"|], [|"FwoGZXIvYXdzEJr9Lk3Mn0Pq8Rs7Tu6Vw5Xy4Za3"|]);
                }
                """, """
                using System;
                using Amazon.Runtime;

                class CredentialFactory
                {
                    public AWSCredentials Create() => new BasicAWSCredentials(
                        Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), // access key
                        Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));

                    public AWSCredentials Session() => new SessionAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
                }
                """, Sdks);

        [Fact]
        public Task FixOpenAIAzureAndAnthropicKeys()
            => Verify.FixAsync("""
                using System;
                using System.ClientModel;
                using Anthropic;
                using Azure.AI.OpenAI;
                using OpenAI.Chat;

                class Llm
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|]);

                    public AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential([|"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|]));

                    public AnthropicClient Claude() => new AnthropicClient { ApiKey = [|"sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|] };
                }
                """, """
                using System;
                using System.ClientModel;
                using Anthropic;
                using Azure.AI.OpenAI;
                using OpenAI.Chat;

                class Llm
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")!));

                    public AnthropicClient Claude() => new AnthropicClient { ApiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY") };
                }
                """, Sdks);

        [Fact]
        public Task FixConstReplacesTheUseAndLocalsTheInitializer()
            => new Verify.Test
            {
                References = Sdks,
                TestCode = """
                using OpenAI.Chat;

                class Factory
                {
                    private const string ApiKey = [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|];
                    private static readonly string BackupKey = [|"sk-proj-7HgT2wQ9eR4tY1uI6oP3aS8dF5gH0jK"|];

                    public ChatClient Primary() => new ChatClient("gpt-4o", ApiKey);

                    public ChatClient Backup() => new ChatClient("gpt-4o", BackupKey);

                    public ChatClient Local()
                    {
                        string key = [|"sk-proj-2LkJ8hG5fD1sA9pO4iU7yT3rE6wQ0zX"|];
                        return new ChatClient("gpt-4o", key);
                    }

                    public ChatClient Implicit()
                    {
                        var key = [|"sk-proj-5ZxC8vB1nM4aS7dF0gH3jK6lQ9wE2rT"|];
                        return new ChatClient("gpt-4o", key);
                    }
                }
                """,
                FixedCode = """
                using System;
                using OpenAI.Chat;

                class Factory
                {
                    private const string ApiKey = "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU";
                    private static readonly string BackupKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY")!;

                    public ChatClient Primary() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public ChatClient Backup() => new ChatClient("gpt-4o", BackupKey);

                    public ChatClient Local()
                    {
                        string key = Environment.GetEnvironmentVariable("OPENAI_API_KEY")!;
                        return new ChatClient("gpt-4o", key);
                    }

                    public ChatClient Implicit()
                    {
                        var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                        return new ChatClient("gpt-4o", key);
                    }
                }
                """,
            }.RunWithStubsAsync();

        [Fact]
        public Task FixWithoutNullableContextAddsNoBang()
            => Verify.FixAsync("""
                #nullable disable
                using OpenAI.Chat;

                class Factory
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|]);
                }
                """, """
                #nullable disable
                using System;
                using OpenAI.Chat;

                class Factory
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """, Sdks);

        [Fact]
        public async Task FixAllAcrossFilesForASharedConstant()
        {
            var test = new Verify.Test
            {
                References = Sdks,
            };
            test.TestState.Sources.Add(("/0/Secrets.cs", """
                static class Secrets
                {
                    public const string AccessKey = {|#0:"AKIAJ6RF3M4XKQ7Z2LPA"|};
                    public const string SecretKey = {|#1:"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"|};
                }
                """));
            test.TestState.Sources.Add(("/0/Storage.cs", """
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Client Create() => new AmazonS3Client(Secrets.AccessKey, Secrets.SecretKey);
                }
                """));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("The AWS access key id passed to 'AmazonS3Client'", "AWS_ACCESS_KEY_ID"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("The AWS secret access key passed to 'AmazonS3Client'", "AWS_SECRET_ACCESS_KEY"));
            // The constants are declared outside the code that uses them: the diagnostics are non-local (build and full-solution analysis).
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            test.FixedState.Sources.Add(("/0/Secrets.cs", """
                static class Secrets
                {
                    public const string AccessKey = "AKIAJ6RF3M4XKQ7Z2LPA";
                    public const string SecretKey = "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";
                }
                """));
            test.FixedState.Sources.Add(("/0/Storage.cs", """
                using System;
                using Amazon.S3;

                class Storage
                {
                    public AmazonS3Client Create() => new AmazonS3Client(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
                }
                """));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public async Task ConstantUsedTwiceAndThroughALocal()
        {
            var test = new Verify.Test
            {
                References = Sdks,
                TestCode = """
                using Amazon.Runtime;
                using Amazon.S3;

                class Storage
                {
                    private const string AccessKey = {|#0:"AKIAJ6RF3M4XKQ7Z2LPA"|};
                    private const string SecretKey = {|#1:"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"|};

                    public AmazonS3Client Primary() => new AmazonS3Client(AccessKey, SecretKey);

                    public AWSCredentials Credentials()
                    {
                        var secret = SecretKey;
                        return new BasicAWSCredentials(AccessKey, secret);
                    }
                }
                """,
            };

            // One diagnostic per use that reaches a sink: the access key twice, the secret directly and through a local.
            foreach (var (location, variable, member) in new[]
            {
                (0, "AWS_ACCESS_KEY_ID", "AmazonS3Client"), (0, "AWS_ACCESS_KEY_ID", "BasicAWSCredentials"),
                (1, "AWS_SECRET_ACCESS_KEY", "AmazonS3Client"), (1, "AWS_SECRET_ACCESS_KEY", "BasicAWSCredentials"),
            })
            {
                var what = variable == "AWS_ACCESS_KEY_ID" ? "AWS access key id" : "AWS secret access key";
                test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedCredential).WithLocation(location)
                    .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments($"The {what} passed to '{member}'", variable));
            }

            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task FallbacksAndConditionals()
            => Verify.FixAsync("""
                using System;
                using OpenAI.Chat;

                class Factory
                {
                    public ChatClient Create(bool production)
                    {
                        var key = Environment.GetEnvironmentVariable("OPENAI_KEY") ?? [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|];
                        return new ChatClient(production ? "gpt-4o" : "gpt-4o-mini", key);
                    }

                    public ChatClient Pick(bool production)
                        => new ChatClient("gpt-4o", production ? [|"sk-proj-9RtY2uI8oP3aS7dF1gH6jK4lZ0xC5vB"|] : "test-key-for-staging");
                }
                """, """
                using System;
                using OpenAI.Chat;

                class Factory
                {
                    public ChatClient Create(bool production)
                    {
                        var key = Environment.GetEnvironmentVariable("OPENAI_KEY") ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                        return new ChatClient(production ? "gpt-4o" : "gpt-4o-mini", key);
                    }

                    public ChatClient Pick(bool production)
                        => new ChatClient("gpt-4o", production ? Environment.GetEnvironmentVariable("OPENAI_API_KEY") : "test-key-for-staging");
                }
                """, Sdks);

        [Fact]
        public Task RawHttpCallsToModelApis()
            => Verify.FixAsync("""
                using System.Net.Http;
                using System.Net.Http.Headers;

                class RawClients
                {
                    private const string ClaudeKey = [|"sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|];

                    public HttpClient OpenAI()
                    {
                        var http = new HttpClient();
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|]);
                        return http;
                    }

                    public HttpRequestMessage Claude(HttpContent body)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages") { Content = body };
                        request.Headers.Add("x-api-key", ClaudeKey);
                        request.Headers.Add("anthropic-version", "2023-06-01");
                        return request;
                    }

                    public void Azure(HttpClient http)
                    {
                        http.DefaultRequestHeaders.Add("api-key", [|"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|]);
                        // Not keys: other headers, other bearer tokens, placeholders.
                        http.DefaultRequestHeaders.Add("x-request-id", "4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9");
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.abc");
                        http.DefaultRequestHeaders.Add("x-api-key", "sk-ant-test-key");
                    }
                }
                """, """
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;

                class RawClients
                {
                    private const string ClaudeKey = "sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga";

                    public HttpClient OpenAI()
                    {
                        var http = new HttpClient();
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                        return http;
                    }

                    public HttpRequestMessage Claude(HttpContent body)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.anthropic.com/v1/messages") { Content = body };
                        request.Headers.Add("x-api-key", Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY"));
                        request.Headers.Add("anthropic-version", "2023-06-01");
                        return request;
                    }

                    public void Azure(HttpClient http)
                    {
                        http.DefaultRequestHeaders.Add("api-key", Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY"));
                        // Not keys: other headers, other bearer tokens, placeholders.
                        http.DefaultRequestHeaders.Add("x-request-id", "4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9");
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.abc");
                        http.DefaultRequestHeaders.Add("x-api-key", "sk-ant-test-key");
                    }
                }
                """, Sdks);

        [Fact]
        public Task SemanticKernelConnectors()
            => Verify.AnalyzeAsync("""
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                class KernelFactory
                {
                    public Kernel OpenAI() => Kernel.CreateBuilder()
                        .AddOpenAIChatCompletion("gpt-4o", [|"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|])
                        .Build();

                    public Kernel Azure() => Kernel.CreateBuilder()
                        .AddAzureOpenAIChatCompletion("gpt-4o", "https://contoso.openai.azure.com/", apiKey: [|"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|])
                        .Build();

                    public void Services(IServiceCollection services, string key)
                        => services.AddOpenAIChatCompletion("gpt-4o", key);
                }
                """, Sdks);
        [Fact]
        public Task AwsCredentialProfileOptions()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime.CredentialManagement;

                class ProfileSetup
                {
                    public void Register(string region)
                    {
                        var options = new CredentialProfileOptions
                        {
                            AccessKey = [|"AKIAZ7Q3XJ4LMN2PQR5T"|],
                            SecretKey = [|"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"|],
                            Token = [|"FwoGZXIvYXdzEBYaDHqa0AH2ZqZ5Fq8lBiKCAYqN3mJ8wQ"|],
                        };
                        options.SecretKey = [|"hT5rE8wQ2zX9cV4bN7mL1kJ6gF3dS0aP8oI5uY2t"|];
                        new NetSDKCredentialsFile().RegisterProfile(new CredentialProfile("ml-dev", options));

                        // Not secrets: profile names, regions, placeholders, values from elsewhere.
                        var other = new CredentialProfileOptions
                        {
                            AccessKey = System.Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"),
                            SecretKey = "your-secret-key",
                            SourceProfile = "ml-default-profile",
                            RoleArn = "arn:aws:iam::123456789012:role/ml-training",
                        };
                    }
                }
                """, Sdks);

        [Fact]
        public Task FixAwsCredentialProfileOptions()
            => Verify.FixAsync("""
                using Amazon.Runtime.CredentialManagement;

                class ProfileSetup
                {
                    public CredentialProfileOptions Create() => new CredentialProfileOptions
                    {
                        AccessKey = [|"AKIAZ7Q3XJ4LMN2PQR5T"|],
                        SecretKey = [|"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"|],
                    };
                }
                """, """
                using System;
                using Amazon.Runtime.CredentialManagement;

                class ProfileSetup
                {
                    public CredentialProfileOptions Create() => new CredentialProfileOptions
                    {
                        AccessKey = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"),
                        SecretKey = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"),
                    };
                }
                """, Sdks);
        [Fact]
        public Task ConstantConcatenation_ReportedOnTheWholeExpression()
            => Verify.FixAsync("""
                using OpenAI;

                class Clients
                {
                    public OpenAIClient Split() => new OpenAIClient([|"sk-proj-" + "Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2Vb4Nm6Qw8Er0Ty2Ui4Op6"|]);

                    public OpenAIClient ThroughLocal()
                    {
                        var key = [|"sk-proj-Rt5Yu7Io9Pa1Sd3Fg5" + "Hj7Kl9Zx1Cv3Bn5Mq7We9Rt1Yu3Io5"|];
                        return new OpenAIClient(key);
                    }

                    public OpenAIClient Prefixed(string suffix) => new OpenAIClient("sk-proj-" + suffix);
                }
                """, """
                using System;
                using OpenAI;

                class Clients
                {
                    public OpenAIClient Split() => new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public OpenAIClient ThroughLocal()
                    {
                        var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                        return new OpenAIClient(key);
                    }

                    public OpenAIClient Prefixed(string suffix) => new OpenAIClient("sk-proj-" + suffix);
                }
                """, Sdks);
        [Fact]
        public Task ParameterDefault_ReportedWithoutFix()
        {
            var source = """
                using OpenAI;
                using OpenAI.Chat;

                static class Clients
                {
                    public static OpenAIClient Create(string apiKey = [|"sk-proj-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4Cd5Ef6"|]) => new OpenAIClient(apiKey);

                    public static ChatClient Chat(string model = "gpt-4o-mini-2024-07-18", string? apiKey = null) => new ChatClient(model, apiKey ?? "");
                }

                class Summarizer(string apiKey = [|"sk-proj-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn7Mm6Ll5Kk4"|])
                {
                    private readonly ChatClient _chat = new ChatClient("gpt-4o", apiKey);
                }
                """;
            return Verify.FixAsync(source, source, Sdks);
        }
        [Fact]
        public Task KeysWrittenIntoTheEnvironment_ReportedWithoutFix()
        {
            var source = """
                using System;
                using OpenAI;

                static class Bootstrap
                {
                    public static OpenAIClient Create()
                    {
                        Environment.SetEnvironmentVariable("OPENAI_API_KEY", [|"sk-proj-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4Cd5Ef6"|]);
                        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", [|"AKIAZ7Q3XJ4LMN2PQR5T"|]);
                        var secret = [|"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"|];
                        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret, EnvironmentVariableTarget.Process);

                        // Not keys: other variables, placeholders, values from elsewhere.
                        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development-eu-west-1");
                        Environment.SetEnvironmentVariable("OPENAI_API_KEY", "your-openai-api-key");
                        Environment.SetEnvironmentVariable("ANTHROPIC_API_KEY", Console.ReadLine());
                        return new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                    }
                }
                """;
            return Verify.FixAsync(source, source, Sdks);
        }
        [Fact]
        public Task SilentOnMaskedAndElidedKeys()
            => Verify.AnalyzeAsync("""
                using Amazon.Runtime;
                using OpenAI;
                using OpenAI.Chat;

                class Masked
                {
                    public object[] All() => new object[]
                    {
                        new ChatClient("gpt-4o", "sk-proj-********"),
                        new ChatClient("gpt-4o", "sk-proj-abc...xyz9"),
                        new OpenAIClient("sk-ant-api03-…-Qr2St"),
                        new BasicAWSCredentials("AKIA****************", "****************************************"),
                        new ChatClient("gpt-4o", [|"sk-proj-4fG7hJ2kL9mN3pQ8rS1tU6vW0xY5zA2bC7dE4fG9hJ1kL3"|]),
                    };
                }
                """, Sdks);
    }
}
