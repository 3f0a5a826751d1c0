using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC003: LLM output reaches a dangerous sink unvalidated.</summary>
    public class ModelOutputTests
    {
        [Fact]
        public Task OpenAIOutputBecomesCommandText()
            => Verify.AnalyzeAsync("""
                using System.Data.Common;
                using System.Threading.Tasks;
                using OpenAI.Chat;

                class ReportService
                {
                    private readonly ChatClient _chat;
                    private readonly DbConnection _connection;

                    public ReportService(ChatClient chat, DbConnection connection) { _chat = chat; _connection = connection; }

                    public async Task<int> RunAsync(string question)
                    {
                        ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage("Write one SQL query that answers: " + question));
                        var sql = completion.Content[0].Text;
                        using var command = _connection.CreateCommand();
                        command.CommandText = [|sql|];
                        return await command.ExecuteNonQueryAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ExtensionsAIOutputInRawSql()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.AI;

                class CleanupJob
                {
                    public async Task RunAsync(IChatClient client, DbContext db)
                    {
                        var response = await client.GetResponseAsync("Which stale rows should be deleted? Answer with a DELETE statement.");
                        await db.Database.ExecuteSqlRawAsync([|response.Text|]);
                        var orders = db.Set<Order>().FromSqlRaw([|"SELECT * FROM Orders WHERE " + response.Messages[0].Text|]);
                    }
                }

                class Order { public int Id { get; set; } }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SemanticKernelOutputStartsAProcess()
            => Verify.AnalyzeAsync("""
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;

                class Operator
                {
                    public async Task FixAsync(Kernel kernel, string incident)
                    {
                        var command = await kernel.InvokePromptAsync<string>("Suggest a shell command to fix: {{$incident}}", new KernelArguments { ["incident"] = incident });
                        Process.Start("/bin/sh", [|$"-c \"{command}\""|]);

                        var result = await kernel.InvokePromptAsync("Name the tool to run");
                        var info = new ProcessStartInfo { FileName = [|result.ToString()|], UseShellExecute = false };
                        Process.Start(info);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task OllamaStreamIntoNpgsqlAndDapper()
            => Verify.AnalyzeAsync("""
                using System.Text;
                using System.Threading.Tasks;
                using Dapper;
                using Npgsql;
                using OllamaSharp;

                class Analyst
                {
                    public async Task<int> AskAsync(OllamaApiClient ollama, NpgsqlConnection connection, string question)
                    {
                        var chat = new Chat(ollama);
                        var sql = new StringBuilder();
                        await foreach (var token in chat.SendAsync(question))
                        {
                            sql.Append(token);
                        }

                        await using var command = new NpgsqlCommand([|sql.ToString()|], connection);
                        await connection.ExecuteAsync([|sql.ToString()|]);
                        return await command.ExecuteNonQueryAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task BedrockOutputStartsAProcess()
            => Verify.AnalyzeAsync("""
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;

                class Agent
                {
                    public async Task ActAsync(IAmazonBedrockRuntime bedrock, ConverseRequest request)
                    {
                        var response = await bedrock.ConverseAsync(request);
                        var text = response.Output.Message.Content[0].Text;
                        Process.Start([|text|]);
                    }
                }
                """, ReferenceCatalog.All, awsStubs: true);

        [Fact]
        public Task ModelOutputParsedAsJsonOrReadFromAStream()
            => Verify.AnalyzeAsync("""
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;
                using OpenAI.Chat;

                class ClaudeOnBedrock
                {
                    public async Task<int> RunAsync(IAmazonBedrockRuntime bedrock, InvokeModelRequest request, DbCommand command)
                    {
                        var response = await bedrock.InvokeModelAsync(request);
                        using var document = await JsonDocument.ParseAsync(response.Body);
                        var sql = document.RootElement.GetProperty("content")[0].GetProperty("text").GetString();
                        command.CommandText = [|sql|];

                        using var reader = new StreamReader(response.Body);
                        var raw = await reader.ReadToEndAsync();
                        Process.Start("sh", [|"-c " + raw|]);

                        var count = document.RootElement.GetProperty("usage").GetProperty("output_tokens").GetInt32();
                        command.CommandText = "select " + count;
                        return await command.ExecuteNonQueryAsync();
                    }
                }

                class ToolCalls
                {
                    public void Run(ChatCompletion completion)
                    {
                        foreach (var call in completion.ToolCalls)
                        {
                            using var arguments = JsonDocument.Parse(call.FunctionArguments);
                            if (arguments.RootElement.TryGetProperty("command", out var command))
                            {
                                Process.Start(new ProcessStartInfo { FileName = [|command.GetString()|] });
                            }
                        }
                    }
                }
                """, ReferenceCatalog.All, awsStubs: true);

        [Fact]
        public Task ProcessArgumentListEntries()
            => Verify.AnalyzeAsync("""
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class ShellTool
                {
                    public async Task RunAsync(IChatClient chat, string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        var command = response.Text.Trim();
                        var info = new ProcessStartInfo("/bin/bash") { ArgumentList = { "-c", [|command|] }, RedirectStandardOutput = true };
                        info.ArgumentList.Add([|response.Text|]);
                        info.ArgumentList.Add("--verbose");
                        Process.Start(info);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task StructuredResultsReturnedByAService()
            => Verify.AnalyzeAsync("""
                using System.Data.Common;
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using OpenAI.Chat;

                public sealed record GeneratedQuery(string Sql, int RowLimit);

                public sealed record ToolPlan(string Tool, string Arguments);

                public interface IQueryPlanner
                {
                    Task<GeneratedQuery> PlanAsync(string question);
                }

                public sealed class OpenAiQueryPlanner(ChatClient chat) : IQueryPlanner
                {
                    public async Task<GeneratedQuery> PlanAsync(string question)
                    {
                        ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage(question));
                        return new GeneratedQuery(completion.Content[0].Text, 100);
                    }
                }

                public sealed class ToolPlanner(IChatClient chat)
                {
                    public async Task<ToolPlan> PlanAsync(string goal)
                    {
                        var response = await chat.GetResponseAsync<ToolPlan>(goal);
                        return response.Result;
                    }

                    public ToolPlan Default() => new ToolPlan("git", "status");
                }

                public sealed class ReportRunner(IQueryPlanner planner, ToolPlanner tools, DbCommand command)
                {
                    public async Task<int> RunAsync(string question)
                    {
                        var query = await planner.PlanAsync(question);
                        command.CommandText = [|query.Sql|];
                        command.CommandText = "select * from reports limit " + query.RowLimit;
                        var plan = await tools.PlanAsync(question);
                        Process.Start([|plan.Tool|], [|plan.Arguments|]);
                        var fallback = tools.Default();
                        Process.Start(fallback.Tool, fallback.Arguments);
                        return await command.ExecuteNonQueryAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ToolArgumentsChosenByTheModel()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.ComponentModel;
                using System.Diagnostics;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;

                public sealed class ShellPlugin
                {
                    private static readonly HashSet<string> Allowed = new() { "uptime", "df" };

                    [KernelFunction, Description("Runs a shell command on the build agent")]
                    public string Run([Description("the command")] string command, int timeoutSeconds)
                    {
                        using var process = Process.Start("/bin/sh", [|$"-c \"{command}\""|]);
                        process.WaitForExit(timeoutSeconds * 1000);
                        return process.StandardOutput.ReadToEnd();
                    }

                    [KernelFunction]
                    public void RunAllowed(string command)
                    {
                        if (!Allowed.Contains(command))
                        {
                            return;
                        }

                        Process.Start(command);
                    }

                    public void NotATool(string command) => Process.Start(command);
                }

                public static class Tools
                {
                    public static AIFunction Shell() => AIFunctionFactory.Create((string command) => Process.Start("bash", [|"-c " + command|]), "shell");

                    public static KernelFunction Open() => KernelFunctionFactory.CreateFromMethod((string path) => Process.Start([|path|]), "open");
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task HelperParametersReachedByModelOutput()
            => Verify.AnalyzeAsync("""
                using System.Data.Common;
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;

                public sealed class OpsPlugin
                {
                    [KernelFunction]
                    public string Restart(string service) => RunProcess("systemctl", "restart " + service);

                    public string Uptime() => RunProcess("uptime", "");

                    [KernelFunction]
                    public string Disk(string mount) => mount switch
                    {
                        "/" or "/data" => RunProcess("df", mount),
                        _ => "not allowed",
                    };

                    [KernelFunction]
                    public string Status(string unit)
                    {
                        var checkedUnit = unit switch { "nginx" or "postgres" => unit, _ => "none" };
                        return RunProcess("systemctl", "status " + checkedUnit);
                    }

                    private static string RunProcess(string fileName, string arguments)
                    {
                        using var process = Process.Start(fileName, [|arguments|])!;
                        return process.StandardOutput.ReadToEnd();
                    }
                }

                public sealed class Reports(IChatClient chat, DbCommand command)
                {
                    public async Task<int> AskAsync(string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return await ExecuteAsync(response.Text);
                    }

                    public Task<int> CountAsync() => ExecuteAsync("select count(*) from reports");

                    private async Task<int> ExecuteAsync(string sql)
                    {
                        command.CommandText = [|sql|];
                        return await command.ExecuteNonQueryAsync();
                    }

                    private async Task<int> ConstantOnlyAsync(string sql)
                    {
                        command.CommandText = sql;
                        return await command.ExecuteNonQueryAsync();
                    }

                    public Task<int> Run() => ConstantOnlyAsync("delete from tmp");
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task HtmlSinks()
            => Verify.AnalyzeAsync("""
                using Microsoft.AspNetCore.Components;
                using Microsoft.AspNetCore.Html;
                using Microsoft.AspNetCore.Mvc.Rendering;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public IHtmlContent Summary(ChatResponse response) => new HtmlString([|response.Text|]);

                    public IHtmlContent Raw(IHtmlHelper html, ChatResponse response) => html.Raw([|response.Text|]);

                    public MarkupString Markup(ChatResponse response) => (MarkupString)[|response.Text|];

                    public MarkupString Markup2(ChatResponse response) => new MarkupString([|response.Text|]);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public async Task MessageNamesOriginSinkAndAdvice()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Diagnostics;
                    using Microsoft.Extensions.AI;

                    class Agent
                    {
                        public void Act(ChatResponse response) => Process.Start({|#0:response.Text|});
                    }
                    """,
                References = ReferenceCatalog.All,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ModelOutputToDangerousSink).WithLocation(0)
                .WithArguments("'ChatResponse.Text'", "a process (Process.Start)", "map it to an allow-list of commands and arguments"));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public async Task HelperReachedByTwoCallersNamesTheFirstInSourceOrder()
        {
            // Helper arguments are evaluated at the end of the compilation, in source order: the caller the message
            // names does not depend on which method the driver happened to analyze first.
            var test = new Verify.Test
            {
                References = ReferenceCatalog.All,
            };
            test.TestState.Sources.Add(("/0/Runner.cs", """
                using System.Diagnostics;

                public static class Runner
                {
                    public static void Run(string command) => Process.Start({|#0:command|});
                }
                """));
            test.TestState.Sources.Add(("/0/Agents.cs", """
                using Microsoft.Extensions.AI;

                public sealed class FirstAgent
                {
                    public void Act(ChatResponse response) => Runner.Run(response.Text);
                }

                public sealed class SecondAgent
                {
                    public void Act(ChatResponse response) => Runner.Run(response.Text);
                }
                """));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ModelOutputToDangerousSink).WithLocation(0)
                .WithArguments("'ChatResponse.Text' (passed by FirstAgent.Act)", "a process (Process.Start)", "map it to an allow-list of commands and arguments"));
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task SilentInsideAnAllowListBranchOrCaseOrAfterAnAnchoredPattern()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Npgsql;

                class ToolRunner
                {
                    private static readonly HashSet<string> Allowed = new() { "git", "dotnet" };

                    public async Task RunAsync(IChatClient chat, string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        var tool = response.Text.Trim();
                        if (Allowed.Contains(tool))
                        {
                            Process.Start(tool);
                        }

                        if (!Allowed.Contains(tool))
                        {
                            Console.WriteLine("refused");
                        }
                        else
                        {
                            Process.Start(tool, "--version");
                        }
                   
                        switch (tool)
                        {
                            case "git":
                            case "dotnet":
                                Process.Start(tool, "--info");
                                break;
                            default:
                                Process.Start("echo", [|tool|]);
                                break;
                        }
                    }

                    public async Task<object?> CountAsync(IChatClient chat, NpgsqlDataSource dataSource, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        var table = response.Text.Trim();
                        if (!Regex.IsMatch(table, "^[A-Za-z_][A-Za-z0-9_]*$"))
                        {
                            throw new InvalidOperationException("not a table name");
                        }

                        await using var command = dataSource.CreateCommand($"select count(*) from \"{table}\"");
                        return await command.ExecuteScalarAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SubstringDenyListIsNoValidation()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Npgsql;

                class TextToSql
                {
                    public async Task<int> RunAsync(IChatClient chat, NpgsqlDataSource dataSource, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        var sql = response.Text;
                        if (sql.Contains("DROP", StringComparison.OrdinalIgnoreCase) || sql.Contains("DELETE", StringComparison.OrdinalIgnoreCase))
                        {
                            throw new InvalidOperationException("destructive SQL");
                        }

                        if (Regex.IsMatch(sql, "TRUNCATE"))
                        {
                            return 0;
                        }

                        await using var command = dataSource.CreateCommand([|sql|]);
                        return await command.ExecuteNonQueryAsync();
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SilentWhenParameterizedEncodedParsedOrValidated()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Data.Common;
                using System.Diagnostics;
                using System.Net;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class OutputValidatorAttribute : Attribute { }

                class Safe
                {
                    private static readonly HashSet<string> AllowedTools = new() { "ls", "df" };

                    [OutputValidator]
                    private static string CheckSql(string sql) => sql.StartsWith("SELECT ", StringComparison.Ordinal) ? sql : throw new InvalidOperationException();

                    public void Run(ChatResponse response, DbCommand command)
                    {
                        command.CommandText = "SELECT * FROM Orders WHERE Name = @name";
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "@name";
                        parameter.Value = response.Text;
                        command.Parameters.Add(parameter);

                        command.CommandText = $"SELECT * FROM Orders LIMIT {int.Parse(response.Text)}";
                        command.CommandText = CheckSql(response.Text);

                        var encoded = new HtmlString(WebUtility.HtmlEncode(response.Text));

                        var tool = response.Text.Trim();
                        if (!AllowedTools.Contains(tool))
                        {
                            return;
                        }

                        Process.Start(tool);

                        var mode = response.Text switch { "fast" => "--fast", _ => "--safe" };
                        Process.Start("optimizer", mode);
                        Process.Start("optimizer", response.Text == "fast" ? "--fast" : "--safe");
                    }

                    public void NotModelOutput(DbCommand command, string table)
                    {
                        command.CommandText = "SELECT * FROM " + table;
                        Process.Start("git", "status");
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task AcrossMethodsAndInterfaces()
            => Verify.AnalyzeAsync("""
                using System.Data.Common;
                using System.Diagnostics;
                using System.Threading.Tasks;
                using OpenAI.Chat;

                public interface ISqlWriter
                {
                    Task<string> WriteSqlAsync(string question);
                }

                public sealed class SqlWriter : ISqlWriter
                {
                    private readonly ChatClient _chat;

                    public SqlWriter(ChatClient chat) => _chat = chat;

                    public async Task<string> WriteSqlAsync(string question)
                    {
                        ChatCompletion completion = await _chat.CompleteChatAsync("Write SQL for: " + question);
                        return completion.Content[0].Text;
                    }

                    public async Task<string> WriteCommandAsync(string goal) => Trim(await WriteSqlAsync(goal));

                    private static string Trim(string text) => text.Trim();
                }

                public sealed class ReportsController
                {
                    private readonly ISqlWriter _writer;
                    private readonly SqlWriter _concrete;

                    public ReportsController(ISqlWriter writer, SqlWriter concrete) { _writer = writer; _concrete = concrete; }

                    public async Task<int> Run(DbCommand command, string question)
                    {
                        var sql = await _writer.WriteSqlAsync(question);
                        command.CommandText = [|sql|];
                        Process.Start("psql", [|"-c " + await _concrete.WriteCommandAsync(question)|]);
                        command.CommandText = Describe(question);
                        return await command.ExecuteNonQueryAsync();
                    }

                    private static string Describe(string question) => "SELECT 1 -- " + question.Length;
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task NullChecksAreNoValidation()
            => Verify.AnalyzeAsync("""
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                class Agent
                {
                    public void Act(ChatResponse response)
                    {
                        var tool = response.Text;
                        if (tool is null || tool == null)
                        {
                            return;
                        }

                        Process.Start([|tool|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SilentWithoutModelSdk()
            => Verify.AnalyzeAsync("""
                using System.Data.Common;

                class Repository
                {
                    public void Run(DbCommand command, string text) => command.CommandText = text;
                }
                """, ReferenceCatalog.Net);

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                class Agent
                {
                    public void Act(ChatResponse response) => Process.Start(response.Text);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                class Agent
                {
                    public void Act(ChatResponse response) => Process.Start(response.
                    void M(System.Data.Common.DbCommand c) { c.CommandText = response.Text + ; }
                """, ReferenceCatalog.All, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task HtmlContentResponses()
            => Verify.AnalyzeAsync("""
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                class AnswerEndpoints
                {
                    public async Task<IResult> HtmlAsync(IChatClient chat, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return Results.Content([|$"<article>{response.Text}</article>"|], "text/html");
                    }

                    public async Task<IResult> TypedAsync(IChatClient chat, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return TypedResults.Content([|response.Text|], "text/html; charset=utf-8");
                    }

                    public async Task<IResult> PlainAsync(IChatClient chat, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return Results.Content(response.Text, "text/plain");
                    }

                    public async Task<IResult> EncodedAsync(IChatClient chat, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return Results.Content($"<article>{WebUtility.HtmlEncode(response.Text)}</article>", "text/html");
                    }
                }

                class AnswerController : Controller
                {
                    public async Task<IActionResult> Show([FromServices] IChatClient chat, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return Content([|"<div>" + response.Text + "</div>"|], "text/html");
                    }

                    public async Task<IActionResult> Json([FromServices] IChatClient chat, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        return Content(response.Text, "application/json");
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task FixHtmlEncodes()
            => Verify.FixAsync("""
                using Microsoft.AspNetCore.Html;
                using Microsoft.AspNetCore.Mvc.Rendering;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public IHtmlContent Summary(ChatResponse response) => new HtmlString([|response.Text|]);

                    public IHtmlContent Raw(IHtmlHelper html, ChatResponse response) => html.Raw([|response.Text|] /* model */);
                }
                """, """
                using System.Net;
                using Microsoft.AspNetCore.Html;
                using Microsoft.AspNetCore.Mvc.Rendering;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public IHtmlContent Summary(ChatResponse response) => new HtmlString(WebUtility.HtmlEncode(response.Text));

                    public IHtmlContent Raw(IHtmlHelper html, ChatResponse response) => html.Raw(WebUtility.HtmlEncode(response.Text) /* model */);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task FixEncodesOnlyTheHolesOfMarkupTemplates()
            => Verify.FixAsync("""
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public IHtmlContent Card(ChatResponse response, int votes)
                        => new HtmlString([|$"<div class=\"answer\">{response.Text}<span>{votes}</span></div>"|]);

                    public IHtmlContent Quote(ChatResponse response, string author)
                        => new HtmlString([|"<blockquote>" + response.Text + "</blockquote><cite>" + author + "</cite>"|]);
                }
                """, """
                using System.Net;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                class Rendering
                {
                    public IHtmlContent Card(ChatResponse response, int votes)
                        => new HtmlString($"<div class=\"answer\">{WebUtility.HtmlEncode(response.Text)}<span>{votes}</span></div>");

                    public IHtmlContent Quote(ChatResponse response, string author)
                        => new HtmlString("<blockquote>" + WebUtility.HtmlEncode(response.Text) + "</blockquote><cite>" + WebUtility.HtmlEncode(author) + "</cite>");
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task FixIsNotOfferedForSqlOrProcesses()
            => Verify.FixAsync("""
                using System.Data.Common;
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                class Agent
                {
                    public void Act(ChatResponse response, DbCommand command)
                    {
                        command.CommandText = [|response.Text|];
                        Process.Start([|response.Text|]);
                    }
                }
                """, """
                using System.Data.Common;
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                class Agent
                {
                    public void Act(ChatResponse response, DbCommand command)
                    {
                        command.CommandText = [|response.Text|];
                        Process.Start([|response.Text|]);
                    }
                }
                """, ReferenceCatalog.All);
        [Fact]
        public Task NullConditionalReadsOfModelOutput()
            => Verify.AnalyzeAsync("""
                using System.Data;
                using System.Diagnostics;
                using System.Linq;
                using System.Text;
                using System.Threading.Tasks;
                using Dapper;
                using Microsoft.Extensions.AI;
                using OllamaSharp;
                using OllamaSharp.Models.Chat;

                class Operator
                {
                    public async Task RunAsync(IOllamaApiClient ollama, ChatRequest request)
                    {
                        var arguments = new StringBuilder();
                        await foreach (var chunk in ollama.ChatAsync(request))
                        {
                            arguments.Append(chunk?.Message.Content);
                        }

                        Process.Start(new ProcessStartInfo("kubectl") { Arguments = [|arguments.ToString()|] });
                    }

                    public async Task ToolAsync(IChatClient chat, IDbConnection connection, string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().First();
                        var tool = call.Arguments?["tool"]?.ToString();
                        Process.Start(new ProcessStartInfo { FileName = [|tool|] });
                        connection.Execute([|response?.Text|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task AnthropicContentBlocksAndStreamingDeltas()
            => Verify.AnalyzeAsync("""
                using System.Text;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Microsoft.AspNetCore.Components;
                using Microsoft.AspNetCore.Html;

                class AnswerRenderer
                {
                    public async Task<HtmlString> RenderAsync(AnthropicClient client, MessageCreateParams parameters)
                    {
                        var message = await client.Messages.Create(parameters);
                        var html = new StringBuilder();
                        foreach (var block in message.Content)
                        {
                            if (block.TryPickText(out var text))
                            {
                                html.Append(text.Text);
                            }
                        }

                        return new HtmlString([|html.ToString()|]);
                    }

                    public async Task<MarkupString> StreamAsync(AnthropicClient client, MessageCreateParams parameters)
                    {
                        var answer = new StringBuilder();
                        await foreach (var streamEvent in client.Messages.CreateStreaming(parameters))
                        {
                            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var textDelta))
                            {
                                answer.Append(textDelta.Text);
                            }
                        }

                        return new MarkupString([|answer.ToString()|]);
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task DataSourceCommandsAndDapperCommandDefinitions()
            => Verify.AnalyzeAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Dapper;
                using Microsoft.Extensions.AI;
                using Npgsql;

                class ReportQueries
                {
                    public async Task<object?> ScalarAsync(IChatClient chat, NpgsqlDataSource dataSource, string question)
                    {
                        var response = await chat.GetResponseAsync(question);
                        await using var command = dataSource.CreateCommand([|response.Text|]);
                        await using var safe = dataSource.CreateCommand("select count(*) from docs where topic = $1");
                        safe.Parameters.AddWithValue(response.Text);
                        return await command.ExecuteScalarAsync();
                    }

                    public async Task<int> ExecuteAsync(IChatClient chat, NpgsqlConnection connection, string question, CancellationToken cancellationToken)
                    {
                        var response = await chat.GetResponseAsync(question, cancellationToken: cancellationToken);
                        await connection.ExecuteAsync(new CommandDefinition("update jobs set note = @note", new { note = response.Text }, cancellationToken: cancellationToken));
                        return await connection.ExecuteAsync(new CommandDefinition([|response.Text|], cancellationToken: cancellationToken));
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task FieldWrittenInTheSameMethodCarriesModelOutput()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.Extensions.AI;

                class AnswerView : ComponentBase
                {
                    [Inject] public IChatClient Chat { get; set; } = default!;
                    [Parameter] public string Question { get; set; } = "";
                    protected MarkupString Rendered { get; private set; }
                    private string _answer = "";
                    private string _title = "";

                    protected override async Task OnParametersSetAsync()
                    {
                        _title = "Answer";
                        await foreach (var update in Chat.GetStreamingResponseAsync(Question))
                        {
                            _answer += update.Text;
                            Rendered = (MarkupString)[|_answer|];
                        }

                        Rendered = (MarkupString)("<h2>" + _title + "</h2>");
                    }
                }
                """, ReferenceCatalog.All);
    }
}
