using System;
using System.IO;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC003 on agent and service code shaped like production: MCP servers with injected services, Semantic Kernel
    /// plugins whose functions hand their arguments to private helpers, Microsoft.Extensions.AI tool classes, structured
    /// and streamed model output, and the guards real code writes (allow-lists, source-generated regexes, parsing,
    /// containment checks, query parameters); each positive beside its safe twin.
    /// </summary>
    public class RealisticAgentToolTests
    {
        [Fact]
        public Task McpServerWithInjectedServices()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.Logging;
                using ModelContextProtocol.Server;

                namespace Contoso.Mcp;

                [McpServerToolType]
                public sealed class RepositoryTools(ILogger<RepositoryTools> logger, IWebHostEnvironment environment)
                {
                    private readonly string _root = Path.Combine(environment.ContentRootPath, "repos");

                    [McpServerTool(Name = "git_log"), Description("Shows the history of a branch.")]
                    public async Task<string> GitLog([Description("Branch name")] string branch, int count, CancellationToken cancellationToken)
                    {
                        logger.LogInformation("git log {Branch}", branch);
                        var info = new ProcessStartInfo
                        {
                            FileName = "git",
                            WorkingDirectory = _root,
                            RedirectStandardOutput = true,
                            ArgumentList = { "log", "-n", count.ToString(), [|branch|] },
                        };
                        using var process = Process.Start(info)!;
                        return await process.StandardOutput.ReadToEndAsync(cancellationToken);
                    }

                    [McpServerTool(Name = "git_show"), Description("Shows a commit.")]
                    public string GitShow(string commit)
                    {
                        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true };
                        info.ArgumentList.Add("show");
                        info.ArgumentList.Add([|commit|]);
                        using var process = Process.Start(info)!;
                        return process.StandardOutput.ReadToEnd();
                    }

                    [McpServerTool(Name = "read_file"), Description("Reads a file of the repository.")]
                    public async Task<string> ReadFile(string relativePath, CancellationToken cancellationToken)
                    {
                        var full = Path.Combine(_root, relativePath);
                        return await File.ReadAllTextAsync([|full|], cancellationToken);
                    }

                    [McpServerTool(Name = "read_file_safe"), Description("Reads a file of the repository.")]
                    public async Task<string> ReadFileSafe(string relativePath, CancellationToken cancellationToken)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
                        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException("Path escapes the repository root.");
                        }

                        return await File.ReadAllTextAsync(full, cancellationToken);
                    }

                    [McpServerTool(Name = "write_note"), Description("Writes a note.")]
                    public async Task WriteNote(string name, string text, CancellationToken cancellationToken)
                    {
                        var notes = Path.Combine(environment.ContentRootPath, "notes");
                        await File.WriteAllTextAsync(Path.Combine(notes, Path.GetFileName(name)), text, cancellationToken);
                        await File.AppendAllTextAsync([|Path.Combine(notes, name + ".log")|], text, cancellationToken);
                    }
                }

                [McpServerToolType]
                public static class DatabaseTools
                {
                    [McpServerTool, Description("Counts the orders of a customer.")]
                    public static async Task<long> CountOrders(DbDataSource dataSource, [Description("Customer name")] string customer, CancellationToken cancellationToken)
                    {
                        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                        await using var command = connection.CreateCommand();
                        command.CommandText = [|$"SELECT count(*) FROM orders WHERE customer = '{customer}'"|];
                        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                    }

                    [McpServerTool, Description("Counts the orders of a customer.")]
                    public static async Task<long> CountOrdersSafely(DbDataSource dataSource, string customer, CancellationToken cancellationToken)
                    {
                        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orders WHERE customer = $1");
                        var parameter = command.CreateParameter();
                        parameter.Value = customer;
                        command.Parameters.Add(parameter);
                        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                    }

                    [McpServerTool, Description("Runs a report.")]
                    public static async Task<object?> Report(DbConnection connection, string report, CancellationToken cancellationToken)
                    {
                        var sql = report switch
                        {
                            "daily" => "SELECT * FROM daily_totals",
                            "weekly" => "SELECT * FROM weekly_totals",
                            _ => throw new ArgumentOutOfRangeException(nameof(report)),
                        };
                        await using var command = connection.CreateCommand();
                        command.CommandText = sql;
                        return await command.ExecuteScalarAsync(cancellationToken);
                    }

                    [McpServerTool, Description("Fetches a status page.")]
                    public static async Task<string> Status(HttpClient http, string service, CancellationToken cancellationToken)
                    {
                        var safe = await http.GetStringAsync($"https://status.contoso.com/api/services/{Uri.EscapeDataString(service)}", cancellationToken);
                        var raw = await http.GetStringAsync([|$"https://{service}.internal.contoso.com/health"|], cancellationToken);
                        return safe + raw;
                    }

                    [McpServerTool, Description("Fetches any page.")]
                    public static Task<string> Fetch(IHttpClientFactory factory, Uri url, CancellationToken cancellationToken)
                        => factory.CreateClient().GetStringAsync([|url|], cancellationToken);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SemanticKernelPluginWithPrivateHelpers()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.ComponentModel;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Options;
                using Microsoft.SemanticKernel;

                namespace Contoso.Agents;

                public sealed class WorkspaceOptions
                {
                    public string Root { get; set; } = "/srv/workspace";
                }

                public sealed class WorkspacePlugin(IOptions<WorkspaceOptions> options, DbDataSource dataSource)
                {
                    private readonly string _root = options.Value.Root;

                    [KernelFunction("read_document"), Description("Reads a document from the workspace.")]
                    public async Task<string> ReadDocumentAsync([Description("Relative path")] string path, CancellationToken cancellationToken)
                    {
                        var resolved = Resolve(path);
                        return await LoadAsync(resolved, cancellationToken);
                    }

                    [KernelFunction("read_document_safe"), Description("Reads a document from the workspace.")]
                    public Task<string> ReadDocumentSafeAsync(string path, CancellationToken cancellationToken)
                        => File.ReadAllTextAsync(Confine(path), cancellationToken);

                    [KernelFunction("run_query"), Description("Runs a read-only query.")]
                    public async Task<string> RunQueryAsync([Description("The table")] string table, [Description("Filter")] string filter)
                    {
                        var sql = BuildSql(table, filter);
                        return await ExecuteAsync(sql);
                    }

                    [KernelFunction("convert"), Description("Converts a document with pandoc.")]
                    public string Convert(string input, string format)
                    {
                        var arguments = new StringBuilder();
                        arguments.Append("--to ").Append(format).Append(' ').Append(input);
                        return Run("pandoc", arguments.ToString());
                    }

                    private string Resolve(string relative) => Path.Combine(_root, relative);

                    private static Task<string> LoadAsync(string file, CancellationToken cancellationToken)
                        => File.ReadAllTextAsync([|file|], cancellationToken);

                    private string Confine(string relative)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, relative));
                        if (!full.StartsWith(_root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(relative);
                        }

                        return full;
                    }

                    private static string BuildSql(string table, string filter) => $"SELECT * FROM {table} WHERE {filter}";

                    private async Task<string> ExecuteAsync(string sql)
                    {
                        await using var command = dataSource.CreateCommand([|sql|]);
                        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
                    }

                    private static string Run(string fileName, string arguments)
                    {
                        using var process = Process.Start(new ProcessStartInfo(fileName, [|arguments|]) { RedirectStandardOutput = true })!;
                        return process.StandardOutput.ReadToEnd();
                    }
                }

                public static class KernelSetup
                {
                    public static Kernel Build(IServiceProvider services)
                    {
                        var kernel = new Kernel(services);
                        kernel.Plugins.AddFromType<WorkspacePlugin>("workspace", services);
                        return kernel;
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ExtensionsAIToolClasses()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.ComponentModel;
                using System.Diagnostics;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                namespace Contoso.Assistant;

                public sealed class ShellTools(string workingDirectory)
                {
                    [Description("Runs a command in the working directory.")]
                    public string RunCommand([Description("The program")] string program, [Description("Its arguments")] string arguments)
                    {
                        var info = new ProcessStartInfo([|program|], [|arguments|]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true };
                        using var process = Process.Start(info)!;
                        return process.StandardOutput.ReadToEnd();
                    }

                    [Description("Lists a directory.")]
                    public string[] List(string directory) => Directory.GetFiles([|Path.Combine(workingDirectory, directory)|]);
                }

                public sealed class AssistantService(IChatClient chat, HttpClient http)
                {
                    public async Task<string> AskAsync(string question, CancellationToken cancellationToken)
                    {
                        var shell = new ShellTools("/srv/work");
                        var tools = new List<AITool>
                        {
                            AIFunctionFactory.Create(shell.RunCommand, "run_command"),
                            AIFunctionFactory.Create(shell.List),
                            AIFunctionFactory.Create(async (string owner, string repository, int number) =>
                                await http.GetStringAsync($"https://api.github.com/repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}/issues/{number}"), "get_issue"),
                            AIFunctionFactory.Create((string url, string selector) => http.GetStringAsync([|url|]), "scrape"),
                            AIFunctionFactory.Create((string title, string body) => new HtmlString([|$"<h1>{title}</h1>"|] ), "render"),
                            new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string path, string content) => File.WriteAllText(path, content), "write_file")),
                        };
                        var options = new ChatOptions { Tools = tools, ToolMode = ChatToolMode.Auto };
                        options.Tools.Add(AIFunctionFactory.Create((string path) => File.Delete([|path|]), "delete_file"));
                        var response = await chat.GetResponseAsync(question, options, cancellationToken);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task StructuredAndStreamedModelOutput()
            => Verify.AnalyzeAsync("""
                #pragma warning disable OPENAI001
                using System;
                using System.Collections.Generic;
                using System.Data.Common;
                using System.Diagnostics;
                using System.Linq;
                using System.Net;
                using System.Text;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;
                using OpenAI.Chat;

                namespace Contoso.Insights;

                public sealed record SqlPlan(string Query, string Explanation, int RowLimit);
                public sealed class CommandPlan
                {
                    public string Program { get; set; } = "";
                    public string Arguments { get; set; } = "";
                    public int TimeoutSeconds { get; set; }
                }

                public sealed class InsightsService(IChatClient chat, ChatClient openai, Kernel kernel, DbDataSource dataSource)
                {
                    public async Task<object?> QueryAsync(string question, CancellationToken cancellationToken)
                    {
                        var response = await chat.GetResponseAsync<SqlPlan>(question, cancellationToken: cancellationToken);
                        var plan = response.Result;
                        await using var command = dataSource.CreateCommand([|plan.Query|]);
                        command.CommandTimeout = plan.RowLimit;
                        return await command.ExecuteScalarAsync(cancellationToken);
                    }

                    public async Task RunAsync(string goal)
                    {
                        ChatCompletion completion = await openai.CompleteChatAsync(
                            new SystemChatMessage("Reply with JSON {program, arguments, timeoutSeconds}."),
                            new UserChatMessage(goal));
                        var plan = JsonSerializer.Deserialize<CommandPlan>(completion.Content[0].Text)!;
                        Process.Start([|plan.Program|], [|plan.Arguments|]);
                        Process.Start("/usr/bin/sleep", plan.TimeoutSeconds.ToString());
                    }

                    public async Task<IHtmlContent> SummaryAsync(string text, CancellationToken cancellationToken)
                    {
                        var sb = new StringBuilder();
                        await foreach (var update in chat.GetStreamingResponseAsync("Summarize: " + text, cancellationToken: cancellationToken))
                        {
                            sb.Append(update.Text);
                        }

                        return new HtmlString([|sb.ToString()|]);
                    }

                    public async Task<MarkupString> SafeSummaryAsync(string text, CancellationToken cancellationToken)
                    {
                        var sb = new StringBuilder();
                        await foreach (var update in chat.GetStreamingResponseAsync("Summarize: " + text, cancellationToken: cancellationToken))
                        {
                            sb.Append(update.Text);
                        }

                        return new MarkupString(WebUtility.HtmlEncode(sb.ToString()));
                    }

                    public async Task<MarkupString> MarkupAsync(string text)
                    {
                        var result = await kernel.InvokePromptAsync("Render as HTML: {{$input}}", new KernelArguments { ["input"] = text });
                        var html = result.GetValue<string>() ?? "";
                        return (MarkupString)[|html|];
                    }

                    public void Dispatch(ChatCompletion completion)
                    {
                        foreach (var call in completion.ToolCalls)
                        {
                            using var document = JsonDocument.Parse(call.FunctionArguments);
                            var root = document.RootElement;
                            switch (call.FunctionName)
                            {
                                case "open":
                                    Process.Start([|root.GetProperty("target").GetString()|]!);
                                    break;
                                case "count":
                                    Process.Start("/usr/bin/wc", root.GetProperty("lines").GetInt32().ToString());
                                    break;
                            }
                        }
                    }

                    public async Task<int> ViaHelperAsync(string question)
                    {
                        var sql = await WriteSqlAsync(question);
                        await using var command = dataSource.CreateCommand([|sql|]);
                        return await command.ExecuteNonQueryAsync();
                    }

                    private async Task<string> WriteSqlAsync(string question)
                    {
                        var response = await chat.GetResponseAsync(new[] { new Microsoft.Extensions.AI.ChatMessage(ChatRole.System, "Write PostgreSQL."), new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, question) });
                        return response.Text.Trim().Trim('`');
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task GuardsRealCodeWrites()
        {
            var test = new Verify.Test
            {
                TestCode = """
                using System;
                using System.Collections.Frozen;
                using System.Collections.Generic;
                using System.ComponentModel;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using System.Net;
                using System.Net.Http;
                using System.Text.RegularExpressions;
                using System.Threading;
                using System.Threading.Tasks;
                using Dapper;
                using Microsoft.AspNetCore.Html;
                using Microsoft.EntityFrameworkCore;
                using ModelContextProtocol.Server;

                namespace Contoso.Ops;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class OutputValidatorAttribute : Attribute { }

                public enum Environment { Staging, Production }
                public sealed class Note { public int Id { get; set; } public string Title { get; set; } = ""; }
                public sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
                {
                    public DbSet<Note> Notes => Set<Note>();
                }

                [McpServerToolType]
                public sealed partial class OpsTools(DbConnection connection, NotesDb db, HttpClient http)
                {
                    private static readonly HashSet<string> Services = new(StringComparer.Ordinal) { "api", "worker", "scheduler" };
                    private static readonly FrozenSet<string> Branches = new[] { "main", "release" }.ToFrozenSet(StringComparer.Ordinal);
                    private static readonly IReadOnlyDictionary<string, string> Reports = new Dictionary<string, string>
                    {
                        ["daily"] = "SELECT * FROM daily",
                        ["weekly"] = "SELECT * FROM weekly",
                    };

                    [GeneratedRegex("^[a-z0-9-]+$")]
                    private static partial Regex Slug();

                    [GeneratedRegex("[a-z0-9-]+")]
                    private static partial Regex Unanchored();

                    [OutputValidator]
                    private static bool IsSafeName(string name) => name.Length < 64 && name.All(char.IsLetterOrDigit);

                    [McpServerTool, Description("Restarts a service.")]
                    public void Restart(string service)
                    {
                        if (!Services.Contains(service))
                        {
                            throw new ArgumentException($"Unknown service '{service}'.", nameof(service));
                        }

                        Process.Start("systemctl", $"restart {service}");
                    }

                    [McpServerTool, Description("Checks out a branch.")]
                    public string Checkout(string branch)
                    {
                        if (!Branches.Contains(branch))
                        {
                            return "refused";
                        }

                        using var process = Process.Start(new ProcessStartInfo("git") { ArgumentList = { "checkout", branch } })!;
                        process.WaitForExit();
                        return "ok";
                    }

                    [McpServerTool, Description("Deploys to an environment.")]
                    public void Deploy(string environment, string version)
                    {
                        var target = environment switch
                        {
                            "staging" => "deploy-staging",
                            "production" => "deploy-prod",
                            _ => throw new ArgumentOutOfRangeException(nameof(environment)),
                        };
                        Process.Start("/usr/local/bin/" + target);
                        if (!Slug().IsMatch(version))
                        {
                            throw new ArgumentException("Bad version.");
                        }

                        Process.Start("/usr/local/bin/" + target, version);
                    }

                    [McpServerTool, Description("Tags a build.")]
                    public void Tag(string tag)
                    {
                        if (!Unanchored().IsMatch(tag))
                        {
                            throw new ArgumentException("Bad tag.");
                        }

                        Process.Start("git", [|"tag " + tag|]);
                    }

                    [McpServerTool, Description("Promotes a build.")]
                    public void Promote(string environment, string build)
                    {
                        if (!Enum.TryParse<Environment>(environment, ignoreCase: true, out var parsed) || !int.TryParse(build, out var number) || !Guid.TryParse(build, out var id))
                        {
                            return;
                        }

                        Process.Start("promote", $"--env {parsed} --build {number} --id {id}");
                    }

                    [McpServerTool, Description("Runs a named report.")]
                    public async Task<object?> Report(string name)
                    {
                        if (!Reports.TryGetValue(name, out var sql))
                        {
                            return null;
                        }

                        await using var command = connection.CreateCommand();
                        command.CommandText = sql;
                        return await command.ExecuteScalarAsync();
                    }

                    [McpServerTool, Description("Finds notes.")]
                    public async Task<int> FindNotes(string title, string tag)
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = "SELECT count(*) FROM notes WHERE title = @title";
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "@title";
                        parameter.Value = title;
                        command.Parameters.Add(parameter);
                        var byDapper = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM notes WHERE tag = @tag", new { tag });
                        var byEf = await db.Notes.FromSqlInterpolated($"SELECT * FROM notes WHERE title = {title}").CountAsync();
                        var byEfRaw = await db.Notes.FromSqlRaw("SELECT * FROM notes WHERE title = {0}", title).CountAsync();
                        var unsafeEf = await db.Notes.FromSqlRaw([|$"SELECT * FROM notes WHERE tag = '{tag}'"|]).CountAsync();
                        return (int)(await command.ExecuteScalarAsync())! + byDapper + byEf + byEfRaw + unsafeEf;
                    }

                    [McpServerTool, Description("Renders a title.")]
                    public IHtmlContent Title(string title) => new HtmlString($"<h1>{WebUtility.HtmlEncode(title)}</h1>");

                    [McpServerTool, Description("Looks up a package.")]
                    public Task<string> Package(string name) => http.GetStringAsync("https://api.nuget.org/v3/registration5/" + Uri.EscapeDataString(name) + "/index.json");

                    [McpServerTool, Description("Reads a named file.")]
                    public string ReadNamed(string name)
                    {
                        if (!IsSafeName(name))
                        {
                            throw new ArgumentException(name);
                        }

                        return File.ReadAllText(Path.Combine("/srv/files", name));
                    }
                }
                """,
                References = ReferenceCatalog.All,
            };
            test.TestState.Sources.Add(("OpsTools.Regex.g.cs", """
                // <auto-generated/>
                namespace Contoso.Ops;

                partial class OpsTools
                {
                    private static partial System.Text.RegularExpressions.Regex Slug() => new("^[a-z0-9-]+$");

                    private static partial System.Text.RegularExpressions.Regex Unanchored() => new("[a-z0-9-]+");
                }
                """));
            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task McpLowLevelCallToolHandler()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using ModelContextProtocol.Protocol;

                namespace Contoso.LowLevel;

                public static class Program
                {
                    public static async Task Main(string[] args)
                    {
                        var builder = Host.CreateApplicationBuilder(args);
                        builder.Services.AddMcpServer()
                            .WithStdioServerTransport()
                            .WithCallToolHandler(async (request, cancellationToken) =>
                            {
                                var arguments = request.Params?.Arguments;
                                if (request.Params?.Name == "cat" && arguments != null && arguments.TryGetValue("path", out var path))
                                {
                                    var text = await File.ReadAllTextAsync([|path.GetString()|]!, cancellationToken);
                                    return new CallToolResult { Content = [new TextContentBlock { Text = text }] };
                                }

                                if (request.Params?.Name == "run")
                                {
                                    var command = request.Params.Arguments!["command"].GetString()!;
                                    Process.Start("/bin/sh", [|"-c " + command|]);
                                }

                                return new CallToolResult { Content = [new TextContentBlock { Text = "unknown tool" }], IsError = true };
                            });
                        await builder.Build().RunAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SwitchStatementThatThrowsOnTheRestValidates()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using Microsoft.SemanticKernel;

                namespace Contoso.Docs;

                public sealed class ConvertPlugin
                {
                    [KernelFunction]
                    public void Convert(string format, string file)
                    {
                        switch (format)
                        {
                            case "pdf":
                            case "html":
                            case "docx":
                                break;
                            default:
                                throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported format.");
                        }

                        Process.Start("pandoc", $"--to {format} /srv/in.md");
                        Process.Start("pandoc", [|$"--to {format} {file}"|]);
                    }

                    [KernelFunction]
                    public void ConvertLoosely(string format)
                    {
                        switch (format)
                        {
                            case "pdf":
                                break;
                            default:
                                Console.WriteLine("unknown format");
                                break;
                        }

                        Process.Start("pandoc", [|"--to " + format|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task HostAllowListGuardsAnOutboundUrl()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.ComponentModel;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                namespace Contoso.Fetch;

                [McpServerToolType]
                public sealed class FetchTools(HttpClient http)
                {
                    private static readonly HashSet<string> AllowedHosts = new(StringComparer.OrdinalIgnoreCase) { "learn.microsoft.com", "docs.github.com" };

                    [McpServerTool, Description("Fetches a documentation page.")]
                    public async Task<string> FetchDocs(string url, CancellationToken cancellationToken)
                    {
                        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !AllowedHosts.Contains(uri.Host))
                        {
                            return "Only documentation sites are allowed.";
                        }

                        return await http.GetStringAsync(uri, cancellationToken);
                    }

                    [McpServerTool, Description("Fetches a page of the docs site.")]
                    public async Task<string> FetchOne(string url, CancellationToken cancellationToken)
                    {
                        var uri = new Uri(url);
                        if (uri.Host != "learn.microsoft.com")
                        {
                            throw new InvalidOperationException("Host not allowed.");
                        }

                        return await http.GetStringAsync(uri, cancellationToken);
                    }

                    [McpServerTool, Description("Fetches a GitHub API resource.")]
                    public async Task<string> FetchGitHub(string url, CancellationToken cancellationToken)
                    {
                        var uri = new Uri(url, UriKind.Absolute);
                        if (!uri.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase) || !string.Equals(uri.Scheme, "https", StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException("Only the GitHub API.");
                        }

                        return await http.GetStringAsync(uri, cancellationToken);
                    }

                    [McpServerTool, Description("Fetches a page unless it is a blocked host.")]
                    public async Task<string> FetchUnlessBlocked(string url, CancellationToken cancellationToken)
                    {
                        var uri = new Uri(url, UriKind.Absolute);
                        if (uri.Host.Equals("169.254.169.254", StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException("Blocked.");
                        }

                        return await http.GetStringAsync([|uri|], cancellationToken);
                    }

                    [McpServerTool, Description("Fetches a page named by an allow-list.")]
                    public async Task<string> FetchListed(string url, CancellationToken cancellationToken)
                    {
                        var target = url.Trim();
                        if (target is not ("https://learn.microsoft.com/dotnet" or "https://docs.github.com/en"))
                        {
                            return "refused";
                        }

                        return await http.GetStringAsync(target, cancellationToken);
                    }

                    [McpServerTool, Description("Fetches a page.")]
                    public async Task<string> FetchChecked(string url, CancellationToken cancellationToken)
                    {
                        var uri = new Uri(url);
                        if (uri.Host.Length == 0)
                        {
                            throw new InvalidOperationException("No host.");
                        }

                        return await http.GetStringAsync([|uri|], cancellationToken);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ComponentFieldWrittenInOneMethodRenderedInAnother()
            => Verify.AnalyzeAsync("""
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.AspNetCore.Components.Rendering;
                using Microsoft.Extensions.AI;

                namespace Contoso.Web;

                public sealed class AnswerView : ComponentBase
                {
                    private string _answer = "";
                    private string _title = "Answer";
                    private string _encoded = "";

                    [Inject] public IChatClient Chat { get; set; } = default!;

                    [Parameter] public string Question { get; set; } = "";

                    protected override async Task OnParametersSetAsync()
                    {
                        var response = await Chat.GetResponseAsync(Question);
                        _answer = response.Text;
                        _encoded = WebUtility.HtmlEncode(response.Text);
                    }

                    private MarkupString Rendered => new MarkupString([|_answer|]);

                    protected override void BuildRenderTree(RenderTreeBuilder builder)
                    {
                        builder.OpenElement(0, "h2");
                        builder.AddContent(1, (MarkupString)_title);
                        builder.CloseElement();
                        builder.AddContent(2, (MarkupString)[|_answer|]);
                        builder.AddMarkupContent(3, [|_answer|]);
                        builder.AddMarkupContent(4, _encoded);
                        builder.AddContent(5, Rendered);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task StateKeptInFieldsAcrossMethods()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Configuration;

                namespace Contoso.State;

                public sealed class GitRunner(string repository)
                {
                    private readonly string _repository = repository;

                    public void Pull() => Process.Start("git", [|"-C " + _repository + " pull"|]);
                }

                public sealed class PlanExecutor(IChatClient chat, IConfiguration configuration)
                {
                    private static readonly HashSet<string> Allowed = new() { "status", "log" };
                    private readonly string _workDir = configuration["Work:Directory"] ?? "/srv/work";
                    private string _lastCommand = "status";
                    private string _lastFile = "";

                    public async Task PlanAsync(string goal)
                    {
                        var response = await chat.GetResponseAsync("Pick one git command for: " + goal);
                        _lastCommand = response.Text.Trim();
                        _lastFile = (await chat.GetResponseAsync("Which file? " + goal)).Text;
                        new GitRunner(response.Text).Pull();
                        new GitRunner(_workDir).Pull();
                    }

                    public void Execute()
                    {
                        Process.Start("git", [|_lastCommand|]);
                        File.Delete([|Path.Combine(_workDir, _lastFile)|]);
                        File.Delete(Path.Combine(_workDir, "plan.lock"));
                    }

                    public void ExecuteChecked()
                    {
                        if (!Allowed.Contains(_lastCommand))
                        {
                            throw new InvalidOperationException("Not allowed.");
                        }

                        Process.Start("git", _lastCommand);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task StreamedThroughAnAsyncIteratorHelper()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                namespace Contoso.Stream;

                public sealed class Narrator(IChatClient chat)
                {
                    public async IAsyncEnumerable<string> TokensAsync(string topic, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        await foreach (var update in chat.GetStreamingResponseAsync("Tell me about " + topic, cancellationToken: cancellationToken))
                        {
                            if (!string.IsNullOrEmpty(update.Text))
                            {
                                yield return update.Text;
                            }
                        }
                    }

                    public async Task<IHtmlContent> RenderAsync(string topic)
                    {
                        var html = new StringBuilder("<article>");
                        await foreach (var token in TokensAsync(topic))
                        {
                            html.Append(token);
                        }

                        html.Append("</article>");
                        return new HtmlString([|html.ToString()|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SinkBehindAnInjectedInterface()
            => Verify.AnalyzeAsync("""
                using System.ComponentModel;
                using System.Diagnostics;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                namespace Contoso.Runner;

                public interface ICommandRunner
                {
                    Task<int> RunAsync(string program, string arguments);
                }

                public sealed class CommandRunner : ICommandRunner
                {
                    public async Task<int> RunAsync(string program, string arguments)
                    {
                        using var process = Process.Start([|program|], [|arguments|])!;
                        await process.WaitForExitAsync();
                        return process.ExitCode;
                    }
                }

                [McpServerToolType]
                public sealed class BuildTools(ICommandRunner runner)
                {
                    [McpServerTool, Description("Runs a build target.")]
                    public Task<int> Build(string target) => runner.RunAsync("make", target);

                    [McpServerTool, Description("Runs a program.")]
                    public Task<int> Run(string program) => runner.RunAsync(program, "--version");
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task HtmlResponsesBuiltByHand()
            => Verify.AnalyzeAsync("""
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Razor.TagHelpers;
                using Microsoft.Extensions.AI;

                namespace Contoso.Pages;

                [ApiController]
                [Route("answers")]
                public sealed class AnswersController(IChatClient chat) : ControllerBase
                {
                    [HttpGet("html")]
                    public async Task<ContentResult> Html(string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return new ContentResult { Content = [|response.Text|], ContentType = "text/html; charset=utf-8", StatusCode = 200 };
                    }

                    [HttpGet("text")]
                    public async Task<ContentResult> Text(string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return new ContentResult { Content = response.Text, ContentType = "text/plain" };
                    }
                }

                [HtmlTargetElement("ai-answer")]
                public sealed class AnswerTagHelper(IChatClient chat) : TagHelper
                {
                    public string Question { get; set; } = "";

                    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
                    {
                        var response = await chat.GetResponseAsync(Question);
                        output.TagName = "div";
                        output.Content.SetHtmlContent([|response.Text|]);
                        output.PostContent.AppendHtml([|"<hr/>" + response.Text|]);
                        output.PreContent.SetContent(response.Text);
                        output.PreContent.AppendHtml(WebUtility.HtmlEncode(response.Text));
                        var builder = new HtmlContentBuilder();
                        builder.AppendHtml([|response.Text|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task FixEncodesTagHelperContentResultAndRenderTreeMarkup()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components.Rendering;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Razor.TagHelpers;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public void Tag(TagHelperOutput output, ChatResponse response) => output.Content.SetHtmlContent([|response.Text|]);

                    public ContentResult Page(ChatResponse response) => new ContentResult { ContentType = "text/html", Content = [|response.Text|] };

                    public void Render(RenderTreeBuilder builder, ChatResponse response) => builder.AddMarkupContent(0, [|response.Text|]);
                }
                """, """
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components.Rendering;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Razor.TagHelpers;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public void Tag(TagHelperOutput output, ChatResponse response) => output.Content.SetHtmlContent(WebUtility.HtmlEncode(response.Text));

                    public ContentResult Page(ChatResponse response) => new ContentResult { ContentType = "text/html", Content = WebUtility.HtmlEncode(response.Text) };

                    public void Render(RenderTreeBuilder builder, ChatResponse response) => builder.AddMarkupContent(0, WebUtility.HtmlEncode(response.Text));
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task FixEncodesAComponentFieldRenderedAsMarkup()
        {
            var test = new Verify.Test
            {
                TestCode = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.Extensions.AI;

                public sealed class AnswerView : ComponentBase
                {
                    private string _answer = "";

                    [Inject] public IChatClient Chat { get; set; } = default!;

                    protected override async Task OnInitializedAsync() => _answer = (await Chat.GetResponseAsync("Hello")).Text;

                    public MarkupString Answer => new MarkupString([|_answer|]);
                }
                """,
                FixedCode = """
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.Extensions.AI;

                public sealed class AnswerView : ComponentBase
                {
                    private string _answer = "";

                    [Inject] public IChatClient Chat { get; set; } = default!;

                    protected override async Task OnInitializedAsync() => _answer = (await Chat.GetResponseAsync("Hello")).Text;

                    public MarkupString Answer => new MarkupString(WebUtility.HtmlEncode(_answer));
                }
                """,
                References = ReferenceCatalog.All,
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            };
            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task ProcessArgumentListsAndThirdPartyParsers()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Data.Common;
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using ModelContextProtocol.Server;
                using Newtonsoft.Json;
                using Newtonsoft.Json.Linq;

                namespace Contoso.Git;

                public sealed class MergePlan
                {
                    public string Branch { get; set; } = "";
                    public string Sql { get; set; } = "";
                }

                [McpServerToolType]
                public static class GitTools
                {
                    [McpServerTool]
                    public static void Checkout(string branch)
                    {
                        Process.Start("git", [|new[] { "checkout", branch }|]);
                        Process.Start("git", [|["switch", branch]|]);
                        Process.Start(new ProcessStartInfo("git", [|new List<string> { "fetch", branch }|]));
                        Process.Start("git", new[] { "status", "--short" });
                    }
                }

                public sealed class MergeAgent(IChatClient chat, DbConnection connection)
                {
                    public async Task MergeAsync(string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        var plan = JsonConvert.DeserializeObject<MergePlan>(response.Text)!;
                        Process.Start("git", [|"merge " + plan.Branch|]);
                        var json = JObject.Parse(response.Text);
                        await using var command = connection.CreateCommand();
                        command.CommandText = [|(string)json["sql"]!|];
                        command.CommandText = [|json.Value<string>("sql")|];
                        command.CommandText = [|json["sql"]!.ToString()|];
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task MarkdownRenderedToHtml()
        {
            var test = new Verify.Test
            {
                TestCode = """
                using System.Net;
                using System.Threading.Tasks;
                using Markdig;
                using Microsoft.AspNetCore.Components;
                using Microsoft.Extensions.AI;

                namespace Contoso.Chat;

                public sealed class ChatMessageView : ComponentBase
                {
                    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

                    [Inject] public IChatClient Chat { get; set; } = default!;

                    public async Task<MarkupString> RenderAsync(string question)
                    {
                        var response = await Chat.GetResponseAsync(question);
                        return new MarkupString([|Markdown.ToHtml(response.Text, Pipeline)|]);
                    }

                    public async Task<MarkupString> RenderEncodedAsync(string question)
                    {
                        var response = await Chat.GetResponseAsync(question);
                        return new MarkupString(Markdown.ToHtml(WebUtility.HtmlEncode(response.Text), Pipeline));
                    }
                }
                """,
                References = ReferenceCatalog.All,
            };
            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task McpResourcesPromptsAndSampling()
            => Verify.AnalyzeAsync("""
                using System.ComponentModel;
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using ModelContextProtocol.Protocol;
                using ModelContextProtocol.Server;

                namespace Contoso.Docs;

                [McpServerResourceType]
                public static class DocResources
                {
                    [McpServerResource(UriTemplate = "docs://{name}", Name = "Document"), Description("A document.")]
                    public static string Document(string name) => File.ReadAllText([|Path.Combine("/srv/docs", name)|]);

                    [McpServerResource(UriTemplate = "docs://index", Name = "Index")]
                    public static string Index() => File.ReadAllText("/srv/docs/index.md");
                }

                [McpServerPromptType]
                public static class DocPrompts
                {
                    [McpServerPrompt, Description("Review a document.")]
                    public static ChatMessage Review(string name) => new(ChatRole.User, "Review this: " + File.ReadAllText([|"/srv/docs/" + name|]));
                }

                [McpServerToolType]
                public static class SamplingTools
                {
                    [McpServerTool, Description("Asks the client's model for a command and runs it.")]
                    public static async Task<string> Suggest(McpServer server, CancellationToken cancellationToken)
                    {
                        var result = await server.SampleAsync(new CreateMessageRequestParams
                        {
                            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = "Suggest a shell command." }] }],
                            MaxTokens = 100,
                        }, cancellationToken);
                        var command = result.Content.OfType<TextContentBlock>().First().Text;
                        Process.Start("/bin/sh", [|"-c " + command|]);
                        var response = await server.SampleAsync([new ChatMessage(ChatRole.User, "Name a file.")], cancellationToken: cancellationToken);
                        return File.ReadAllText([|response.Text|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ProjectServicesInjectedIntoToolsAreNoSources()
            => Verify.AnalyzeAsync("""
                using System.ComponentModel;
                using System.Diagnostics;
                using System.IO;
                using Microsoft.Extensions.Configuration;
                using ModelContextProtocol.Server;

                namespace Contoso.Workspace;

                public sealed class GitWorkspace(IConfiguration configuration)
                {
                    public string Root { get; } = configuration["Workspace:Root"] ?? "/srv/workspace";

                    public string Resolve(string relative) => Path.Combine(Root, Path.GetFileName(relative));
                }

                public sealed class WorkspacePaths
                {
                    public string Logs => "/var/log/workspace";
                }

                public sealed class SearchRequest
                {
                    public string Folder { get; set; } = "";
                    public int Limit { get; set; }
                }

                public sealed record MoveRequest(string From, string To);

                [McpServerToolType]
                public static class WorkspaceTools
                {
                    [McpServerTool, Description("Shows the workspace status.")]
                    public static string Status(GitWorkspace workspace, WorkspacePaths paths)
                    {
                        using var process = Process.Start(new ProcessStartInfo("git", "status") { WorkingDirectory = workspace.Root })!;
                        return File.ReadAllText(Path.Combine(paths.Logs, "status.log")) + File.ReadAllText(workspace.Resolve("HEAD"));
                    }

                    [McpServerTool, Description("Searches a folder.")]
                    public static string[] Search(SearchRequest request) => Directory.GetFiles([|request.Folder|]);

                    [McpServerTool, Description("Moves a file.")]
                    public static void Move(MoveRequest request) => File.Move([|request.From|], [|request.To|]);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task AgentFrameworkResponses()
        {
            var test = new Verify.Test
            {
                TestCode = """
                using System.Data.Common;
                using System.Diagnostics;
                using System.Text;
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;

                namespace Contoso.Agents;

                public sealed class OpsAgent(AIAgent agent, DbDataSource dataSource)
                {
                    public async Task<int> RunAsync(string goal)
                    {
                        AgentResponse response = await agent.RunAsync("Write one SQL statement for: " + goal);
                        await using var command = dataSource.CreateCommand([|response.Text|]);
                        var script = new StringBuilder();
                        await foreach (var update in agent.RunStreamingAsync("Write a shell script for: " + goal))
                        {
                            script.Append(update.Text);
                        }

                        Process.Start("/bin/sh", [|"-c " + script|]);
                        return await command.ExecuteNonQueryAsync();
                    }
                }
                """,
                References = ReferenceCatalog.All,
            };
            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task ConfiguredAllowListsAndPlansOfSteps()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Options;

                namespace Contoso.Planner;

                public sealed class PlannerOptions
                {
                    public HashSet<string> AllowedPrograms { get; set; } = new();
                    public string Root { get; set; } = "/srv/planner";
                }

                public sealed record Step(string Program, string Arguments);
                public sealed record Plan(List<Step> Steps, List<string> Files);

                public sealed class Planner(IChatClient chat, IOptions<PlannerOptions> options)
                {
                    private readonly PlannerOptions _options = options.Value;

                    public async Task RunAsync(string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        var plan = JsonSerializer.Deserialize<Plan>(response.Text)!;
                        foreach (var step in plan.Steps)
                        {
                            if (!_options.AllowedPrograms.Contains(step.Program))
                            {
                                continue;
                            }

                            Process.Start(step.Program, [|step.Arguments|]);
                        }

                        foreach (var step in plan.Steps)
                        {
                            Process.Start([|step.Program|]);
                        }

                        var targets = plan.Files.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).Select(f => Path.Combine(_options.Root, f));
                        foreach (var target in targets)
                        {
                            File.Delete([|target|]);
                        }

                        var known = plan.Files.ToHashSet();
                        var pick = response.Text.Trim();
                        if (known.Contains(pick))
                        {
                            Process.Start([|pick|]);
                        }
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SequencesOfParsedNumbersCarryNoText()
            => Verify.AnalyzeAsync("""
                using System.ComponentModel;
                using System.Data.Common;
                using System.Linq;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                namespace Contoso.Tickets;

                [McpServerToolType]
                public sealed class TicketTools(DbConnection connection)
                {
                    [McpServerTool, Description("Closes tickets by id, comma separated.")]
                    public async Task<int> Close(string ids, string reason)
                    {
                        var numbers = ids.Split(',').Select(int.Parse).ToList();
                        var guids = ids.Split(',').Select(System.Guid.Parse).ToArray();
                        await using var command = connection.CreateCommand();
                        command.CommandText = $"UPDATE tickets SET closed = true WHERE id IN ({string.Join(",", numbers)}) OR key IN ('{string.Join("','", guids)}')";
                        await command.ExecuteNonQueryAsync();
                        var letters = new string(reason.Where(char.IsLetter).ToArray());
                        command.CommandText = [|$"UPDATE tickets SET reason = '{letters}'"|];
                        command.CommandText = [|$"UPDATE tickets SET tag = '{string.Join(",", ids.Split(',').Select(s => s.Trim()))}'"|];
                        return await command.ExecuteNonQueryAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task VoidValidatorCalledBeforeTheSink()
            => Verify.AnalyzeAsync("""
                using System;
                using System.IO;
                using ModelContextProtocol.Server;

                namespace Contoso.Files;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class OutputValidatorAttribute : Attribute { }

                public static class PathGuard
                {
                    [OutputValidator]
                    public static void EnsureRelative(string path)
                    {
                        if (Path.IsPathRooted(path) || path.Contains(".."))
                        {
                            throw new UnauthorizedAccessException(path);
                        }
                    }

                    public static void Log(string path) => Console.WriteLine(path);
                }

                [McpServerToolType]
                public static class FileTools
                {
                    [McpServerTool]
                    public static string Read(string path)
                    {
                        PathGuard.EnsureRelative(path);
                        return File.ReadAllText(Path.Combine("/srv/files", path));
                    }

                    [McpServerTool]
                    public static string ReadLogged(string path)
                    {
                        PathGuard.Log(path);
                        return File.ReadAllText([|Path.Combine("/srv/files", path)|]);
                    }
                }
                """, ReferenceCatalog.All);
    }
}
