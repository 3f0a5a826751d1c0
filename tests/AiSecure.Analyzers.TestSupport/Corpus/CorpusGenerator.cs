using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiSecure.Analyzers.Benchmarks.Corpus
{
    /// <summary>One generated source file: a path relative to the corpus root and its text.</summary>
    public sealed record CorpusFile(string Path, string Text, bool HasFlaw);

    /// <summary>
    /// Writes a realistic AI service code base: controllers, services, storage, training jobs and LLM clients
    /// over the SDKs the rules know, mostly fine code with some flaws, plus neutral code of the same size.
    /// The same seed gives the same files, byte for byte. Used by the benchmarks and the robustness tests.
    /// </summary>
    public sealed class CorpusGenerator
    {
        private readonly int _seed;
        private readonly double _flawRate;

        public CorpusGenerator(int seed = 20261126, double flawRate = 0.15)
        {
            _seed = seed;
            _flawRate = flawRate;
        }

        /// <summary>The Web SDK's implicit global usings, which the generated files rely on.</summary>
        public const string GlobalUsings = """
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Net.Http.Json;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            global using global::Microsoft.AspNetCore.Builder;
            global using global::Microsoft.AspNetCore.Hosting;
            global using global::Microsoft.AspNetCore.Http;
            global using global::Microsoft.AspNetCore.Routing;
            global using global::Microsoft.Extensions.Configuration;
            global using global::Microsoft.Extensions.DependencyInjection;
            global using global::Microsoft.Extensions.Hosting;
            global using global::Microsoft.Extensions.Logging;
            """;

        /// <summary>The kinds of AI-facing files, in the order the generator cycles through them.</summary>
        public static IReadOnlyList<string> AiKinds { get; } = new[]
        {
            "ChatController", "DocumentStore", "TrainingJobs", "BedrockAssistant", "PromptFunctions",
            "ChatPipeline", "LocalModel", "ClaudeClient", "ModelGatewayClient", "EndpointDeployment", "InsightsService",
        };

        /// <summary>The kinds of neutral files (no AI SDK), as many as the AI files.</summary>
        public static IReadOnlyList<string> NeutralKinds { get; } = new[]
        {
            "OrderModels", "PricingCalculator", "ReportBuilder", "InMemoryRepository", "TextUtilities", "OrdersController",
        };

        /// <summary><paramref name="count"/> files: half AI-facing (with flaws at the flaw rate), half neutral.</summary>
        public IReadOnlyList<CorpusFile> Generate(int count, bool flaws = true)
        {
            var random = new Random(_seed);
            var files = new List<CorpusFile>(count);
            for (var i = 0; i < count; i++)
            {
                if (i % 2 == 0)
                {
                    var kind = AiKinds[(i / 2) % AiKinds.Count];
                    var flawed = flaws && random.NextDouble() < _flawRate;
                    var variant = random.Next(4);
                    files.Add(new CorpusFile($"Ai/{kind}{i:D4}.cs", Ai(kind, i, flawed, variant), flawed));
                }
                else
                {
                    var kind = NeutralKinds[(i / 2) % NeutralKinds.Count];
                    files.Add(new CorpusFile($"Domain/{kind}{i:D4}.cs", Neutral(kind, i, random.Next(4)), false));
                }
            }

            return files;
        }

        /// <summary>The host's Program.cs (top-level statements) for a Web SDK corpus project.</summary>
        public static string Program() => """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.MapGet("/health", () => Results.Ok("ok"));
            app.Run();
            """;

        /// <summary>
        /// A net10.0 Web SDK project over the generated files and the SageMaker / Bedrock stand-ins.
        /// <c>-p:AiSecure=true</c> adds the built analyzer DLLs from <c>$(AiSecureAnalyzerDir)</c>;
        /// <c>-p:Sonar=true</c> and <c>-p:Scs=true</c> add SonarAnalyzer.CSharp and SecurityCodeScan for comparison.
        /// </summary>
        public static string ProjectFile(string stubsDirectory, string analyzerDirectory, IReadOnlyDictionary<string, string> packageVersions)
        {
            string V(string id) => packageVersions.TryGetValue(id, out var v) ? v : throw new InvalidOperationException("No version for " + id);
            return $$"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <!-- Generated by AiSecure.Analyzers.Benchmarks: a service code base to measure analyzers on. -->
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RootNamespace>Contoso.Platform</RootNamespace>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <NoWarn>$(NoWarn);CS1998;CS8618;CS0219;CS0168;SYSLIB0014;NU1603;NU1608;OPENAI001;SKEXP0001;SKEXP0010</NoWarn>
                    <AiSecureAnalyzerDir Condition="'$(AiSecureAnalyzerDir)' == ''">{{analyzerDirectory}}</AiSecureAnalyzerDir>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="AWSSDK.S3" Version="{{V("AWSSDK.S3")}}" />
                    <PackageReference Include="OpenAI" Version="{{V("OpenAI")}}" />
                    <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="{{V("Microsoft.Extensions.AI.Abstractions")}}" />
                    <PackageReference Include="Microsoft.SemanticKernel" Version="{{V("Microsoft.SemanticKernel")}}" />
                    <PackageReference Include="Anthropic" Version="{{V("Anthropic")}}" />
                    <PackageReference Include="OllamaSharp" Version="{{V("OllamaSharp")}}" />
                  </ItemGroup>
                  <ItemGroup>
                    <!-- AWSSDK.SageMaker and AWSSDK.BedrockRuntime stand-ins (not served by the registry). -->
                    <Compile Include="{{stubsDirectory}}/*.cs" LinkBase="AwsStandIns" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(AiSecure)' == 'true'">
                    <Analyzer Include="$(AiSecureAnalyzerDir)/AiSecure.Analyzers.dll" />
                    <Analyzer Include="$(AiSecureAnalyzerDir)/AiSecure.Analyzers.CodeFixes.dll" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(Sonar)' == 'true'">
                    <PackageReference Include="SonarAnalyzer.CSharp" Version="{{V("SonarAnalyzer.CSharp")}}" PrivateAssets="all" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(Scs)' == 'true'">
                    <PackageReference Include="SecurityCodeScan.VS2019" Version="{{V("SecurityCodeScan.VS2019")}}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """;
        }

        private string Ai(string kind, int i, bool flawed, int variant) => kind switch
        {
            "ChatController" => ChatController(i, flawed, variant),
            "DocumentStore" => DocumentStore(i, flawed, variant),
            "TrainingJobs" => TrainingJobs(i, flawed, variant),
            "BedrockAssistant" => BedrockAssistant(i, flawed, variant),
            "PromptFunctions" => PromptFunctions(i, flawed, variant),
            "ChatPipeline" => ChatPipeline(i, flawed, variant),
            "LocalModel" => LocalModel(i, flawed, variant),
            "ClaudeClient" => ClaudeClient(i, flawed, variant),
            "ModelGatewayClient" => ModelGatewayClient(i, flawed, variant),
            "InsightsService" => InsightsService(i, flawed, variant),
            _ => EndpointDeployment(i, flawed, variant),
        };

        private static string Neutral(string kind, int i, int variant) => kind switch
        {
            "OrderModels" => OrderModels(i, variant),
            "PricingCalculator" => PricingCalculator(i, variant),
            "ReportBuilder" => ReportBuilder(i, variant),
            "InMemoryRepository" => InMemoryRepository(i, variant),
            "TextUtilities" => TextUtilities(i, variant),
            _ => OrdersController(i, variant),
        };

        private static readonly string[] Topics = { "support", "billing", "claims", "onboarding", "legal", "research", "catalog", "hr" };

        private static string Topic(int i) => Topics[i % Topics.Length];

        private static string Pascal(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);

        // ------------------------------------------------------------------ AI-facing files

        private static string ChatController(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var system = flawed && variant % 2 == 0
                ? $"new SystemChatMessage(\"You are the {topic} assistant for \" + request.CustomerName)"
                : $"new SystemChatMessage(\"You are the {topic} assistant. Answer briefly and cite the policy.\")";
            var user = flawed && variant % 2 == 1
                ? "new UserChatMessage(\"Question from the customer portal: \" + request.Question)"
                : "new UserChatMessage(request.Question)";
            return $$"""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                namespace Contoso.Platform.Chat{{i}};

                public sealed record AskRequest(string CustomerName, string Question, int MaxAnswerTokens);

                public sealed record AskResponse(string Answer, int PromptTokens, int CompletionTokens);

                [ApiController]
                [Route("api/{{topic}}/chat{{i}}")]
                public sealed class {{Pascal(topic)}}ChatController{{i}} : ControllerBase
                {
                    private readonly ChatClient _chat;

                    public {{Pascal(topic)}}ChatController{{i}}(ChatClient chat) => _chat = chat;

                    [HttpPost("ask")]
                    public async Task<ActionResult<AskResponse>> AskAsync([FromBody] AskRequest request, CancellationToken cancellationToken)
                    {
                        if (string.IsNullOrWhiteSpace(request.Question) || request.Question.Length > 4000)
                        {
                            return BadRequest("The question must be between 1 and 4000 characters.");
                        }

                        var messages = new List<ChatMessage>
                        {
                            {{system}},
                            {{user}},
                        };
                        var options = new ChatCompletionOptions
                        {
                            MaxOutputTokenCount = Math.Clamp(request.MaxAnswerTokens, 16, 1024),
                            Temperature = 0.2f,
                        };

                        ChatCompletion completion = await _chat.CompleteChatAsync(messages, options, cancellationToken);
                        var answer = completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
                        return Ok(new AskResponse(answer, completion.Usage.InputTokenCount, completion.Usage.OutputTokenCount));
                    }

                    [HttpGet("models")]
                    public IActionResult Models() => Ok(new[] { "gpt-4o-mini", "gpt-4o" });

                    [NonAction]
                    public static string Describe(int turns) => turns switch
                    {
                        0 => "new conversation",
                        1 => "one turn",
                        _ => turns.ToString(System.Globalization.CultureInfo.InvariantCulture) + " turns",
                    };
                }
                """;
        }

        private static string DocumentStore(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var encryption = flawed && variant % 2 == 0
                ? "ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,"
                : "ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,\n                ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyArn,";
            var serviceUrl = flawed && variant % 2 == 1
                ? $"\"http://s3.{topic}.storage.contoso.internal\""
                : $"\"https://s3.{topic}.storage.contoso.internal\"";
            return $$"""
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;

                namespace Contoso.Platform.Storage{{i}};

                /// <summary>Stores {{topic}} documents and model artifacts in S3.</summary>
                public sealed class {{Pascal(topic)}}DocumentStore{{i}}
                {
                    private readonly IAmazonS3 _s3;
                    private readonly string _bucket;
                    private readonly string _kmsKeyArn;

                    public {{Pascal(topic)}}DocumentStore{{i}}(IAmazonS3 s3, string bucket, string kmsKeyArn)
                    {
                        _s3 = s3;
                        _bucket = bucket;
                        _kmsKeyArn = kmsKeyArn;
                    }

                    public static AmazonS3Client CreateClient() => new AmazonS3Client(new AmazonS3Config
                    {
                        ServiceURL = {{serviceUrl}},
                        ForcePathStyle = true,
                    });

                    public async Task<string> SaveAsync(string tenant, string name, Stream content, CancellationToken cancellationToken)
                    {
                        var key = $"{tenant}/{{topic}}/{DateTime.UtcNow:yyyy/MM/dd}/{Path.GetFileName(name)}";
                        var request = new PutObjectRequest
                        {
                            BucketName = _bucket,
                            Key = key,
                            InputStream = content,
                            ContentType = "application/octet-stream",
                            {{encryption}}
                        };
                        await _s3.PutObjectAsync(request, cancellationToken);
                        return key;
                    }

                    public async Task<string> ReadTextAsync(string key, CancellationToken cancellationToken)
                    {
                        using var response = await _s3.GetObjectAsync(_bucket, key, cancellationToken);
                        using var reader = new StreamReader(response.ResponseStream);
                        return await reader.ReadToEndAsync(cancellationToken);
                    }

                    public async Task<int> CountAsync(string tenant, CancellationToken cancellationToken)
                    {
                        var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = tenant + "/" }, cancellationToken);
                        return listing.S3Objects?.Count ?? 0;
                    }
                }
                """;
        }

        private static string TrainingJobs(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var outputKms = flawed && variant % 2 == 0 ? "" : "KmsKeyId = _kmsKeyArn,";
            var interContainer = flawed && variant % 2 == 1 ? "false" : "true";
            return $$"""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                namespace Contoso.Platform.Training{{i}};

                /// <summary>Launches the nightly {{topic}} fine-tuning job.</summary>
                public sealed class {{Pascal(topic)}}TrainingLauncher{{i}}
                {
                    private readonly IAmazonSageMaker _sageMaker;
                    private readonly string _roleArn;
                    private readonly string _kmsKeyArn;
                    private readonly List<string> _subnets;
                    private readonly List<string> _securityGroups;

                    public {{Pascal(topic)}}TrainingLauncher{{i}}(IAmazonSageMaker sageMaker, string roleArn, string kmsKeyArn, List<string> subnets, List<string> securityGroups)
                    {
                        _sageMaker = sageMaker;
                        _roleArn = roleArn;
                        _kmsKeyArn = kmsKeyArn;
                        _subnets = subnets;
                        _securityGroups = securityGroups;
                    }

                    public async Task<string> StartAsync(string runId, int instances, CancellationToken cancellationToken)
                    {
                        var request = new CreateTrainingJobRequest
                        {
                            TrainingJobName = "{{topic}}-ft-" + runId,
                            RoleArn = _roleArn,
                            AlgorithmSpecification = new AlgorithmSpecification { TrainingImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/{{topic}}-train:latest" },
                            HyperParameters = new Dictionary<string, string> { ["epochs"] = "{{3 + variant}}", ["learning_rate"] = "0.0001" },
                            OutputDataConfig = new OutputDataConfig
                            {
                                S3OutputPath = "s3://contoso-ml-artifacts/{{topic}}/",
                                {{outputKms}}
                            },
                            ResourceConfig = new ResourceConfig
                            {
                                InstanceCount = instances,
                                InstanceType = TrainingInstanceType.MlG5Xlarge,
                                VolumeSizeInGB = 100,
                                VolumeKmsKeyId = _kmsKeyArn,
                            },
                            VpcConfig = new VpcConfig { Subnets = _subnets, SecurityGroupIds = _securityGroups },
                            EnableInterContainerTrafficEncryption = {{interContainer}},
                            EnableNetworkIsolation = true,
                            StoppingCondition = new StoppingCondition { MaxRuntimeInSeconds = 6 * 3600 },
                        };

                        var response = await _sageMaker.CreateTrainingJobAsync(request, cancellationToken);
                        return $"{request.TrainingJobName}: {(int)response.HttpStatusCode}";
                    }
                }
                """;
        }

        private static string BedrockAssistant(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var guardrail = flawed
                ? ""
                : "GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = _guardrailId, GuardrailVersion = \"1\" },";
            return $$"""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                namespace Contoso.Platform.Bedrock{{i}};

                /// <summary>Answers {{topic}} questions with a Bedrock model.</summary>
                public sealed class {{Pascal(topic)}}BedrockAssistant{{i}}
                {
                    private const string ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";
                    private readonly IAmazonBedrockRuntime _bedrock;
                    private readonly string _guardrailId;

                    public {{Pascal(topic)}}BedrockAssistant{{i}}(IAmazonBedrockRuntime bedrock, string guardrailId)
                    {
                        _bedrock = bedrock;
                        _guardrailId = guardrailId;
                    }

                    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken)
                    {
                        var request = new ConverseRequest
                        {
                            ModelId = ModelId,
                            System = new List<SystemContentBlock> { new SystemContentBlock { Text = "You answer {{topic}} questions politely." } },
                            Messages = new List<Message>
                            {
                                new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = question } } },
                            },
                            InferenceConfig = new InferenceConfiguration { MaxTokens = {{256 * (variant + 1)}}, Temperature = 0.3f },
                            {{guardrail}}
                        };

                        var response = await _bedrock.ConverseAsync(request, cancellationToken);
                        var blocks = response.Output?.Message?.Content ?? new List<ContentBlock>();
                        return string.Join("\n", blocks.Where(b => b.Text != null).Select(b => b.Text));
                    }
                }
                """;
        }

        private static string PromptFunctions(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var invoke = flawed
                ? "await _kernel.InvokePromptAsync(\"Summarize this " + topic + " ticket: \" + ticket.Body, cancellationToken: cancellationToken)"
                : "await _kernel.InvokePromptAsync(\"Summarize this " + topic + " ticket: {{$body}}\", new KernelArguments { [\"body\"] = ticket.Body }, cancellationToken: cancellationToken)";
            return $$$"""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Contoso.Platform.Prompts{{{i}}};

                public sealed class Ticket{{{i}}}
                {
                    public string Id { get; set; } = "";
                    public string Body { get; set; } = "";
                    public int Priority { get; set; }
                }

                [ApiController]
                [Route("api/{{{topic}}}/tickets{{{i}}}")]
                public sealed class TicketSummaryController{{{i}}} : ControllerBase
                {
                    private readonly Kernel _kernel;

                    public TicketSummaryController{{{i}}}(Kernel kernel) => _kernel = kernel;

                    [HttpPost("summary")]
                    public async Task<IActionResult> SummarizeAsync([FromBody] Ticket{{{i}}} ticket, CancellationToken cancellationToken)
                    {
                        var result = {{{invoke}}};
                        return Ok(new { ticket.Id, Summary = result.GetValue<string>() });
                    }

                    [HttpPost("triage")]
                    public async Task<IActionResult> TriageAsync([FromBody] Ticket{{{i}}} ticket, CancellationToken cancellationToken)
                    {
                        var chat = _kernel.GetRequiredService<IChatCompletionService>();
                        var history = new ChatHistory("You classify {{{topic}}} tickets as low, normal or urgent. Reply with one word.");
                        history.AddUserMessage(ticket.Body);
                        var reply = await chat.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
                        return Ok(new { ticket.Id, Priority = reply.Content?.Trim().ToLowerInvariant() ?? "normal" });
                    }
                }
                """;
        }

        private static string ChatPipeline(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var instructions = flawed
                ? "Instructions = \"Write in the tone the user asked for: \" + tone,"
                : "Instructions = \"Write in a neutral, friendly tone.\",";
            return $$"""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;
                using Microsoft.Extensions.AI;

                namespace Contoso.Platform.Pipeline{{i}};

                public static class {{Pascal(topic)}}DraftEndpoints{{i}}
                {
                    public static IEndpointRouteBuilder Map{{Pascal(topic)}}Drafts{{i}}(this IEndpointRouteBuilder routes)
                    {
                        routes.MapPost("/api/{{topic}}/drafts{{i}}", DraftAsync);
                        return routes;
                    }

                    private static async Task<IResult> DraftAsync(string topic, string tone, IChatClient chat, CancellationToken cancellationToken)
                    {
                        var options = new ChatOptions
                        {
                            {{instructions}}
                            MaxOutputTokens = {{200 + 50 * variant}},
                            Temperature = 0.7f,
                        };
                        var messages = new List<ChatMessage>
                        {
                            new ChatMessage(ChatRole.System, "You draft short {{topic}} emails."),
                            new ChatMessage(ChatRole.User, topic),
                        };
                        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
                        return Results.Ok(new { Draft = response.Text, Tokens = response.Usage?.TotalTokenCount ?? 0 });
                    }
                }
                """;
        }

        private static string LocalModel(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var host = flawed ? $"http://ollama.{topic}.contoso.internal:11434" : "http://localhost:11434";
            return $$"""
                using System;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using OllamaSharp;
                using OllamaSharp.Models;

                namespace Contoso.Platform.Local{{i}};

                /// <summary>Runs {{topic}} classification on a self-hosted model.</summary>
                public sealed class {{Pascal(topic)}}LocalClassifier{{i}} : IDisposable
                {
                    private readonly OllamaApiClient _ollama = new OllamaApiClient(new Uri("{{host}}"), "llama3.1");

                    public async Task<string> ClassifyAsync(string text, CancellationToken cancellationToken)
                    {
                        var request = new GenerateRequest
                        {
                            Model = "llama3.1",
                            System = "Classify the {{topic}} message as positive, neutral or negative.",
                            Prompt = text,
                            Stream = false,
                        };
                        var builder = new StringBuilder();
                        await foreach (var chunk in _ollama.GenerateAsync(request, cancellationToken))
                        {
                            builder.Append(chunk?.Response);
                        }

                        return builder.ToString().Trim();
                    }

                    public void Dispose() => _ollama.Dispose();
                }
                """;
        }

        private static string ClaudeClient(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var apiKey = flawed
                ? "\"sk-ant-api03-" + Hex(i, 40) + "\""
                : "Environment.GetEnvironmentVariable(\"ANTHROPIC_API_KEY\")";
            return $$"""
                using System;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;

                namespace Contoso.Platform.Claude{{i}};

                /// <summary>Reviews {{topic}} contracts with Claude.</summary>
                public sealed class {{Pascal(topic)}}ContractReviewer{{i}}
                {
                    private readonly AnthropicClient _client = new AnthropicClient { ApiKey = {{apiKey}} };

                    public async Task<string> ReviewAsync(string clause, CancellationToken cancellationToken)
                    {
                        var parameters = new MessageCreateParams
                        {
                            Model = "claude-sonnet-4-5",
                            MaxTokens = {{512 * (variant + 1)}},
                            System = "You review {{topic}} contract clauses and list the risks.",
                            Messages = [new UserMessageParam { Content = clause }],
                        };
                        var message = await _client.Messages.Create(parameters, cancellationToken);
                        return string.Join("\n", message.Content.Select(block => block.TryPickText(out var text) ? text.Text : string.Empty));
                    }
                }
                """;
        }

        private static string ModelGatewayClient(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var validation = flawed
                ? "ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,"
                : "ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None,";
            return $$"""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Net.Security;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Contoso.Platform.Gateway{{i}};

                public sealed record EmbeddingResponse{{i}}(float[] Vector, string Model);

                /// <summary>Calls the internal model gateway for {{topic}} embeddings.</summary>
                public sealed class {{Pascal(topic)}}EmbeddingClient{{i}} : IDisposable
                {
                    private readonly HttpClient _http;

                    public {{Pascal(topic)}}EmbeddingClient{{i}}()
                    {
                        var handler = new HttpClientHandler
                        {
                            {{validation}}
                        };
                        _http = new HttpClient(handler) { BaseAddress = new Uri("https://llm-gateway.contoso.internal/"), Timeout = TimeSpan.FromSeconds({{10 + variant}}) };
                    }

                    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
                    {
                        using var response = await _http.PostAsJsonAsync("v1/embeddings/{{topic}}", new { input = text }, cancellationToken);
                        response.EnsureSuccessStatusCode();
                        var body = await response.Content.ReadFromJsonAsync<EmbeddingResponse{{i}}>(cancellationToken);
                        return body?.Vector ?? Array.Empty<float>();
                    }

                    public void Dispose() => _http.Dispose();
                }
                """;
        }

        private static string EndpointDeployment(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var kms = flawed ? "" : "KmsKeyId = _kmsKeyArn,";
            return $$"""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SageMaker;
                using Amazon.SageMaker.Model;

                namespace Contoso.Platform.Deploy{{i}};

                /// <summary>Creates the endpoint configuration that serves the {{topic}} model.</summary>
                public sealed class {{Pascal(topic)}}EndpointDeployer{{i}}
                {
                    private readonly IAmazonSageMaker _sageMaker;
                    private readonly string _kmsKeyArn;

                    public {{Pascal(topic)}}EndpointDeployer{{i}}(IAmazonSageMaker sageMaker, string kmsKeyArn)
                    {
                        _sageMaker = sageMaker;
                        _kmsKeyArn = kmsKeyArn;
                    }

                    public async Task<string> DeployAsync(string modelName, int instances, CancellationToken cancellationToken)
                    {
                        var request = new CreateEndpointConfigRequest
                        {
                            EndpointConfigName = modelName + "-config",
                            {{kms}}
                            ProductionVariants = new List<ProductionVariant>
                            {
                                new ProductionVariant { VariantName = "primary", ModelName = modelName, InitialInstanceCount = instances, InitialVariantWeight = 1f },
                            },
                        };
                        var response = await _sageMaker.CreateEndpointConfigAsync(request, cancellationToken);
                        return $"{request.EndpointConfigName}: {(int)response.HttpStatusCode}";
                    }
                }
                """;
        }

        private static string InsightsService(int i, bool flawed, int variant)
        {
            var topic = Topic(i);
            var query = flawed && variant % 2 == 0
                ? "command.CommandText = sql;"
                : "command.CommandText = \"SELECT title, total FROM reports WHERE topic = @topic AND title LIKE @pattern\";\n            AddParameter(command, \"@pattern\", \"%\" + sql.Trim() + \"%\");";
            var html = flawed && variant % 2 == 1
                ? "new HtmlString(\"<p>\" + response.Text + \"</p>\")"
                : "new HtmlString(\"<p>\" + HtmlEncoder.Default.Encode(response.Text) + \"</p>\")";
            return $$"""
                using System.Collections.Generic;
                using System.Data.Common;
                using System.Text.Encodings.Web;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                namespace Contoso.Platform.Insights{{i}};

                /// <summary>Turns {{topic}} questions into report lookups and HTML summaries.</summary>
                public sealed class {{Pascal(topic)}}InsightsService{{i}}
                {
                    private readonly IChatClient _chat;
                    private readonly DbConnection _connection;

                    public {{Pascal(topic)}}InsightsService{{i}}(IChatClient chat, DbConnection connection)
                    {
                        _chat = chat;
                        _connection = connection;
                    }

                    public async Task<IReadOnlyList<string>> FindReportsAsync(string question, CancellationToken cancellationToken)
                    {
                        var response = await _chat.GetResponseAsync("Write one SQL query over reports(title, total, topic) for: " + question, cancellationToken: cancellationToken);
                        var sql = response.Text;
                        await using var command = _connection.CreateCommand();
                        {{query}}
                        AddParameter(command, "@topic", "{{topic}}");
                        var titles = new List<string>();
                        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            titles.Add(reader.GetString(0));
                        }

                        return titles;
                    }

                    public async Task<IHtmlContent> SummaryAsync(string reportText, CancellationToken cancellationToken)
                    {
                        var response = await _chat.GetResponseAsync(new[]
                        {
                            new ChatMessage(ChatRole.System, "Summarize the {{topic}} report in three sentences."),
                            new ChatMessage(ChatRole.User, reportText),
                        }, cancellationToken: cancellationToken);
                        return {{html}};
                    }

                    private static void AddParameter(DbCommand command, string name, object value)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = name;
                        parameter.Value = value;
                        command.Parameters.Add(parameter);
                    }
                }
                """;
        }

        // ------------------------------------------------------------------ neutral files

        private static string OrderModels(int i, int variant) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Contoso.Platform.Orders{{i}};

            public enum OrderStatus{{i}} { Draft, Submitted, Paid, Shipped, Cancelled }

            public sealed record OrderLine{{i}}(string Sku, int Quantity, decimal UnitPrice)
            {
                public decimal Total => Quantity * UnitPrice;
            }

            public sealed class Order{{i}}
            {
                private readonly List<OrderLine{{i}}> _lines = new();

                public Guid Id { get; } = Guid.NewGuid();
                public string CustomerId { get; init; } = "";
                public OrderStatus{{i}} Status { get; private set; } = OrderStatus{{i}}.Draft;
                public IReadOnlyList<OrderLine{{i}}> Lines => _lines;
                public decimal Total => _lines.Sum(l => l.Total);

                public void Add(string sku, int quantity, decimal unitPrice)
                {
                    if (Status != OrderStatus{{i}}.Draft) throw new InvalidOperationException("Only draft orders change.");
                    if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity));
                    var existing = _lines.FindIndex(l => l.Sku == sku);
                    if (existing >= 0)
                    {
                        _lines[existing] = _lines[existing] with { Quantity = _lines[existing].Quantity + quantity };
                    }
                    else
                    {
                        _lines.Add(new OrderLine{{i}}(sku, quantity, unitPrice));
                    }
                }

                public void Submit()
                {
                    if (_lines.Count == 0) throw new InvalidOperationException("An order needs at least one line.");
                    Status = OrderStatus{{i}}.Submitted;
                }

                public void Cancel() => Status = Status is OrderStatus{{i}}.Shipped ? Status : OrderStatus{{i}}.Cancelled;
            }

            public static class OrderValidator{{i}}
            {
                public static IEnumerable<string> Validate(Order{{i}} order)
                {
                    if (string.IsNullOrWhiteSpace(order.CustomerId)) yield return "Customer is required.";
                    foreach (var line in order.Lines.Where(l => l.UnitPrice < 0)) yield return $"Line {line.Sku} has a negative price.";
                    if (order.Total > {{10000 * (variant + 1)}}m) yield return "Orders over the limit need approval.";
                }
            }
            """;

        private static string PricingCalculator(int i, int variant) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Contoso.Platform.Pricing{{i}};

            public sealed class PriceRule{{i}}
            {
                public string Name { get; init; } = "";
                public decimal MinimumTotal { get; init; }
                public decimal Percent { get; init; }
                public DateOnly? ValidUntil { get; init; }
            }

            public sealed class PricingCalculator{{i}}
            {
                private readonly IReadOnlyList<PriceRule{{i}}> _rules;
                private readonly decimal _taxRate;

                public PricingCalculator{{i}}(IEnumerable<PriceRule{{i}}> rules, decimal taxRate = 0.{{19 + variant}}m)
                {
                    _rules = rules.OrderByDescending(r => r.Percent).ToList();
                    _taxRate = taxRate;
                }

                public (decimal Net, decimal Discount, decimal Tax, decimal Gross) Quote(decimal subtotal, DateOnly today)
                {
                    if (subtotal < 0) throw new ArgumentOutOfRangeException(nameof(subtotal));
                    var rule = _rules.FirstOrDefault(r => subtotal >= r.MinimumTotal && (r.ValidUntil is null || r.ValidUntil >= today));
                    var discount = rule is null ? 0m : Math.Round(subtotal * rule.Percent / 100m, 2, MidpointRounding.AwayFromZero);
                    var net = subtotal - discount;
                    var tax = Math.Round(net * _taxRate, 2, MidpointRounding.AwayFromZero);
                    return (net, discount, tax, net + tax);
                }

                public decimal Installment(decimal gross, int months, decimal annualRate)
                {
                    if (months <= 0) return gross;
                    if (annualRate == 0) return Math.Round(gross / months, 2);
                    var r = (double)annualRate / 12.0;
                    var factor = r / (1 - Math.Pow(1 + r, -months));
                    return Math.Round(gross * (decimal)factor, 2);
                }
            }
            """;

        private static string ReportBuilder(int i, int variant) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;

            namespace Contoso.Platform.Reports{{i}};

            public sealed record SalesRow{{i}}(string Region, string Product, DateTime Day, int Units, decimal Revenue);

            public static class SalesReport{{i}}
            {
                public static string ToCsv(IEnumerable<SalesRow{{i}}> rows)
                {
                    var builder = new StringBuilder("region,product,day,units,revenue\n");
                    foreach (var row in rows.OrderBy(r => r.Day).ThenBy(r => r.Region))
                    {
                        builder.Append(Escape(row.Region)).Append(',')
                            .Append(Escape(row.Product)).Append(',')
                            .Append(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                            .Append(row.Units.ToString(CultureInfo.InvariantCulture)).Append(',')
                            .Append(row.Revenue.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
                    }

                    return builder.ToString();
                }

                public static IReadOnlyDictionary<string, decimal> RevenueByRegion(IEnumerable<SalesRow{{i}}> rows)
                    => rows.GroupBy(r => r.Region).ToDictionary(g => g.Key, g => g.Sum(r => r.Revenue));

                public static IEnumerable<(string Product, int Units)> Top(IEnumerable<SalesRow{{i}}> rows, int count = {{5 + variant}})
                    => rows.GroupBy(r => r.Product)
                        .Select(g => (g.Key, g.Sum(r => r.Units)))
                        .OrderByDescending(t => t.Item2)
                        .Take(count);

                private static string Escape(string value)
                    => value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
            }
            """;

        private static string InMemoryRepository(int i, int variant) => $$"""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Contoso.Platform.Data{{i}};

            public interface IEntity{{i}} { string Id { get; } }

            public interface IRepository{{i}}<T> where T : IEntity{{i}}
            {
                Task<T?> FindAsync(string id, CancellationToken cancellationToken = default);
                Task<IReadOnlyList<T>> ListAsync(Func<T, bool>? filter = null, int take = 100, CancellationToken cancellationToken = default);
                Task UpsertAsync(T entity, CancellationToken cancellationToken = default);
                Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
            }

            public sealed class InMemoryRepository{{i}}<T> : IRepository{{i}}<T> where T : class, IEntity{{i}}
            {
                private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);

                public Task<T?> FindAsync(string id, CancellationToken cancellationToken = default)
                    => Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);

                public Task<IReadOnlyList<T>> ListAsync(Func<T, bool>? filter = null, int take = 100, CancellationToken cancellationToken = default)
                {
                    IEnumerable<T> query = _items.Values.OrderBy(v => v.Id, StringComparer.Ordinal);
                    if (filter != null) query = query.Where(filter);
                    return Task.FromResult<IReadOnlyList<T>>(query.Take(Math.Min(take, {{500 + variant}})).ToList());
                }

                public Task UpsertAsync(T entity, CancellationToken cancellationToken = default)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _items[entity.Id] = entity;
                    return Task.CompletedTask;
                }

                public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
                    => Task.FromResult(_items.TryRemove(id, out _));
            }
            """;

        private static string TextUtilities(int i, int variant) => $$"""
            using System;
            using System.Globalization;
            using System.Text;
            using System.Text.RegularExpressions;

            namespace Contoso.Platform.Text{{i}};

            public static partial class TextTools{{i}}
            {
                // Namespaces and documentation links are identifiers, not endpoints.
                public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
                public const string HelpLink = "http://docs.contoso.example/help/{{i}}";

                private static readonly Regex Whitespace = new("\\s+", RegexOptions.Compiled);

                public static string Slug(string title)
                {
                    var normalized = title.Normalize(NormalizationForm.FormD);
                    var builder = new StringBuilder(normalized.Length);
                    foreach (var c in normalized)
                    {
                        var category = CharUnicodeInfo.GetUnicodeCategory(c);
                        if (category == UnicodeCategory.NonSpacingMark) continue;
                        builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
                    }

                    return Whitespace.Replace(builder.ToString().Trim(), "-");
                }

                public static string Truncate(string value, int max = {{80 + variant * 20}})
                    => value.Length <= max ? value : value.Substring(0, Math.Max(0, max - 1)) + "…";

                public static string Mask(string email)
                {
                    var at = email.IndexOf('@');
                    return at <= 1 ? "***" : email[0] + new string('*', at - 1) + email.Substring(at);
                }

                public static Uri Link(string path) => new UriBuilder("https", "portal.contoso.example") { Path = path }.Uri;
            }
            """;

        private static string OrdersController(int i, int variant) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.AspNetCore.Mvc;

            namespace Contoso.Platform.Api{{i}};

            public sealed record CreateOrder{{i}}(string CustomerId, List<string> Skus);

            [ApiController]
            [Route("api/orders{{i}}")]
            public sealed class OrdersController{{i}} : ControllerBase
            {
                private static readonly Dictionary<Guid, CreateOrder{{i}}> Orders = new();

                [HttpGet("{id:guid}")]
                public IActionResult Get(Guid id) => Orders.TryGetValue(id, out var order) ? Ok(order) : NotFound();

                [HttpGet]
                public IActionResult List([FromQuery] string? customer, [FromQuery] int page = 1, [FromQuery] int size = {{20 + variant * 10}})
                {
                    var query = Orders.Where(o => customer == null || o.Value.CustomerId == customer)
                        .Skip(Math.Max(0, page - 1) * size)
                        .Take(Math.Clamp(size, 1, 100))
                        .Select(o => new { o.Key, o.Value.CustomerId, Lines = o.Value.Skus.Count });
                    return Ok(query.ToList());
                }

                [HttpPost]
                public IActionResult Create([FromBody] CreateOrder{{i}} order)
                {
                    if (order.Skus.Count == 0) return ValidationProblem("An order needs at least one SKU.");
                    var id = Guid.NewGuid();
                    Orders[id] = order;
                    return CreatedAtAction(nameof(Get), new { id }, order);
                }

                [HttpDelete("{id:guid}")]
                public IActionResult Delete(Guid id) => Orders.Remove(id) ? NoContent() : NotFound();
            }
            """;

        private static string Hex(int i, int length)
        {
            var random = new Random(i * 7919);
            var builder = new StringBuilder(length);
            for (var k = 0; k < length; k++)
            {
                builder.Append("0123456789abcdefABCDEF"[random.Next(22)]);
            }

            return builder.ToString();
        }
    }
}
