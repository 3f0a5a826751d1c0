using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiSecure.Analyzers.Tests.MetaTests;

namespace AiSecure.Analyzers.Tests.Packaging
{
    /// <summary>
    /// The package as a NuGet user meets it: pack once (with a CI version suffix), restore from a local folder feed
    /// into a throwaway project with its own package folder, build, read the SARIF log; warnings-as-errors fails that
    /// build; the presets change severities and an unknown preset is reported.
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
            Assert.Contains("buildTransitive/AiSecure.Analyzers.targets", entries);
            Assert.Contains("build/AiSecure.Analyzers.targets", entries);
            // One build of the analyzers, the portable one every host loads; its PDB is inside it.
            Assert.Equal(2, entries.Count(e => e.EndsWith(".dll", StringComparison.Ordinal)));
            Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
            Assert.Contains("icon.png", entries);
            Assert.Contains("configuration/aisecure_allerrors.globalconfig", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.EndsWith("Microsoft.CodeAnalysis.dll", StringComparison.Ordinal));

            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = new StreamReader(nuspecStream).ReadToEnd();
            Assert.Contains("<id>AiSecure.Analyzers</id>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
            Assert.Contains($"<version>{_consumer.Version}</version>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
            Assert.Contains("<tags>", nuspec, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependency ", nuspec, StringComparison.Ordinal);
        }

        [Fact]
        public void LicenseIsTheRepositorysMitLicense()
        {
            using var zip = ZipFile.OpenRead(_consumer.PackagePath);
            var license = ReadText(zip, "LICENSE");
            Assert.Equal(Repository.Read("LICENSE"), license);
            Assert.StartsWith("MIT License", license, StringComparison.Ordinal);
        }

        [Fact]
        public void ReadmeIsTheRepositoryReadmeForUsersWithAbsoluteLinks()
        {
            using var zip = ZipFile.OpenRead(_consumer.PackagePath);
            var readme = ReadText(zip, "README.md");

            // Every link absolute: nuget.org has no files to resolve a relative one against.
            var links = Regex.Matches(readme, @"\]\(([^)]*)\)").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, link => Assert.Matches("^(https://|#)", link));
            Assert.Contains("[AISEC001](https://github.com/aisecure-analyzers/AiSecure.Analyzers/blob/main/docs/rules/AISEC001.md)", readme, StringComparison.Ordinal);
            Assert.Contains("(https://github.com/aisecure-analyzers/AiSecure.Analyzers/blob/main/docs/use-in-ci.md)", readme, StringComparison.Ordinal);

            // The user's part of README.md, without the contributors' section.
            Assert.StartsWith("# AiSecure.Analyzers", readme, StringComparison.Ordinal);
            Assert.Contains("## Install", readme, StringComparison.Ordinal);
            Assert.DoesNotContain("## Working on this repository", readme, StringComparison.Ordinal);
            Assert.DoesNotContain("dotnet test", readme, StringComparison.Ordinal);
            Assert.Contains("## Working on this repository", Repository.Read("README.md"), StringComparison.Ordinal);
        }

        [Fact]
        public void AnalyzersCarryTheirPdbWithSourceLinkAndTheVersion()
        {
            using var zip = ZipFile.OpenRead(_consumer.PackagePath);
            foreach (var (dll, source) in new[] { ("AiSecure.Analyzers.dll", "Descriptors.cs"), ("AiSecure.Analyzers.CodeFixes.dll", "PromptInjectionFixer.cs") })
            {
                using var pe = new PEReader(ImmutableArray.Create(ReadBytes(zip, "analyzers/dotnet/cs/" + dll)));
                var embedded = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
                using var pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
                var pdb = pdbProvider.GetMetadataReader();

                // Sequence points for the sources, so an AD0001 stack trace names files and lines.
                var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name).Replace('\\', '/')).ToList();
                Assert.Contains(documents, d => d.EndsWith("/" + source, StringComparison.Ordinal));

                // Source Link: the documents map to the commit on GitHub.
                var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
                var sourceLink = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation).Single(c => pdb.GetGuid(c.Kind) == sourceLinkKind);
                var json = Encoding.UTF8.GetString(pdb.GetBlobBytes(sourceLink.Value));
                Assert.Matches("\"https://raw\\.githubusercontent\\.com/aisecure-analyzers/AiSecure\\.Analyzers/[0-9a-f]{40}/\\*\"", json);

                // The version of the package, set once (Directory.Build.props) and suffixed by the pack's -p:VersionSuffix.
                Assert.StartsWith(_consumer.Version + "+", InformationalVersion(pe.GetMetadataReader()), StringComparison.Ordinal);
            }
        }

        [Fact]
        public void ConsumerRestoresIntoItsOwnPackageFolder()
        {
            var folder = Path.Combine("aisecure.analyzers", _consumer.Version.ToLowerInvariant());
            Assert.True(File.Exists(Path.Combine(_consumer.PackagesFolder, folder, Path.GetFileName(_consumer.PackagePath).ToLowerInvariant())));
            Assert.False(Directory.Exists(Path.Combine(_consumer.UserPackagesFolder, folder)), "the test's package reached the user's NuGet cache");

            // The SDKs the consumer uses come from the user's cache (a fallback folder), not extracted again.
            Assert.False(Directory.Exists(Path.Combine(_consumer.PackagesFolder, "openai")));
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
            var (exitCode, output) = _consumer.SarifBuild;
            Assert.True(exitCode == 0, output);
            var results = PackedConsumer.ReadAisecResults(_consumer.SarifPath, r => (Rule: r.GetProperty("ruleId").GetString()!, Level: r.TryGetProperty("level", out var l) ? l.GetString() : "warning",
                File: Path.GetFileName(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!),
                Line: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                Message: r.GetProperty("message").GetProperty("text").GetString()!));

            foreach (var (id, file) in PackedConsumer.ExpectedFindings)
            {
                Assert.Contains(results, r => r.Rule == id && r.File == file);
            }

            // Each finding at its rule's default severity: warning, or note for the suggestions.
            var levels = DescriptorTests.AllDescriptors().ToDictionary(d => d.Id, d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning ? "warning" : "note");
            Assert.All(results, r => Assert.Equal(levels[r.Rule], r.Level));
            Assert.DoesNotContain(results, r => r.File == "Clean.cs");

            // An MCP server's tool argument reaching the file system, named in the message; a number argument is no source.
            var toolArgument = Assert.Single(results, r => r.File == "NoteTools.cs");
            Assert.Equal(12, toolArgument.Line);
            Assert.Contains("argument 'path' of MCP tool 'ReadNote'", toolArgument.Message, StringComparison.Ordinal);
            Assert.Contains("a file system path (File.ReadAllText)", toolArgument.Message, StringComparison.Ordinal);

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
        public void SarifLogTagsEveryRuleSecurityWithItsWeakness()
        {
            var (exitCode, output) = _consumer.SarifBuild;
            Assert.True(exitCode == 0, output);
            using var sarif = JsonDocument.Parse(File.ReadAllText(_consumer.SarifPath));
            var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString()!.StartsWith("AISEC", StringComparison.Ordinal))
                .Select(r => (Id: r.GetProperty("id").GetString()!, Tags: r.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList()))
                .ToList();

            // Every rule the consumer triggers (a rule with two descriptors, such as AISEC040 in code and in a configuration
            // file, is listed once per descriptor), with what GitHub code scanning reads: security, and the CWE.
            Assert.Equal(PackedConsumer.ExpectedFindings.Select(f => f.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal), rules.Select(r => r.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
            foreach (var (id, tags) in rules)
            {
                Assert.Contains("security", tags);
                Assert.Contains($"external/cwe/cwe-{DescriptorTests.Weakness[id]}", tags);
            }
        }

        [Fact]
        public void UnknownAnalysisModeIsReportedWithTheValidOnes()
        {
            var (exitCode, output) = _consumer.Build("-p:AiSecureAnalysisMode=AllError");
            Assert.True(exitCode == 0, output);
            Assert.Contains("warning AISEC900: AiSecureAnalysisMode 'AllError' is not a preset of AiSecure.Analyzers; use Default, AllWarnings, AllErrors or None.", output, StringComparison.Ordinal);

            // The rules keep their own severities.
            Assert.Contains("warning AISEC020", output, StringComparison.Ordinal);
            Assert.DoesNotContain("error AISEC0", output, StringComparison.Ordinal);
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
            Assert.DoesNotContain("AISEC", noneOutput, StringComparison.Ordinal);
        }

        private static byte[] ReadBytes(ZipArchive zip, string entry)
        {
            using var stream = zip.GetEntry(entry)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static string ReadText(ZipArchive zip, string entry) => Encoding.UTF8.GetString(ReadBytes(zip, entry));

        /// <summary>The assembly's [AssemblyInformationalVersion] argument.</summary>
        private static string InformationalVersion(MetadataReader metadata)
        {
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == HandleKind.MemberReference
                    && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                    && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "AssemblyInformationalVersionAttribute")
                {
                    var value = metadata.GetBlobReader(attribute.Value);
                    value.ReadUInt16();
                    return value.ReadSerializedString()!;
                }
            }

            throw new InvalidOperationException("No AssemblyInformationalVersionAttribute.");
        }

        /// <summary>
        /// Packs once for the class, writes the consumer project and restores it; the consumer's default build with a
        /// SARIF log runs once, for the tests that read it.
        /// </summary>
        public sealed class PackedConsumer : IDisposable
        {
            /// <summary>(rule id, file) pairs the consumer's code must produce.</summary>
            public static readonly (string Id, string File)[] ExpectedFindings =
            {
                ("AISEC001", "Assistant.cs"),
                ("AISEC002", "Assistant.cs"),
                ("AISEC003", "Insights.cs"),
                ("AISEC003", "NoteTools.cs"),
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
            private readonly Lazy<(int ExitCode, string Output)> _sarifBuild;

            public PackedConsumer()
            {
                _root = Path.Combine(Path.GetTempPath(), "aisecure-package-" + Guid.NewGuid().ToString("N"));
                var feed = Path.Combine(_root, "feed");
                var consumer = Path.Combine(_root, "consumer");
                Directory.CreateDirectory(consumer);
                PackagesFolder = Path.Combine(_root, "packages");
                UserPackagesFolder = FindUserPackagesFolder();

                // The version as CI sets it: the one prefix of Directory.Build.props and a suffix on the command line.
                // Fresh each run, so no package folder can serve a stale build.
                var prefix = Regex.Match(Repository.Read("Directory.Build.props"), "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
                var suffix = "packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
                Version = prefix + "-" + suffix;
                var (exitCode, output) = Run(Repository.Root, "pack", Repository.PathOf("src", "AiSecure.Analyzers.Package", "AiSecure.Analyzers.Package.csproj"), "-c", "Release", "-o", feed, "-p:VersionSuffix=" + suffix);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException("dotnet pack failed:\n" + output);
                }

                PackagePath = Directory.GetFiles(feed, "AiSecure.Analyzers.*.nupkg").Single();

                // The consumer restores into its own package folder, deleted with it; the SDK packages it uses are read
                // from the user's NuGet cache as a fallback folder, which receives nothing.
                File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <config>
                        <add key="globalPackagesFolder" value="{PackagesFolder}" />
                      </config>
                      <packageSources>
                        <add key="aisecure-local" value="{feed}" />
                      </packageSources>
                      <fallbackPackageFolders>
                        <add key="user-packages" value="{UserPackagesFolder}" />
                      </fallbackPackageFolders>
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
                        <PackageReference Include="AiSecure.Analyzers" Version="{Version}" PrivateAssets="all" />
                        <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
                        <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />
                        <PackageReference Include="OpenAI" Version="2.15.0" />
                        <PackageReference Include="ModelContextProtocol" Version="2.4.0" />
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
                File.WriteAllText(Path.Combine(consumer, "NoteTools.cs"), """
                    using System.ComponentModel;
                    using ModelContextProtocol.Server;

                    namespace Consumer;

                    [McpServerToolType]
                    public static class NoteTools
                    {
                        private const string Root = "/srv/notes";

                        [McpServerTool, Description("Reads a note.")]
                        public static string ReadNote(string path) => File.ReadAllText(Path.Combine(Root, path));

                        [McpServerTool, Description("Reads one day's note.")]
                        public static string ReadDay(int day) => File.ReadAllText(Path.Combine(Root, day + ".md"));
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

                _sarifBuild = new Lazy<(int, string)>(() => Build("-p:ErrorLog=" + SarifPath + "%2Cversion=2.1"));
            }

            public string PackagePath { get; }

            /// <summary>The package's version: Directory.Build.props's prefix and this run's suffix.</summary>
            public string Version { get; }

            /// <summary>The consumer's package folder (its NuGet cache).</summary>
            public string PackagesFolder { get; }

            /// <summary>The user's NuGet cache, which the test must leave as it found it.</summary>
            public string UserPackagesFolder { get; }

            /// <summary>The consumer's build with a SARIF log at <see cref="SarifPath"/>, run once.</summary>
            public (int ExitCode, string Output) SarifBuild => _sarifBuild.Value;

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

            private static string FindUserPackagesFolder()
            {
                var (exitCode, output) = Run(Repository.Root, "nuget", "locals", "global-packages", "--list");
                var match = Regex.Match(output, "global-packages: (.+)");
                if (exitCode != 0 || !match.Success)
                {
                    throw new InvalidOperationException("dotnet nuget locals failed:\n" + output);
                }

                return match.Groups[1].Value.Trim();
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
