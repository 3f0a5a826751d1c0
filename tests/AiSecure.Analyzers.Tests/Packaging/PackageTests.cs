using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using AiSecure.Analyzers.Tests.MetaTests;

namespace AiSecure.Analyzers.Tests.Packaging
{
    /// <summary>
    /// The package as a NuGet user meets it: pack, restore from a local folder feed into a throwaway project,
    /// build, read the SARIF log; warnings-as-errors fails that build; the presets change severities.
    /// </summary>
    public sealed class PackageTests : IClassFixture<PackageTests.PackedConsumer>
    {
        private readonly PackedConsumer _consumer;

        public PackageTests(PackedConsumer consumer) => _consumer = consumer;

        [Fact]
        public void PackageHasTheAnalyzersAndNothingElseToReference()
        {
            using var zip = ZipFile.OpenRead(_consumer.PackagePath);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/AiSecure.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/AiSecure.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("buildTransitive/AiSecure.Analyzers.props", entries);
            // One build of the analyzers, the portable one every host loads.
            Assert.Equal(2, entries.Count(e => e.EndsWith(".dll", StringComparison.Ordinal)));
            Assert.Contains("README.md", entries);
            Assert.Contains("icon.png", entries);
            Assert.Contains("configuration/aisecure_allerrors.globalconfig", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.EndsWith("Microsoft.CodeAnalysis.dll", StringComparison.Ordinal));

            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = new StreamReader(nuspecStream).ReadToEnd();
            Assert.Contains("<id>AiSecure.Analyzers</id>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
            Assert.Contains("<tags>", nuspec, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);
        }

        [Fact]
        public void DotnetBuildLoadsThePortableAnalyzers()
        {
            var chosen = _consumer.AnalyzerPaths();

            Assert.Equal(new[] { "AiSecure.Analyzers.CodeFixes.dll", "AiSecure.Analyzers.dll" }, chosen.Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(chosen, path => Assert.Contains("analyzers/dotnet/cs/", path, StringComparison.Ordinal));
        }

        [Fact]
        public void BuildReportsTheRulesInSarif()
        {
            var (exitCode, output) = _consumer.Build("-p:ErrorLog=" + _consumer.SarifPath + "%2Cversion=2.1");
            Assert.True(exitCode == 0, output);
            var results = PackedConsumer.ReadAisecResults(_consumer.SarifPath, r => (Rule: r.GetProperty("ruleId").GetString()!, Level: r.TryGetProperty("level", out var l) ? l.GetString() : "warning",
                File: Path.GetFileName(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)));

            foreach (var (id, file) in PackedConsumer.ExpectedFindings)
            {
                Assert.Contains(results, r => r.Rule == id && r.File == file);
            }

            // Each finding at its rule's default severity: warning, or note for the suggestions.
            var levels = DescriptorTests.AllDescriptors().ToDictionary(d => d.Id, d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning ? "warning" : "note");
            Assert.All(results, r => Assert.Equal(levels[r.Rule], r.Level));
            Assert.DoesNotContain(results, r => r.File == "Clean.cs");

            // The endpoint code reads is reported in appsettings.json; the docs link beside it, which no code sends anywhere, is not.
            Assert.Single(results, r => r.Rule == "AISEC020" && r.File == "appsettings.json");
        }

        [Fact]
        public void ConfigurationFilesCanBeTurnedOff()
        {
            var sarifPath = Path.Combine(Path.GetDirectoryName(_consumer.SarifPath)!, "no-config-files.sarif");
            var (exitCode, output) = _consumer.Build("-p:ErrorLog=" + sarifPath + "%2Cversion=2.1", "-p:AiSecureAnalyzeConfigFiles=false");
            Assert.True(exitCode == 0, output);
            var files = PackedConsumer.ReadAisecResults(sarifPath, r => Path.GetFileName(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!));

            Assert.Contains("Training.cs", files);
            Assert.DoesNotContain(files, file => PackedConsumer.ConfigurationFiles.Contains(file));
        }

        [Fact]
        public void WarningsAsErrorsFailsTheBuild()
        {
            var (exitCode, output) = _consumer.Build("-warnaserror");
            Assert.NotEqual(0, exitCode);
            Assert.Contains("error AISEC020", output, StringComparison.Ordinal);
            Assert.Contains("error AISEC021", output, StringComparison.Ordinal);
        }

        [Fact]
        public void PresetsChangeEverySeverity()
        {
            var (errorsExit, errorsOutput) = _consumer.Build("-p:AiSecureAnalysisMode=AllErrors");
            Assert.NotEqual(0, errorsExit);
            Assert.Contains("error AISEC020", errorsOutput, StringComparison.Ordinal);
            Assert.Contains("error AISEC031", errorsOutput, StringComparison.Ordinal);

            var (noneExit, noneOutput) = _consumer.Build("-p:AiSecureAnalysisMode=None");
            Assert.True(noneExit == 0, noneOutput);
            Assert.DoesNotContain("AISEC0", noneOutput, StringComparison.Ordinal);
        }

        /// <summary>Packs once for the class and writes the consumer project.</summary>
        public sealed class PackedConsumer : IDisposable
        {
            /// <summary>(rule id, file) pairs the consumer's code must produce.</summary>
            public static readonly (string Id, string File)[] ExpectedFindings =
            {
                ("AISEC001", "Assistant.cs"),
                ("AISEC002", "Assistant.cs"),
                ("AISEC003", "Insights.cs"),
                ("AISEC010", "Storage.cs"),
                ("AISEC011", "Storage.cs"),
                ("AISEC020", "Transport.cs"),
                ("AISEC021", "Transport.cs"),
                ("AISEC030", "Training.cs"),
                ("AISEC031", "Training.cs"),
                ("AISEC040", "Training.cs"),
                ("AISEC041", "Training.cs"),
                ("AISEC020", "appsettings.json"),
                ("AISEC040", "appsettings.json"),
                ("AISEC040", "launchSettings.json"),
            };

            /// <summary>The configuration files the package's build step hands to the analyzers.</summary>
            public static readonly string[] ConfigurationFiles = { "appsettings.json", "launchSettings.json" };

            private readonly string _root;

            public PackedConsumer()
            {
                _root = Path.Combine(Path.GetTempPath(), "aisecure-package-" + Guid.NewGuid().ToString("N"));
                var feed = Path.Combine(_root, "feed");
                var consumer = Path.Combine(_root, "consumer");
                Directory.CreateDirectory(consumer);

                // A fresh version each run, so the global packages folder never serves a stale build.
                var version = "0.1.0-packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
                var (exitCode, output) = Run(Repository.Root, "pack", Repository.PathOf("src", "AiSecure.Analyzers.Package", "AiSecure.Analyzers.Package.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + version);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException("dotnet pack failed:\n" + output);
                }

                PackagePath = Directory.GetFiles(feed, "AiSecure.Analyzers.*.nupkg").Single();
                File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <add key="aisecure-local" value="{feed}" />
                      </packageSources>
                    </configuration>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <ImplicitUsings>enable</ImplicitUsings>
                        <NoWarn>$(NoWarn);SYSLIB0014;NU1603</NoWarn>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="AiSecure.Analyzers" Version="{version}" PrivateAssets="all" />
                        <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
                        <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />
                        <PackageReference Include="OpenAI" Version="2.15.0" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Transport.cs"), """
                    using System.Net.Http;
                    using Amazon.S3;

                    namespace Consumer;

                    public sealed class ModelClient
                    {
                        private const string Gateway = "http://llm-gateway.example.com/";

                        public HttpClient Create()
                        {
                            var handler = new HttpClientHandler
                            {
                                ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
                            };
                            return new HttpClient(handler) { BaseAddress = new Uri(Gateway) };
                        }

                        public AmazonS3Config Storage() => new AmazonS3Config { ServiceURL = "http://s3.example.com", UseHttp = true };
                    }
                    """);
                File.WriteAllText(Path.Combine(consumer, "Assistant.cs"), """
                    using OpenAI.Chat;

                    namespace Consumer;

                    public static class Assistant
                    {
                        public static async Task RunAsync(ChatClient chat)
                        {
                            var persona = Console.ReadLine() ?? "";
                            var question = Console.ReadLine() ?? "";
                            var messages = new List<ChatMessage>
                            {
                                new SystemChatMessage(persona),
                                new UserChatMessage("Answer briefly: " + question),
                            };
                            await chat.CompleteChatAsync(messages);
                        }
                    }
                    """);
                File.WriteAllText(Path.Combine(consumer, "Insights.cs"), """
                    using System.Diagnostics;
                    using Microsoft.Extensions.AI;

                    namespace Consumer;

                    public sealed class Insights(IChatClient client)
                    {
                        public async Task FixAsync(string incident)
                        {
                            var response = await client.GetResponseAsync("Suggest one shell command that fixes: " + incident);
                            Process.Start("/bin/sh", "-c \"" + response.Text + "\"");
                        }
                    }
                    """);
                // SageMaker is not served here: the consumer compiles the same stand-ins the tests use (matched by metadata name).
                File.Copy(Repository.PathOf("tests", "AiSecure.Analyzers.TestSupport", "Stubs", "SageMakerStubs.cs"), Path.Combine(consumer, "SageMakerStubs.cs"));
                File.WriteAllText(Path.Combine(consumer, "Storage.cs"), """
                    using Amazon.S3;
                    using Amazon.S3.Model;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    namespace Consumer;

                    public sealed class ArtifactStore(IAmazonS3 s3, IAmazonSageMaker sageMaker)
                    {
                        public Task SaveAsync(string bucket, Stream weights)
                            => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "model.bin", InputStream = weights });

                        public Task TrainAsync(string name)
                            => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest { TrainingJobName = name, OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://out" } });
                    }
                    """);
                File.Copy(Repository.PathOf("tests", "AiSecure.Analyzers.TestSupport", "Stubs", "BedrockRuntimeStubs.cs"), Path.Combine(consumer, "BedrockRuntimeStubs.cs"));
                File.WriteAllText(Path.Combine(consumer, "Training.cs"), """
                    using Amazon;
                    using Amazon.BedrockRuntime;
                    using Amazon.BedrockRuntime.Model;
                    using Amazon.Runtime;
                    using Amazon.SageMaker;
                    using Amazon.SageMaker.Model;

                    namespace Consumer;

                    public sealed class Training(IAmazonSageMaker sageMaker, IAmazonBedrockRuntime bedrock)
                    {
                        public static AWSCredentials Credentials() => new BasicAWSCredentials("AKIAJ6RF3M4XKQ7Z2LPA", "Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4");

                        public Task TrainAsync(string name, string kmsKeyArn)
                            => sageMaker.CreateTrainingJobAsync(new CreateTrainingJobRequest
                            {
                                TrainingJobName = name,
                                OutputDataConfig = new OutputDataConfig { S3OutputPath = "s3://out", KmsKeyId = kmsKeyArn },
                                ResourceConfig = new ResourceConfig { InstanceCount = 4, VolumeKmsKeyId = kmsKeyArn },
                                EnableInterContainerTrafficEncryption = false,
                            });

                        public Task<ConverseResponse> AskAsync(string question)
                            => bedrock.ConverseAsync(new ConverseRequest
                            {
                                ModelId = "anthropic.claude-3-5-sonnet-20240620-v1:0",
                                Messages = new List<Message> { new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = question } } } },
                            });
                    }
                    """);
                File.WriteAllText(Path.Combine(consumer, "Clean.cs"), """
                    using System.Net.Http;
                    using System.Xml.Linq;

                    namespace Consumer;

                    public sealed class CleanClient
                    {
                        private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

                        public HttpClient Create() => new HttpClient { BaseAddress = new Uri("https://api.example.com/") };

                        public HttpClient Local() => new HttpClient { BaseAddress = new Uri("http://localhost:11434/") };
                    }
                    """);
                // Configuration files: a committed key and an http:// endpoint that Gateway.cs reads into a client.
                File.WriteAllText(Path.Combine(consumer, "appsettings.json"), """
                    {
                      // comments and trailing commas, as the configuration provider reads them
                      "Llm": { "Endpoint": "http://llm-gateway.example.com/v1/", "Docs": "http://docs.example.com/" },
                      "OpenAI": { "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" },
                    }
                    """);
                Directory.CreateDirectory(Path.Combine(consumer, "Properties"));
                File.WriteAllText(Path.Combine(consumer, "Properties", "launchSettings.json"), """
                    { "profiles": { "Consumer": { "commandName": "Project", "environmentVariables": { "AWS_SECRET_ACCESS_KEY": "Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4" } } } }
                    """);
                File.WriteAllText(Path.Combine(consumer, "Gateway.cs"), """
                    using Microsoft.Extensions.Configuration;

                    namespace Consumer;

                    public sealed class Gateway(IConfiguration configuration)
                    {
                        public HttpClient Create() => new HttpClient { BaseAddress = new Uri(configuration["Llm:Endpoint"]!) };
                    }
                    """);
                ConsumerDirectory = consumer;
                SarifPath = Path.Combine(_root, "build.sarif");

                (exitCode, output) = Run(consumer, "restore");
                if (exitCode != 0)
                {
                    throw new InvalidOperationException("restore of the consumer failed:\n" + output);
                }
            }

            public string PackagePath { get; }

            public string ConsumerDirectory { get; }

            public string SarifPath { get; }

            /// <summary>The analyzer files of this package that the build hands to the compiler.</summary>
            public System.Collections.Generic.List<string> AnalyzerPaths(params string[] extra)
            {
                var (exitCode, output) = Run(ConsumerDirectory, new[] { "msbuild", "-nologo", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer" }.Concat(extra).ToArray());
                Assert.True(exitCode == 0, output);
                using var json = JsonDocument.Parse(output);
                return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
                    .Select(item => item.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
                    .Where(path => path.Contains("/aisecure.analyzers/", StringComparison.OrdinalIgnoreCase))
                    .ToList();
            }

            /// <summary>The AISEC results of a SARIF 2.1 log, each read by <paramref name="read"/>.</summary>
            public static System.Collections.Generic.List<T> ReadAisecResults<T>(string sarifPath, Func<JsonElement, T> read)
            {
                using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
                return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                    .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("AISEC", StringComparison.Ordinal))
                    .Select(read)
                    .ToList();
            }

            public (int ExitCode, string Output) Build(params string[] extra)
                => Run(ConsumerDirectory, new[] { "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());

            public void Dispose()
            {
                try
                {
                    Directory.Delete(_root, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            private static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
            {
                var start = new ProcessStartInfo("dotnet")
                {
                    WorkingDirectory = workingDirectory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in arguments)
                {
                    start.ArgumentList.Add(argument);
                }

                start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                start.Environment["DOTNET_NOLOGO"] = "1";
                start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
                using var process = Process.Start(start)!;
                var output = new StringBuilder();
                process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
                {
                    process.Kill(entireProcessTree: true);
                    return (-1, output + "\n(timed out)");
                }

                process.WaitForExit();
                return (process.ExitCode, output.ToString());
            }
        }
    }
}
