using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC003 on service-shaped code: streamed output gathered in a builder, structured output deserialized into
    /// records, tools in classes with injected services; each positive beside its safe twin.
    /// </summary>
    public class RealisticModelOutputFlowTests
    {
        [Fact]
        public Task StreamedOutputGatheredInABuilder()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using System.Net.Http;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Hosting;

                namespace Contoso.Ops;

                public sealed class RunbookWorker(IChatClient chat, IHttpClientFactory httpFactory, IHostEnvironment environment) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        var command = new StringBuilder();
                        await foreach (var update in chat.GetStreamingResponseAsync("Which shell command restarts the cache?", cancellationToken: stoppingToken))
                        {
                            command.Append(update.Text);
                        }

                        Process.Start("/bin/sh", [|"-c " + command|]);
                        Process.Start(new ProcessStartInfo("/usr/bin/systemctl") { ArgumentList = { "restart", [|command.ToString()|] } });

                        var name = new StringBuilder();
                        await foreach (var update in chat.GetStreamingResponseAsync("Name the report file.", cancellationToken: stoppingToken))
                        {
                            name.Append(update.Text);
                        }

                        var root = Path.Combine(environment.ContentRootPath, "reports");
                        await File.WriteAllTextAsync([|Path.Combine(root, name.ToString())|], "report", stoppingToken);
                        await File.WriteAllTextAsync(Path.Combine(root, Path.GetFileName(name.ToString())), "report", stoppingToken);

                        var url = new StringBuilder();
                        await foreach (var update in chat.GetStreamingResponseAsync("Which status page should I check?", cancellationToken: stoppingToken))
                        {
                            url.Append(update.Text);
                        }

                        var http = httpFactory.CreateClient("status");
                        using var status = await http.GetAsync([|url.ToString()|], stoppingToken);
                        using var escaped = await http.GetAsync("https://status.contoso.com/pages/" + Uri.EscapeDataString(url.ToString()), stoppingToken);

                        var count = new StringBuilder();
                        await foreach (var update in chat.GetStreamingResponseAsync("How many workers?", cancellationToken: stoppingToken))
                        {
                            count.Append(update.Text);
                        }

                        var workers = int.Parse(count.ToString());
                        Process.Start("/usr/bin/scale", $"--workers {workers}");
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task StructuredOutputDeserializedIntoRecords()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Data;
                using System.Linq;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Dapper;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Reports;

                public sealed record QueryPlan(string Sql, string Customer, int Limit);
                public sealed record Order(int Id, string Customer, decimal Total);

                [ApiController]
                [Route("api/reports")]
                public sealed class ReportsController(IChatClient chat, IDbConnection db) : ControllerBase
                {
                    [HttpGet]
                    public async Task<IActionResult> Ask(string question)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, "Reply with a JSON object {\"sql\":…,\"customer\":…,\"limit\":…}."),
                            new ChatMessage(ChatRole.User, question),
                        ]);
                        var plan = JsonSerializer.Deserialize<QueryPlan>(response.Text)!;
                        var raw = await db.QueryAsync<Order>([|plan.Sql|]);
                        var built = await db.QueryAsync<Order>([|$"select * from orders where customer = '{plan.Customer}'"|]);
                        var parameterized = await db.QueryAsync<Order>("select * from orders where customer = @customer", new { customer = plan.Customer });
                        var limited = await db.QueryAsync<Order>($"select top {plan.Limit} * from orders");
                        var parsed = int.Parse(response.Text);
                        var counted = await db.ExecuteScalarAsync<int>("select count(*) from orders where id > " + parsed);
                        return Ok(raw.Concat(built).Concat(parameterized).Concat(limited).Count() + counted);
                    }

                    [HttpGet("typed")]
                    public async Task<IActionResult> Typed(string question)
                    {
                        var response = await chat.GetResponseAsync<QueryPlan>(question);
                        var rows = await db.QueryAsync<Order>([|response.Result.Sql|]);
                        var safe = await db.QueryAsync<Order>("select * from orders where customer = @c", new { c = response.Result.Customer });
                        return Ok(rows.Concat(safe));
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ToolsInClassesWithInjectedServices()
            => Verify.AnalyzeAsync("""
                using System.ComponentModel;
                using System.Data.Common;
                using System.Diagnostics;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.Logging;
                using Microsoft.SemanticKernel;
                using ModelContextProtocol.Server;

                namespace Contoso.Tools;

                public enum Format { Markdown, Html }

                [McpServerToolType]
                public sealed class DocumentTools(IWebHostEnvironment environment, ILogger<DocumentTools> logger, DbDataSource dataSource)
                {
                    [McpServerTool, Description("Reads a document from the docs folder.")]
                    public async Task<string> ReadDocument([Description("The document's file name.")] string name, CancellationToken cancellationToken)
                    {
                        logger.LogInformation("Reading {Name}", name);
                        var path = Path.Combine(environment.ContentRootPath, "docs", name);
                        return await File.ReadAllTextAsync([|path|], cancellationToken);
                    }

                    [McpServerTool, Description("Reads a document by its file name only.")]
                    public Task<string> ReadByFileName([Description("The document's file name.")] string name, Format format)
                        => File.ReadAllTextAsync(Path.Combine(environment.ContentRootPath, "docs", Path.GetFileName(name) + (format == Format.Html ? ".html" : ".md")));

                    [McpServerTool, Description("Counts documents by tag.")]
                    public async Task<object?> CountByTag([Description("The tag.")] string tag, [Description("Newest first.")] bool newest)
                    {
                        await using var byText = dataSource.CreateCommand([|"select count(*) from docs where tag = '" + tag + "'"|]);
                        await using var byParameter = dataSource.CreateCommand("select count(*) from docs where tag = $1");
                        byParameter.Parameters.Add(byParameter.CreateParameter());
                        byParameter.Parameters[0].Value = tag;
                        return await byText.ExecuteScalarAsync() ?? await byParameter.ExecuteScalarAsync();
                    }
                }

                public sealed class OpsPlugin(IHttpClientFactory httpFactory)
                {
                    [KernelFunction("restart_service"), Description("Restarts a service on the host.")]
                    public string Restart([Description("The service name.")] string service, [Description("Seconds to wait.")] int delay)
                    {
                        using var process = Process.Start("systemctl", [|$"restart {service}"|]);
                        using var fixedOne = Process.Start("systemctl", $"restart api --delay {delay}");
                        return "restarted";
                    }

                    [KernelFunction, Description("Fetches a status page.")]
                    public Task<string> Status([Description("The page URL.")] string url)
                        => httpFactory.CreateClient().GetStringAsync([|url|]);
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task OutputOfEverySdkShapeInOneController()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using System.Net.Http;
                using System.Text;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Logging;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;
                using Npgsql;
                using OpenAI.Chat;

                namespace Contoso.Output;

                public enum OpsAction { Status, Restart }
                public sealed record Plan(string Command, string Target);
                public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options);

                public interface ISummaryService { Task<string> SummarizeAsync(string text, CancellationToken ct); }

                public sealed class SummaryService(IChatClient chat) : ISummaryService
                {
                    public async Task<string> SummarizeAsync(string text, CancellationToken ct)
                        => (await chat.GetResponseAsync("Summarize as HTML: " + text, cancellationToken: ct)).Text;
                }

                [ApiController]
                [Route("api/out")]
                public sealed class OutputController(ISummaryService summaries, ChatClient openai, Kernel kernel, IChatCompletionService completion, AppDb db, NpgsqlDataSource dataSource, HttpClient http, ILogger<OutputController> logger) : Controller
                {
                    private static readonly string[] AllowedCommands = ["status", "uptime"];

                    [HttpPost("summary")]
                    public async Task<IActionResult> Summary(string text, CancellationToken ct)
                    {
                        var html = await summaries.SummarizeAsync(text, ct);
                        logger.LogInformation("Summary {Summary}", html);
                        return Content([|html|], "text/html");
                    }

                    [HttpPost("plain")]
                    public async Task<IActionResult> Plain(string text, CancellationToken ct) => Content(await summaries.SummarizeAsync(text, ct), "text/plain");

                    [HttpPost("openai")]
                    public async Task<int> OpenAi(string question)
                    {
                        ClientResult<ChatCompletion> result = await openai.CompleteChatAsync(question);
                        var sql = result.Value.Content[0].Text;
                        await using var command = dataSource.CreateCommand([|sql|]);
                        var sb = new StringBuilder();
                        await foreach (var update in openai.CompleteChatStreamingAsync(question))
                        {
                            foreach (var part in update.ContentUpdate)
                            {
                                sb.Append(part.Text);
                            }
                        }

                        Process.Start("/bin/sh", [|sb.ToString()|]);
                        System.IO.File.WriteAllText("last-answer.txt", sb.ToString());
                        return await command.ExecuteNonQueryAsync();
                    }

                    [HttpPost("sk")]
                    public async Task<string> Sk(string topic)
                    {
                        var result = await kernel.InvokePromptAsync("Suggest a shell command to inspect the host.");
                        var command = result.GetValue<string>()!;
                        Process.Start([|command|]);
                        var history = new ChatHistory("You name files.");
                        history.AddUserMessage(topic);
                        Microsoft.SemanticKernel.ChatMessageContent reply = await completion.GetChatMessageContentAsync(history);
                        System.IO.File.Delete([|reply.Content|]!);
                        var streamed = new StringBuilder();
                        await foreach (var chunk in completion.GetStreamingChatMessageContentsAsync(history))
                        {
                            streamed.Append(chunk.Content);
                        }

                        await db.Database.ExecuteSqlRawAsync([|streamed.ToString()|]);
                        await db.Database.ExecuteSqlAsync($"delete from notes where title = {streamed.ToString()}");
                        await db.Database.ExecuteSqlInterpolatedAsync($"delete from notes where title = {reply.Content}");
                        return command;
                    }

                    [HttpPost("json")]
                    public async Task<string> Json(IChatClient chat, string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        using var doc = JsonDocument.Parse(response.Text);
                        var sql = doc.RootElement.GetProperty("sql").GetString()!;
                        await using var command = dataSource.CreateCommand([|sql|]);
                        var plan = new Plan(response.Messages.Last().Text, "x");
                        Process.Start([|plan.Command|]);
                        var last = response.Messages[^1].Contents.OfType<Microsoft.Extensions.AI.TextContent>().First().Text;
                        Process.Start([|last|]);
                        return sql;
                    }

                    [HttpPost("allow")]
                    public async Task<string> Allow(IChatClient chat, string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        var cmd = response.Text.Trim();
                        if (!AllowedCommands.Contains(cmd))
                        {
                            return "refused";
                        }

                        Process.Start(cmd);
                        if (Enum.TryParse<OpsAction>(response.Text, out var action))
                        {
                            Process.Start("ops", action.ToString());
                        }

                        switch (response.Text)
                        {
                            case "status":
                            case "uptime":
                                Process.Start(response.Text);
                                break;
                        }

                        var psi = new ProcessStartInfo { FileName = "git", Arguments = [|$"checkout {response.Text}"|] };
                        Process.Start(psi);
                        if (Uri.TryCreate(response.Text, UriKind.Absolute, out var uri))
                        {
                            await http.GetAsync([|uri|]);
                        }

                        return cmd;
                    }

                    [HttpPost("tools")]
                    public async Task<string> Tools(IChatClient chat, string goal)
                    {
                        var read = AIFunctionFactory.Create((string path) => System.IO.File.ReadAllText([|path|]), "read_file");
                        var approved = new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string path) => System.IO.File.ReadAllText(path), "read_file_approved"));
                        var response = await chat.GetResponseAsync(goal, new ChatOptions { Tools = [read, approved] });
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.All);
    }
}
