using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC003 for agents and MCP servers: the arguments of tools a model calls (MCP server tools, Semantic Kernel
    /// functions, Microsoft.Extensions.AI functions, raw tool calls of OpenAI and Anthropic) reaching SQL text, a
    /// process, raw HTML, a file system path or an outbound URL; what clears them; the approval and path fixes.
    /// </summary>
    public class AgentToolTests
    {
        private const string SqlAdvice = "pass it as a query parameter, never as SQL text";
        private const string ProcessAdvice = "map it to an allow-list of commands and arguments";
        private const string HtmlAdvice = "HTML-encode it";
        private const string PathAdvice = "confine it to a root directory (Path.GetFullPath, then StartsWith the root) or keep only its file name (Path.GetFileName)";
        private const string UrlAdvice = "keep the scheme and host constant and put it only in an escaped path segment or query (Uri.EscapeDataString)";

        private static DiagnosticResult Finding(int location, string origin, string sink, string advice)
            => new DiagnosticResult(Descriptors.ModelOutputToDangerousSink).WithLocation(location).WithArguments(origin, sink, advice);

        private static async Task AnalyzeAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source, References = ReferenceCatalog.All };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunWithStubsAsync();
        }

        /// <summary>A tool given as a method group is known at the end of the compilation (non-local): the IDE fixes it in full-solution analysis.</summary>
        private static Task FixNonLocalAsync(string source, string fixedSource, string equivalenceKey)
        {
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                References = ReferenceCatalog.All,
                CodeActionEquivalenceKey = equivalenceKey,
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            };
            return test.RunWithStubsAsync();
        }

        // ---- Sources: MCP server tools ----

        [Fact]
        public Task McpToolArgumentsReachEverySinkKind()
            => AnalyzeAsync("""
                using System.ComponentModel;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class NoteTools(DbConnection connection, HttpClient http)
                {
                    private const string Root = "/srv/notes";

                    [McpServerTool, Description("Reads a note")]
                    public static string ReadNote([Description("the note's path")] string path)
                        => File.ReadAllText({|#0:Path.Combine(Root, path)|});

                    [McpServerTool]
                    public async Task<int> CountNotes(string filter, CancellationToken cancellationToken)
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = {|#1:"SELECT count(*) FROM notes WHERE " + filter|};
                        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
                    }

                    [McpServerTool(Name = "open_editor")]
                    public void OpenEditor(string editor) => Process.Start({|#2:editor|});

                    [McpServerTool]
                    public Task<string> Fetch(string url, CancellationToken cancellationToken) => http.GetStringAsync({|#3:url|}, cancellationToken);
                }
                """,
                Finding(0, "argument 'path' of MCP tool 'ReadNote'", "a file system path (File.ReadAllText)", PathAdvice),
                Finding(1, "argument 'filter' of MCP tool 'CountNotes'", "SQL text (DbCommand.CommandText)", SqlAdvice),
                Finding(2, "argument 'editor' of MCP tool 'OpenEditor'", "a process (Process.Start)", ProcessAdvice),
                Finding(3, "argument 'url' of MCP tool 'Fetch'", "an outbound URL (HttpClient.GetStringAsync)", UrlAdvice));

        [Fact]
        public Task McpToolInjectedParametersAreNoSources()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using ModelContextProtocol;
                using ModelContextProtocol.Protocol;
                using ModelContextProtocol.Server;

                public sealed class NotesOptions
                {
                    public string Root { get; set; } = "/srv/notes";
                }

                [McpServerToolType]
                public static class ServerTools
                {
                    [McpServerTool]
                    public static string Describe(McpServer server, IServiceProvider services, IHostEnvironment environment, IConfiguration configuration,
                        RequestContext<CallToolRequestParams> context, IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken)
                    {
                        var options = services.GetRequiredService<NotesOptions>();
                        var index = File.ReadAllText(Path.Combine(environment.ContentRootPath, "index.md"));
                        var extra = File.ReadAllText(configuration["Notes:Extra"]!);
                        var listing = Directory.GetFiles(options.Root);
                        return server.ServerOptions.ServerInfo?.Name + index + extra + listing.Length;
                    }

                    [McpServerTool]
                    public static async Task<string> Weather(HttpClient http, [FromKeyedServices("cache")] IDictionary<string, string> cache, double latitude, double longitude)
                        => await http.GetStringAsync($"https://api.weather.gov/points/{latitude},{longitude}");

                    public static string NotATool(string path) => File.ReadAllText(path);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task McpToolsOverHttpTransport()
            => AnalyzeAsync("""
                using System.IO;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using ModelContextProtocol.Server;

                public static class Server
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Services.AddMcpServer().WithHttpTransport().WithTools<FileTools>();
                        var app = builder.Build();
                        app.MapMcp("/mcp");
                        app.Run();
                    }
                }

                [McpServerToolType]
                public sealed class FileTools
                {
                    [McpServerTool]
                    public void Save(string name, string content) => File.WriteAllText({|#0:"/srv/files/" + name|}, content);

                    [McpServerTool]
                    public void Remove(string directory) => Directory.Delete({|#1:directory|}, recursive: true);
                }
                """,
                Finding(0, "argument 'name' of MCP tool 'Save'", "a file system path (File.WriteAllText)", PathAdvice),
                Finding(1, "argument 'directory' of MCP tool 'Remove'", "a file system path (Directory.Delete)", PathAdvice));

        [Fact]
        public Task McpToolCreatedFromADelegate()
            => AnalyzeAsync("""
                using System.Diagnostics;
                using ModelContextProtocol.Server;

                public static class Tools
                {
                    public static McpServerTool Shell() => McpServerTool.Create((string command) => Process.Start("bash", {|#0:"-c " + command|}));

                    public static McpServerTool Open() => McpServerTool.Create(OpenFile);

                    private static Process? OpenFile(string path) => Process.Start({|#1:path|});
                }
                """,
                Finding(0, "argument 'command' of an MCP tool lambda", "a process (Process.Start)", ProcessAdvice),
                Finding(1, "argument 'path' of MCP tool 'OpenFile'", "a process (Process.Start)", ProcessAdvice));

        // ---- Sources: Semantic Kernel and Microsoft.Extensions.AI tools ----

        [Fact]
        public Task KernelFunctionArguments()
            => AnalyzeAsync("""
                using System.ComponentModel;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;

                public sealed class ReportsPlugin(HttpClient http)
                {
                    [KernelFunction("download_report"), Description("Downloads a report")]
                    public async Task Download(Kernel kernel, string source, string target, CancellationToken cancellationToken)
                    {
                        var bytes = await http.GetByteArrayAsync({|#0:source|}, cancellationToken);
                        await File.WriteAllBytesAsync({|#1:target|}, bytes, cancellationToken);
                    }

                    [KernelFunction]
                    public string Preview(string file, int lines)
                    {
                        using var reader = new StreamReader({|#2:file|});
                        return reader.ReadLine() ?? "";
                    }

                    public string NotAFunction(string file) => File.ReadAllText(file);
                }
                """,
                Finding(0, "argument 'source' of Semantic Kernel function 'Download'", "an outbound URL (HttpClient.GetByteArrayAsync)", UrlAdvice),
                Finding(1, "argument 'target' of Semantic Kernel function 'Download'", "a file system path (File.WriteAllBytesAsync)", PathAdvice),
                Finding(2, "argument 'file' of Semantic Kernel function 'Preview'", "a file system path (new StreamReader)", PathAdvice));

        [Fact]
        public Task AIFunctionFactoryToolArguments()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;

                public static class AgentTools
                {
                    public static IList<AITool> Create() =>
                    [
                        AIFunctionFactory.Create((string command) => Process.Start("bash", {|#0:"-c " + command|}), "shell"),
                        AIFunctionFactory.Create((string markdown) => new HtmlString({|#1:markdown|})),
                        AIFunctionFactory.Create(DeleteFile),
                        AIFunctionFactory.Create(CopyFile, "copy_file"),
                    ];

                    public static KernelFunction Open() => KernelFunctionFactory.CreateFromMethod((string path) => File.OpenRead({|#2:path|}), "open");

                    public static AIFunction Cleanup()
                    {
                        return AIFunctionFactory.Create(Purge, "purge");

                        static void Purge(string folder) => Directory.Delete({|#6:folder|}, recursive: true);
                    }

                    private static void DeleteFile(string path) => File.Delete({|#3:path|});

                    private static void CopyFile(string source, string destination) => File.Copy({|#4:source|}, {|#5:destination|});
                }
                """,
                Finding(0, "argument 'command' of AI function 'shell'", "a process (Process.Start)", ProcessAdvice),
                Finding(1, "argument 'markdown' of an AI function lambda", "raw HTML (new HtmlString)", HtmlAdvice),
                Finding(2, "argument 'path' of Semantic Kernel function 'open'", "a file system path (File.OpenRead)", PathAdvice),
                Finding(3, "argument 'path' of AI function 'DeleteFile'", "a file system path (File.Delete)", PathAdvice),
                Finding(4, "argument 'source' of AI function 'copy_file'", "a file system path (File.Copy)", PathAdvice),
                Finding(5, "argument 'destination' of AI function 'copy_file'", "a file system path (File.Copy)", PathAdvice),
                Finding(6, "argument 'folder' of AI function 'purge'", "a file system path (Directory.Delete)", PathAdvice));

        [Fact]
        public Task StructuredToolArgumentsAndCollections()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Text.Json;
                using ModelContextProtocol.Server;

                public sealed record ArchiveRequest(string Folder, int MaxFiles, bool Recursive);

                [McpServerToolType]
                public static class ArchiveTools
                {
                    [McpServerTool]
                    public static int Archive(ArchiveRequest request)
                        => Directory.GetFiles([|request.Folder|]).Take(request.MaxFiles).Count();

                    [McpServerTool]
                    public static void Touch(string[] names)
                    {
                        foreach (var name in names)
                        {
                            File.WriteAllText([|name|], "");
                        }
                    }

                    [McpServerTool]
                    public static string Read(JsonElement options) => File.ReadAllText([|options.GetProperty("file").GetString()|]!);
                }
                """, ReferenceCatalog.All);

        // ---- Sources: raw tool calls of the SDKs ----

        [Fact]
        public Task RawToolCallArguments()
            => AnalyzeAsync("""
                #pragma warning disable OPENAI001
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using System.Net.Http;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Anthropic.Models.Messages;
                using Microsoft.Extensions.AI;
                using OpenAI.Chat;
                using OpenAI.Responses;

                public sealed class ToolDispatcher(HttpClient http)
                {
                    public string OnChatToolCall(ChatToolCall call)
                    {
                        using var arguments = JsonDocument.Parse(call.FunctionArguments);
                        var path = arguments.RootElement.GetProperty("path").GetString()!;
                        return File.ReadAllText({|#0:path|});
                    }

                    public Task<string> OnResponsesCall(FunctionCallResponseItem item)
                    {
                        var arguments = JsonSerializer.Deserialize<Dictionary<string, string>>(item.FunctionArguments)!;
                        return http.GetStringAsync({|#1:arguments["url"]|});
                    }

                    public void OnToolUse(ToolUseBlock toolUse)
                    {
                        var command = toolUse.Input["command"].GetString()!;
                        Process.Start({|#2:command|});
                    }

                    public void OnFunctionCall(FunctionCallContent call)
                    {
                        var file = call.Arguments?["file"]?.ToString()!;
                        File.Delete({|#3:file|});
                    }

                    public void OnStreamedToolCall(StreamingChatToolCallUpdate update)
                    {
                        using var arguments = JsonDocument.Parse(update.FunctionArgumentsUpdate);
                        Process.Start({|#4:arguments.RootElement.GetProperty("command").GetString()|}!);
                    }
                }
                """,
                Finding(0, "'ChatToolCall.FunctionArguments'", "a file system path (File.ReadAllText)", PathAdvice),
                Finding(1, "'FunctionCallResponseItem.FunctionArguments'", "an outbound URL (HttpClient.GetStringAsync)", UrlAdvice),
                Finding(2, "'ToolUseBlock.Input'", "a process (Process.Start)", ProcessAdvice),
                Finding(3, "'FunctionCallContent.Arguments'", "a file system path (File.Delete)", PathAdvice),
                Finding(4, "'StreamingChatToolCallUpdate.FunctionArgumentsUpdate'", "a process (Process.Start)", ProcessAdvice));

        // ---- The new sink kinds for every model output ----

        [Fact]
        public Task ModelOutputReachesPathsAndUrls()
            => AnalyzeAsync("""
                using System;
                using System.IO;
                using System.Net;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                public sealed class Crawler(IChatClient chat, HttpClient http)
                {
                    public async Task<string> FollowAsync(string question)
                    {
                        var response = await chat.GetResponseAsync("Which page answers: " + question);
                        var page = await http.GetStringAsync({|#0:response.Text|});
                        using var request = new HttpRequestMessage(HttpMethod.Get, {|#1:$"{response.Text}/summary"|});
                        http.BaseAddress = {|#2:new Uri(response.Text)|};
                        await File.WriteAllTextAsync({|#3:response.Text.Trim() + ".html"|}, page);
                        using var stream = new FileStream({|#4:response.Text|}, FileMode.Open);
                        var info = new FileInfo({|#5:response.Text|});
                        var legacy = WebRequest.Create({|#6:response.Text|});
                        return page;
                    }
                }
                """,
                Finding(0, "'ChatResponse.Text'", "an outbound URL (HttpClient.GetStringAsync)", UrlAdvice),
                Finding(1, "'ChatResponse.Text'", "an outbound URL (new HttpRequestMessage)", UrlAdvice),
                Finding(2, "'ChatResponse.Text'", "an outbound URL (HttpClient.BaseAddress)", UrlAdvice),
                Finding(3, "'ChatResponse.Text'", "a file system path (File.WriteAllTextAsync)", PathAdvice),
                Finding(4, "'ChatResponse.Text'", "a file system path (new FileStream)", PathAdvice),
                Finding(5, "'ChatResponse.Text'", "a file system path (new FileInfo)", PathAdvice),
                Finding(6, "'ChatResponse.Text'", "an outbound URL (WebRequest.Create)", UrlAdvice));

        [Fact]
        public Task PathSinksTakeOnlyPaths()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class Tools(HttpClient http)
                {
                    [McpServerTool]
                    public async Task Write(string path, string content)
                    {
                        await File.WriteAllTextAsync([|path|], content);
                        using var writer = new StreamWriter(new MemoryStream());
                        await writer.WriteAsync(content);
                        var directory = new DirectoryInfo([|path|]);
                        File.Move("/tmp/a", [|path|]);
                        await http.PostAsJsonAsync("https://api.example.com/notes", new { content });
                        await http.PostAsync([|path|], new StringContent(content));
                        var item = await http.GetFromJsonAsync<string>([|path|]);
                    }
                }
                """, ReferenceCatalog.All);

        // ---- Clearing ----

        [Fact]
        public Task PathContainmentAndFileNamesClearPaths()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using System.Net;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class NoteTools
                {
                    private const string Root = "/srv/notes/";

                    [McpServerTool]
                    public static string ReadNote(string path)
                    {
                        var fullPath = Path.GetFullPath(Path.Combine(Root, path));
                        if (!fullPath.StartsWith(Root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("outside the notes folder");
                        }

                        return File.ReadAllText(fullPath);
                    }

                    [McpServerTool]
                    public static string ReadCombined(string path)
                    {
                        var combined = Path.Combine(Root, path);
                        if (!Path.GetFullPath(combined).StartsWith(Root))
                        {
                            return "denied";
                        }

                        return File.ReadAllText(combined);
                    }

                    [McpServerTool]
                    public static string ReadByName(string name) => File.ReadAllText(Path.Combine(Root, Path.GetFileName(name)));

                    [McpServerTool]
                    public static string NotNormalized(string path)
                    {
                        var combined = Path.Combine(Root, path);
                        if (!combined.StartsWith(Root))
                        {
                            throw new UnauthorizedAccessException();
                        }

                        return File.ReadAllText([|combined|]);
                    }

                    [McpServerTool]
                    public static string CheckedTooLate(string path)
                    {
                        var fullPath = Path.GetFullPath(Path.Combine(Root, path));
                        var text = File.ReadAllText([|fullPath|]);
                        if (!fullPath.StartsWith(Root))
                        {
                            throw new UnauthorizedAccessException();
                        }

                        return text;
                    }

                    [McpServerTool]
                    public static void FileNameIsNoCommand(string name) => Process.Start([|Path.GetFileName(name)|]);

                    [McpServerTool]
                    public static string EncodingIsNoPathCheck(string name) => File.ReadAllText([|WebUtility.HtmlEncode(name)|]);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ValuesAfterAFixedSchemeAndHostAreNoUrlSink()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;

                public sealed class GitHubPlugin(HttpClient http)
                {
                    private const string Api = "https://api.github.com/";

                    [KernelFunction]
                    public Task<string> Repository(string owner, string name)
                        => http.GetStringAsync($"https://api.github.com/repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}");

                    [KernelFunction]
                    public Task<string> Search(string query)
                        => http.GetStringAsync(Api + "search/code?q=" + Uri.EscapeDataString(query));

                    [KernelFunction]
                    public Task<string> Relative(string id)
                    {
                        var url = "/issues/" + Uri.EscapeDataString(id);
                        return http.GetStringAsync(url);
                    }

                    [KernelFunction]
                    public Task<string> SegmentOnAFixedHost(string owner) => http.GetStringAsync($"https://api.github.com/users/{owner}");

                    [KernelFunction]
                    public Task<string> RelativeToTheBaseAddress(string state) => http.GetStringAsync($"/alerts/active/area/{state}");

                    [KernelFunction]
                    public Task<string> AbsoluteRelativePart(string path) => http.GetStringAsync([|new Uri(new Uri(Api), path)|]);

                    [KernelFunction]
                    public Task<string> HostOfAnHttpsUrl(string host) => http.GetStringAsync([|"https://" + host + "/status"|]);

                    [KernelFunction]
                    public Task<string> HostChosen(string host) => http.GetStringAsync([|$"https://{Uri.EscapeDataString(host)}/status"|]);

                    [KernelFunction]
                    public Task<string> NoSeparator(string suffix) => http.GetStringAsync([|"https://api.github.com" + Uri.EscapeDataString(suffix)|]);

                    [KernelFunction]
                    public Task<string> Whole(string url) => http.GetStringAsync([|new Uri(url)|]);

                    [KernelFunction]
                    public Task<string> WholeButEscaped(string id) => http.GetStringAsync(Uri.EscapeDataString(id) + "/" + System.Net.WebUtility.UrlEncode(id));
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ValidatorsAllowListsAndParsingClearToolArguments()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class OutputValidatorAttribute : Attribute { }

                public enum ReportKind { Daily, Weekly }

                [McpServerToolType]
                public sealed class OpsTools(DbConnection connection)
                {
                    private static readonly HashSet<string> Services = new() { "nginx", "postgres" };

                    [OutputValidator]
                    private static string SafeFile(string name) => name.IndexOfAny(new[] { '/', '\\' }) < 0 ? name : throw new ArgumentException(name);

                    [OutputValidator]
                    private static bool IsKnownTable(string table) => table is "orders" or "customers";

                    [McpServerTool]
                    public void Restart(string service)
                    {
                        if (!Services.Contains(service))
                        {
                            throw new ArgumentException("unknown service");
                        }

                        Process.Start("systemctl", "restart " + service);
                    }

                    [McpServerTool]
                    public string Tail(string file) => File.ReadAllText(Path.Combine("/var/log", SafeFile(file)));

                    [McpServerTool]
                    public async Task<object?> Count(string table, string id, string kind)
                    {
                        if (!IsKnownTable(table) || !Regex.IsMatch(id, "^[0-9a-f]{8}$"))
                        {
                            return null;
                        }

                        await using var command = connection.CreateCommand();
                        command.CommandText = $"SELECT count(*) FROM {table} WHERE id = '{id}' AND kind = {(int)Enum.Parse<ReportKind>(kind)} AND n = {int.Parse(id)}";
                        return await command.ExecuteScalarAsync();
                    }

                    [McpServerTool]
                    public void Level(string level) => Process.Start("logctl", level switch { "debug" => "--debug", _ => "--info" });

                    [McpServerTool]
                    public async Task<object?> Find(string name)
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = "SELECT id FROM notes WHERE name = @name";
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "@name";
                        parameter.Value = name;
                        command.Parameters.Add(parameter);
                        return await command.ExecuteScalarAsync();
                    }

                    [McpServerTool]
                    public void Unchecked(string service) => Process.Start("systemctl", [|"restart " + service|]);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ConfiguredOutputValidators()
            => Verify.AnalyzeAsync("""
                using System;
                using System.IO;
                using ModelContextProtocol.Server;

                namespace Notes
                {
                    public static class PathRules
                    {
                        public static bool IsInsideNotes(string path) => !path.Contains("..");

                        public static string Confine(string path) => Path.GetFileName(path);

                        public static string Unlisted(string path) => path;
                    }

                    [McpServerToolType]
                    public static class NoteTools
                    {
                        [McpServerTool]
                        public static string Read(string path)
                        {
                            if (!PathRules.IsInsideNotes(path))
                            {
                                throw new UnauthorizedAccessException();
                            }

                            return File.ReadAllText(path);
                        }

                        [McpServerTool]
                        public static string ReadConfined(string path) => File.ReadAllText(PathRules.Confine(path));

                        [McpServerTool]
                        public static string ReadUnlisted(string path) => File.ReadAllText([|PathRules.Unlisted(path)|]);
                    }
                }
                """, ReferenceCatalog.All, editorConfig: "aisecure.output_validators = M:Notes.PathRules.IsInsideNotes(System.String), M:Notes.PathRules.Confine(System.String)");

        [Fact]
        public Task ParametersThatCannotCarryTextAreNoSources()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;
                using ModelContextProtocol.Server;

                public enum Priority { Low, High }

                [McpServerToolType]
                public sealed class TicketTools(DbConnection connection)
                {
                    [McpServerTool]
                    public async Task<int> Close(int id, long revision, bool force, Priority priority, Guid requestId, DateTime until, DateTimeOffset at, TimeSpan grace, decimal cost, CancellationToken cancellationToken)
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = $"UPDATE tickets SET closed = {force}, priority = '{priority}', request = '{requestId}', until = '{until:O}', at = '{at:O}', grace = '{grace}', cost = {cost} WHERE id = {id} AND rev = {revision}";
                        return await command.ExecuteNonQueryAsync(cancellationToken);
                    }

                    [McpServerTool]
                    public string Log(int day) => File.ReadAllText($"/var/log/app-{day}.log");
                }

                public sealed class JobsPlugin
                {
                    [KernelFunction]
                    public void Retry(Kernel kernel, int jobId, CancellationToken cancellationToken) => Process.Start("jobs", "retry " + jobId);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ApprovalRequiredToolsAreNotReported()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static IList<AITool> Create()
                    {
                        var delete = AIFunctionFactory.Create((string path) => File.Delete(path), "delete_file");
                        return
                        [
                            new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string command) => Process.Start("bash", "-c " + command), "shell")),
                            new ApprovalRequiredAIFunction(delete),
                            new ApprovalRequiredAIFunction(AIFunctionFactory.Create(Move)),
                            AIFunctionFactory.Create((string path) => File.ReadAllText([|path|]), "read_file"),
                        ];
                    }

                    private static void Move(string source, string destination) => File.Move(source, destination);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ToolArgumentPassedToAHelper()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class NoteTools
                {
                    [McpServerTool]
                    public static string ReadNote(string path) => Storage.Load(path);

                    [McpServerTool]
                    public static string ReadIndex() => Storage.Load("index.md");
                }

                public static class Storage
                {
                    public static string Load(string relative) => File.ReadAllText([|Path.Combine("/srv/notes", relative)|]);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SilentWithoutAnAgentOrModelSdk()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;

                public sealed class Files(HttpClient http)
                {
                    public string Read(string path) => File.ReadAllText(path);

                    public Task<string> Fetch(string url) => http.GetStringAsync(url);
                }
                """, ReferenceCatalog.Net);

        // ---- Fixes ----

        [Fact]
        public Task FixRequiresApprovalForAnAIFunctionTool()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static IList<AITool> Create() =>
                    [
                        AIFunctionFactory.Create((string command, string arguments) => Process.Start([|command|], [|arguments|]), "run"),
                        AIFunctionFactory.Create((string path) => File.Delete([|path|]), "delete_file"),
                    ];
                }
                """, """
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static IList<AITool> Create() =>
                    [
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string command, string arguments) => Process.Start(command, arguments), "run")),
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string path) => File.Delete(path), "delete_file")),
                    ];
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.RequireApproval");

        [Fact]
        public Task FixRequiresApprovalAndAddsTheUsing()
            => Verify.FixAsync("""
                using System.Diagnostics;

                public static class AgentTools
                {
                    public static Microsoft.Extensions.AI.AIFunction Shell()
                        => Microsoft.Extensions.AI.AIFunctionFactory.Create((string command) => Process.Start("bash", [|"-c " + command|]), "shell");
                }
                """, """
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static Microsoft.Extensions.AI.AIFunction Shell()
                        => new ApprovalRequiredAIFunction(Microsoft.Extensions.AI.AIFunctionFactory.Create((string command) => Process.Start("bash", "-c " + command), "shell"));
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.RequireApproval");

        [Fact]
        public Task FixConfinesACombinedPath()
            => Verify.FixAsync("""
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class NoteTools
                {
                    private const string Root = "/srv/notes";

                    [McpServerTool]
                    public static string ReadNote(string path)
                    {
                        // the note's text
                        return File.ReadAllText([|Path.Combine(Root, path)|]);
                    }

                    [McpServerTool]
                    public static void DeleteNote(string path) => File.Delete([|Path.Combine(Root, path)|]);
                }
                """, """
                using System;
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class NoteTools
                {
                    private const string Root = "/srv/notes";

                    [McpServerTool]
                    public static string ReadNote(string path)
                    {
                        // the note's text
                        var fullPath = Path.GetFullPath(Path.Combine(Root, path));
                        if (!fullPath.StartsWith(Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        return File.ReadAllText(fullPath);
                    }

                    [McpServerTool]
                    public static void DeleteNote(string path)
                    {
                        var fullPath = Path.GetFullPath(Path.Combine(Root, path));
                        if (!fullPath.StartsWith(Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        File.Delete(fullPath);
                    }
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.ConfinePath");

        [Fact]
        public Task FixConfinesACombinedPathHeldInALocal()
            => Verify.FixAsync("""
                using System.IO;
                using Microsoft.SemanticKernel;

                public sealed class FilesPlugin(string root)
                {
                    [KernelFunction]
                    public string Read(string name)
                    {
                        var file = Path.Combine(root, name);
                        var text = File.ReadAllText([|file|]);
                        return text;
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.SemanticKernel;

                public sealed class FilesPlugin(string root)
                {
                    [KernelFunction]
                    public string Read(string name)
                    {
                        var file = Path.GetFullPath(Path.Combine(root, name));
                        if (!file.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        var text = File.ReadAllText(file);
                        return text;
                    }
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.ConfinePath");

        [Fact]
        public Task FixOffersBothApprovalAndConfinementForAnAIFunctionPath()
            => Verify.FixAsync("""
                using Microsoft.Extensions.AI;
                using System.IO;

                public static class AgentTools
                {
                    public static AIFunction Read(string root) => AIFunctionFactory.Create((string name) =>
                    {
                        return File.ReadAllText([|Path.Combine(root, name)|]);
                    }, "read");
                }
                """, """
                using Microsoft.Extensions.AI;
                using System;
                using System.IO;

                public static class AgentTools
                {
                    public static AIFunction Read(string root) => AIFunctionFactory.Create((string name) =>
                    {
                        var fullPath = Path.GetFullPath(Path.Combine(root, name));
                        if (!fullPath.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        return File.ReadAllText(fullPath);
                    }, "read");
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.ConfinePath");

        [Fact]
        public Task FixConfinesAPathInAnExpressionLambdaAndALocalFunction()
            => FixNonLocalAsync("""
                using System.IO;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static AIFunction Read(string root) => AIFunctionFactory.Create((string name) => File.ReadAllText([|Path.Combine(root, name)|]), "read");

                    public static AIFunction Remove(string root)
                    {
                        return AIFunctionFactory.Create(RemoveFile, "remove");

                        void RemoveFile(string name) => File.Delete([|Path.Combine(root, name)|]);
                    }
                }
                """, """
                using System;
                using System.IO;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static AIFunction Read(string root) => AIFunctionFactory.Create((string name) =>
                    {
                        var fullPath = Path.GetFullPath(Path.Combine(root, name));
                        if (!fullPath.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        return File.ReadAllText(fullPath);
                    }, "read");

                    public static AIFunction Remove(string root)
                    {
                        return AIFunctionFactory.Create(RemoveFile, "remove");

                        void RemoveFile(string name)
                        {
                            var fullPath = Path.GetFullPath(Path.Combine(root, name));
                            if (!fullPath.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                            {
                                throw new UnauthorizedAccessException("The path leaves its root directory.");
                            }

                            File.Delete(fullPath);
                        }
                    }
                }
                """, "AISEC003.ConfinePath");

        [Fact]
        public Task NoApprovalFixForMcpOrKernelTools()
            => Verify.FixAsync("""
                using System.Diagnostics;
                using Microsoft.SemanticKernel;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class Tools
                {
                    [McpServerTool]
                    public static void Run(string command) => Process.Start([|command|]);
                }

                public sealed class Plugin
                {
                    [KernelFunction]
                    public void Run(string command) => Process.Start([|command|]);
                }
                """, """
                using System.Diagnostics;
                using Microsoft.SemanticKernel;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class Tools
                {
                    [McpServerTool]
                    public static void Run(string command) => Process.Start([|command|]);
                }

                public sealed class Plugin
                {
                    [KernelFunction]
                    public void Run(string command) => Process.Start([|command|]);
                }
                """, ReferenceCatalog.All);
    }
}
