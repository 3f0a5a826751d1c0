using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC003 on harder agent and service code than the other suites: raw tool-call arguments read through
    /// <c>BinaryData</c>'s own methods, path containment written with <c>Path.GetRelativePath</c>, and the other shapes real
    /// MCP servers, Semantic Kernel plugins and Microsoft.Extensions.AI tools write; each positive beside its safe twin.
    /// </summary>
    public class ModelOutputHarderTests
    {
        private static async Task AnalyzeAsync(string source)
        {
            var test = new Verify.Test { TestCode = source, References = ReferenceCatalog.All };
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task ToolCallArgumentsReadThroughBinaryDataMethods()
            => AnalyzeAsync("""
                using System;
                using System.IO;
                using System.Net.Http;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Npgsql;
                using OpenAI.Chat;

                public sealed record QueryArgs(string Table, int Id);
                public sealed record ReadArgs(string Path);

                public sealed class ToolDispatcher(NpgsqlDataSource db, HttpClient http, string root)
                {
                    public async Task<string> QueryAsync(ChatToolCall call, CancellationToken ct)
                    {
                        var args = JsonSerializer.Deserialize<QueryArgs>(call.FunctionArguments.ToString())!;
                        await using var cmd = db.CreateCommand([|$"select row_to_json(t) from {args.Table} t where id = {args.Id}"|]);
                        return (string?)await cmd.ExecuteScalarAsync(ct) ?? "";
                    }

                    public async Task<int> DeleteAsync(ChatToolCall call, CancellationToken ct)
                    {
                        var args = JsonSerializer.Deserialize<QueryArgs>(call.FunctionArguments.ToString())!;
                        await using var cmd = db.CreateCommand($"delete from notes where id = {args.Id}");
                        return await cmd.ExecuteNonQueryAsync(ct);
                    }

                    public async Task<string> FetchAsync(ChatToolCall call, CancellationToken ct)
                    {
                        using var doc = JsonDocument.Parse(call.FunctionArguments.ToMemory());
                        if (!doc.RootElement.TryGetProperty("url", out var url))
                        {
                            return "missing url";
                        }

                        return await http.GetStringAsync([|url.GetString()|], ct);
                    }

                    public string Read(ChatToolCall call)
                    {
                        var args = call.FunctionArguments.ToObjectFromJson<ReadArgs>()!;
                        return File.ReadAllText([|Path.Combine(root, args.Path)|]);
                    }

                    public string ReadByName(ChatToolCall call)
                    {
                        var args = call.FunctionArguments.ToObjectFromJson<ReadArgs>()!;
                        return File.ReadAllText(Path.Combine(root, Path.GetFileName(args.Path)));
                    }

                    public void Save(ChatToolCall call)
                    {
                        var bytes = call.FunctionArguments.ToArray();
                        File.WriteAllBytes([|System.Text.Encoding.UTF8.GetString(bytes)|], bytes);
                    }
                }
                """);

        [Fact]
        public Task PathConfinedWithGetRelativePath()
            => AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class WorkspaceTools(string root)
                {
                    private readonly string _root = Path.GetFullPath(root);

                    [McpServerTool(Name = "read_file"), Description("Reads a file of the workspace.")]
                    public string ReadFile(string path)
                    {
                        var full = Path.GetFullPath(path, _root);
                        var relative = Path.GetRelativePath(_root, full);
                        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                        {
                            throw new UnauthorizedAccessException("The path leaves the workspace.");
                        }

                        return File.ReadAllText(full);
                    }

                    [McpServerTool(Name = "write_file")]
                    public async Task WriteFile(string path, string content, CancellationToken ct)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, path));
                        var relative = Path.GetRelativePath(_root, full);
                        if (!Path.IsPathRooted(relative) && !relative.StartsWith(".." + Path.DirectorySeparatorChar) && relative != "..")
                        {
                            await File.WriteAllTextAsync(full, content, ct);
                        }
                    }

                    // Path.GetRelativePath makes both paths full before it compares them: the combined path need not be made full first.
                    [McpServerTool(Name = "delete_file")]
                    public void DeleteFile(string path)
                    {
                        var full = Path.Combine(_root, path);
                        if (Path.IsPathRooted(Path.GetRelativePath(_root, full)) || Path.GetRelativePath(_root, full).StartsWith(".."))
                        {
                            return;
                        }

                        File.Delete(full);
                    }

                    // Without the rooted test, a path on another drive (Windows) comes back whole and passes.
                    [McpServerTool(Name = "stat_file")]
                    public long StatFile(string path)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, path));
                        var relative = Path.GetRelativePath(_root, full);
                        if (relative.StartsWith("..", StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException();
                        }

                        return new FileInfo([|full|]).Length;
                    }
                }
                """);

        [Fact]
        public Task IdentifiersAndMetadataTheServiceAssignsAreNoModelText()
            => AnalyzeAsync("""
                using System.Data.Common;
                using System.IO;
                using System.Linq;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using OpenAI.Chat;

                public sealed class TranscriptStore(string directory, DbCommand command)
                {
                    public async Task SaveAsync(ChatClient chat, string question)
                    {
                        ChatCompletion completion = await chat.CompleteChatAsync(question);
                        File.WriteAllText(Path.Combine(directory, completion.Id + ".json"), JsonSerializer.Serialize(completion.Content[0].Text));
                        foreach (var call in completion.ToolCalls)
                        {
                            File.AppendAllText(Path.Combine(directory, $"{call.Id}.log"), call.FunctionName);
                            File.Delete([|Path.Combine(directory, call.FunctionName)|]);
                        }

                        command.CommandText = $"insert into usage(model, fingerprint, tokens) values ('{completion.Model}', '{completion.SystemFingerprint}', {completion.Usage.TotalTokenCount})";
                        command.CommandText = [|$"insert into answers(text) values ('{completion.Content[0].Text}')"|];
                    }

                    public async Task LogAsync(IChatClient client, string question)
                    {
                        var response = await client.GetResponseAsync(question);
                        File.WriteAllText(Path.Combine(directory, $"{response.ResponseId}-{response.ConversationId}-{response.ModelId}.txt"), "done");
                        var files = response.Messages.SelectMany(m => m.Contents.OfType<HostedFileContent>());
                        foreach (var file in files)
                        {
                            using var stream = File.Create(Path.Combine(directory, $"output_{file.FileId}.bin"));
                        }

                        var calls = response.Messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>());
                        foreach (var call in calls)
                        {
                            File.WriteAllText(Path.Combine(directory, call.CallId + ".json"), "{}");
                            File.WriteAllText([|Path.Combine(directory, call.Name)|], "{}");
                            File.WriteAllText([|Path.Combine(directory, (string)call.Arguments!["fileId"]!)|], "{}");
                        }
                    }
                }
                """);

        [Fact]
        public Task TryParseAndCharacterAllowListsValidateTheText()
            => AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using System.Data.Common;
                using ModelContextProtocol.Server;

                public enum Scope { Mine, Team }

                [McpServerToolType]
                public sealed class RecordTools(string root, DbCommand command)
                {
                    [McpServerTool]
                    public string ReadRecord(string id)
                    {
                        if (!Guid.TryParse(id, out _))
                        {
                            return "Not a record id.";
                        }

                        return File.ReadAllText(Path.Combine(root, id + ".json"));
                    }

                    [McpServerTool]
                    public object? Count(string ownerId, string scope)
                    {
                        if (!long.TryParse(ownerId, out var owner) || !Enum.TryParse<Scope>(scope, out _))
                        {
                            throw new ArgumentException("Bad arguments.");
                        }

                        command.CommandText = $"select count(*) from records where owner = {ownerId} and scope = '{scope}'";
                        return command.ExecuteScalar();
                    }

                    [McpServerTool]
                    public string ReadTemplate(string name)
                    {
                        if (!name.All(char.IsLetterOrDigit))
                        {
                            throw new ArgumentException("Template names are letters and digits.");
                        }

                        return File.ReadAllText(Path.Combine(root, "templates", name + ".md"));
                    }

                    [McpServerTool]
                    public void Checkout(string branch)
                    {
                        if (string.IsNullOrEmpty(branch) || branch.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
                        {
                            throw new ArgumentException("Bad branch name.");
                        }

                        Process.Start("git", new[] { "checkout", branch });
                    }

                    [McpServerTool]
                    public string ReadSlug(string slug)
                    {
                        if (slug.All(c => char.IsLower(c) || char.IsDigit(c) || c == '-'))
                        {
                            return File.ReadAllText(Path.Combine(root, slug));
                        }

                        return "Bad slug.";
                    }

                    // A dot lets '..' through, a date string carries '/': neither is a character allow-list or a number.
                    [McpServerTool]
                    public string ReadDotted(string name, string day)
                    {
                        if (!name.All(c => char.IsLetterOrDigit(c) || c == '.') || !DateTime.TryParse(day, out _))
                        {
                            throw new ArgumentException();
                        }

                        return File.ReadAllText([|Path.Combine(root, day, name)|]);
                    }

                    // Any letter or digit is one test too many: the check says nothing about the other characters.
                    [McpServerTool]
                    public string ReadAny(string name)
                    {
                        if (!name.Any(char.IsLetterOrDigit))
                        {
                            throw new ArgumentException();
                        }

                        return File.ReadAllText([|Path.Combine(root, name)|]);
                    }

                    [McpServerTool]
                    public string ReadParsed(string id)
                    {
                        int.TryParse(id, out var number);
                        return File.ReadAllText([|Path.Combine(root, id)|]);
                    }
                }
                """);

        [Fact]
        public Task ContainmentCheckedByAHelperOfTheSameFile()
            => AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;

                public sealed class FilesPlugin(string root)
                {
                    private static readonly HashSet<string> Tools = new() { "git", "dotnet" };
                    private readonly string _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;

                    [KernelFunction]
                    public string Read(string path)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, path));
                        EnsureInsideRoot(full);
                        return File.ReadAllText(full);
                    }

                    [KernelFunction]
                    public Task Write(string path, string text)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, path));
                        if (!IsInsideRoot(full))
                        {
                            throw new UnauthorizedAccessException();
                        }

                        return File.WriteAllTextAsync(full, text);
                    }

                    [KernelFunction]
                    public void Run(string tool)
                    {
                        EnsureKnownTool(tool);
                        Process.Start(tool);
                    }

                    // Not made full: the helper's StartsWith proves nothing about '..'.
                    [KernelFunction]
                    public void Delete(string path)
                    {
                        var combined = Path.Combine(_root, path);
                        EnsureInsideRoot(combined);
                        File.Delete([|combined|]);
                    }

                    // The helper may return before its check.
                    [KernelFunction]
                    public string Peek(string path)
                    {
                        var full = Path.GetFullPath(Path.Combine(_root, path));
                        CheckUnlessEmpty(full);
                        return File.ReadAllText([|full|]);
                    }

                    private void EnsureInsideRoot(string fullPath)
                    {
                        if (string.IsNullOrEmpty(fullPath))
                        {
                            throw new ArgumentException("Empty path.");
                        }

                        if (!fullPath.StartsWith(_root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves the root.");
                        }
                    }

                    private void CheckUnlessEmpty(string fullPath)
                    {
                        if (fullPath.Length == 0)
                        {
                            return;
                        }

                        if (!fullPath.StartsWith(_root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves the root.");
                        }
                    }

                    private bool IsInsideRoot(string fullPath) => fullPath.StartsWith(_root, StringComparison.Ordinal);

                    private static void EnsureKnownTool(string tool)
                    {
                        if (!Tools.Contains(tool))
                        {
                            throw new InvalidOperationException($"Unknown tool '{tool}'.");
                        }
                    }
                }
                """);

        [Fact]
        public Task ItemsEncodedOneByOneInASelect()
            => AnalyzeAsync("""
                using System.Linq;
                using System.Net;
                using System.Text.Encodings.Web;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.Extensions.AI;

                public sealed record Answer(string Title, string[] Points);

                public sealed class AskModel(IChatClient chat) : PageModel
                {
                    public IHtmlContent? Points { get; private set; }

                    public async Task OnPostAsync(string question)
                    {
                        var answer = (await chat.GetResponseAsync<Answer>(question)).Result;
                        Points = new HtmlString("<ul>" + string.Join("", answer.Points.Select(p => $"<li>{HtmlEncoder.Default.Encode(p)}</li>")) + "</ul>");
                        Points = new HtmlString(string.Concat(answer.Points.Select(WebUtility.HtmlEncode)));
                        Points = new HtmlString(string.Join("<br/>", answer.Points.Select((p, i) => $"{i + 1}. {WebUtility.HtmlEncode(p)}")));
                        var items = answer.Points.Select(p => $"<li>{p}</li>");
                        Points = new HtmlString([|"<ul>" + string.Join("", items) + "</ul>"|]);
                        Points = new HtmlString([|string.Join("", answer.Points.Select(p => p.Trim()))|]);
                        Points = new HtmlString([|string.Join("", answer.Points.Select(p => $"<a href='{WebUtility.UrlEncode(p)}'>{answer.Title}</a>"))|]);
                    }
                }
                """);

        [Fact]
        public Task FixEncodesAStructuredAnswerMemberInAMarkupTemplate()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                public sealed record Answer(string Title, int Score);

                public sealed class AnswerRenderer(IChatClient chat)
                {
                    public async Task<IHtmlContent> RenderAsync(string question)
                    {
                        var answer = (await chat.GetResponseAsync<Answer>(question)).Result;
                        return new HtmlString([|$"<h2>{answer.Title}</h2><p>{answer.Score}</p>"|]);
                    }
                }
                """, """
                using System.Net;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                public sealed record Answer(string Title, int Score);

                public sealed class AnswerRenderer(IChatClient chat)
                {
                    public async Task<IHtmlContent> RenderAsync(string question)
                    {
                        var answer = (await chat.GetResponseAsync<Answer>(question)).Result;
                        return new HtmlString($"<h2>{WebUtility.HtmlEncode(answer.Title)}</h2><p>{answer.Score}</p>");
                    }
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.HtmlEncode");

        [Fact]
        public Task FixRequiresApprovalForAToolInACollectionOfTools()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static IList<AITool> Create() => new List<AITool>
                    {
                        AIFunctionFactory.Create((string name) => name.ToUpperInvariant(), "shout"),
                        AIFunctionFactory.Create((string program) => Process.Start([|program|]), "launch"),
                    };
                }
                """, """
                using System.Collections.Generic;
                using System.Diagnostics;
                using Microsoft.Extensions.AI;

                public static class AgentTools
                {
                    public static IList<AITool> Create() => new List<AITool>
                    {
                        AIFunctionFactory.Create((string name) => name.ToUpperInvariant(), "shout"),
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string program) => Process.Start(program), "launch")),
                    };
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.RequireApproval");

        [Fact]
        public Task FixConfinesAnAwaitedPathOfAnAsyncTool()
            => Verify.FixAsync("""
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class NoteTools(string root)
                {
                    [McpServerTool]
                    public async Task<string> ReadNote(string path, CancellationToken cancellationToken)
                        => await File.ReadAllTextAsync([|Path.Combine(root, "notes", path)|], cancellationToken);

                    [McpServerTool]
                    public long Size(string path)
                    {
                        var file = Path.Join(root, path);
                        return new FileInfo([|file|]).Length;
                    }
                }
                """, """
                using System;
                using System.IO;
                using System.Threading;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class NoteTools(string root)
                {
                    [McpServerTool]
                    public async Task<string> ReadNote(string path, CancellationToken cancellationToken)
                    {
                        var fullPath = Path.GetFullPath(Path.Combine(root, "notes", path));
                        if (!fullPath.StartsWith(Path.GetFullPath(Path.Combine(root, "notes")).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        return await File.ReadAllTextAsync(fullPath, cancellationToken);
                    }

                    [McpServerTool]
                    public long Size(string path)
                    {
                        var file = Path.GetFullPath(Path.Join(root, path));
                        if (!file.StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException("The path leaves its root directory.");
                        }

                        return new FileInfo(file).Length;
                    }
                }
                """, ReferenceCatalog.All, equivalenceKey: "AISEC003.ConfinePath");

        [Fact]
        public Task UrlCheckedToStartWithAFixedOrigin()
            => AnalyzeAsync("""
                using System;
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class GitHubTools(HttpClient http)
                {
                    private const string Api = "https://api.github.com/";

                    [McpServerTool]
                    public Task<string> Get(string url)
                    {
                        if (!url.StartsWith("https://api.github.com/", StringComparison.OrdinalIgnoreCase))
                        {
                            throw new ArgumentException("Only GitHub API URLs.");
                        }

                        return http.GetStringAsync(url);
                    }

                    [McpServerTool]
                    public async Task<string> GetConst(string url)
                    {
                        if (url.StartsWith(Api, StringComparison.Ordinal))
                        {
                            return await http.GetStringAsync(url);
                        }

                        return "Only GitHub API URLs.";
                    }

                    // No '/' after the host: https://api.github.com.evil.example/ passes.
                    [McpServerTool]
                    public Task<string> Open(string url)
                    {
                        if (!url.StartsWith("https://api.github.com", StringComparison.Ordinal))
                        {
                            throw new ArgumentException();
                        }

                        return http.GetStringAsync([|url|]);
                    }

                    // A relative prefix: //evil.example/ passes.
                    [McpServerTool]
                    public Task<string> Relative(string url)
                    {
                        if (!url.StartsWith("/", StringComparison.Ordinal))
                        {
                            throw new ArgumentException();
                        }

                        return http.GetStringAsync([|url|]);
                    }

                    // The origin check says nothing about a path.
                    [McpServerTool]
                    public string Cache(string url)
                    {
                        if (!url.StartsWith("https://api.github.com/", StringComparison.Ordinal))
                        {
                            throw new ArgumentException();
                        }

                        return File.ReadAllText([|Path.Combine("/var/cache", url)|]);
                    }
                }
                """);

        [Fact]
        public Task ToolsOfAnArrayEachWrappedForApproval()
            => AnalyzeAsync("""
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using Microsoft.Extensions.AI;

                public static class FileTools
                {
                    public static void DeleteFile(string path) => File.Delete(path);

                    public static void Run(string command) => Process.Start(command);

                    public static string Read(string path) => File.ReadAllText([|path|]);
                }

                public static class AgentSetup
                {
                    public static ChatOptions Approved()
                    {
                        var tools = new AIFunction[]
                        {
                            AIFunctionFactory.Create(FileTools.DeleteFile),
                            AIFunctionFactory.Create(FileTools.Run),
                            AIFunctionFactory.Create((string path) => File.Move(path, path + ".bak"), "backup"),
                        };
                        return new ChatOptions { Tools = tools.Select(tool => (AITool)new ApprovalRequiredAIFunction(tool)).ToList() };
                    }

                    // One use hands the tools out unwrapped.
                    public static ChatOptions Mixed()
                    {
                        var tools = new[] { AIFunctionFactory.Create(FileTools.Read) };
                        var approved = tools.Select(tool => new ApprovalRequiredAIFunction(tool)).ToList();
                        return new ChatOptions { Tools = [.. tools] };
                    }
                }
                """);

        [Fact]
        public Task AllowListHeldInALocalThatIsOnlyLookedUp()
            => AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Diagnostics;
                using Microsoft.SemanticKernel;

                public sealed class GitPlugin
                {
                    [KernelFunction]
                    public void Git(string verb)
                    {
                        var allowed = new HashSet<string>(StringComparer.Ordinal) { "status", "log", "diff" };
                        if (!allowed.Contains(verb))
                        {
                            throw new ArgumentException($"'{verb}' is not allowed.");
                        }

                        Process.Start("git", verb);
                    }

                    [KernelFunction]
                    public void Open(string editor)
                    {
                        var editors = new Dictionary<string, string> { ["code"] = "/usr/bin/code", ["vim"] = "/usr/bin/vim" };
                        if (!editors.ContainsKey(editor))
                        {
                            return;
                        }

                        Process.Start(editor);
                    }

                    // The list grows with what the caller passes.
                    [KernelFunction]
                    public void Run(string program, string extra)
                    {
                        var allowed = new List<string> { "make", "dotnet" };
                        allowed.Add(extra);
                        if (!allowed.Contains(program))
                        {
                            return;
                        }

                        Process.Start([|program|]);
                    }
                }
                """);

        [Fact]
        public Task AllowListMatchedWithAnyAndACaseInsensitiveEquals()
            => AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.Linq;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public static class GitTools
                {
                    private static readonly string[] Verbs = ["status", "log", "diff"];

                    [McpServerTool]
                    public static void Git(string verb)
                    {
                        if (!Verbs.Any(v => string.Equals(v, verb, StringComparison.OrdinalIgnoreCase)))
                        {
                            throw new ArgumentException($"'{verb}' is not allowed.");
                        }

                        Process.Start("git", verb);
                    }

                    [McpServerTool]
                    public static void Show(string verb)
                    {
                        if (Verbs.Any(v => v == verb))
                        {
                            Process.Start("git", verb);
                        }
                    }

                    // A prefix is no match: "status; rm -rf ~" starts with "status".
                    [McpServerTool]
                    public static void Prefix(string verb)
                    {
                        if (!Verbs.Any(v => verb.StartsWith(v, StringComparison.Ordinal)))
                        {
                            return;
                        }

                        Process.Start("git", [|verb|]);
                    }
                }
                """);

        [Fact]
        public Task AllowListSearchedWithArrayIndexOf()
            => AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using Microsoft.SemanticKernel;

                public sealed class GitPlugin
                {
                    private static readonly string[] Verbs = { "status", "log", "diff" };

                    [KernelFunction]
                    public void Git(string verb)
                    {
                        if (Array.IndexOf(Verbs, verb) < 0)
                        {
                            throw new ArgumentException($"'{verb}' is not allowed.");
                        }

                        Process.Start("git", verb);
                    }

                    [KernelFunction]
                    public void Show(string verb)
                    {
                        if (Array.IndexOf(Verbs, verb) >= 0)
                        {
                            Process.Start("git", verb);
                        }
                    }

                    // Found anywhere but first: no test of membership.
                    [KernelFunction]
                    public void Other(string verb)
                    {
                        if (Array.IndexOf(Verbs, verb) == 0)
                        {
                            return;
                        }

                        Process.Start("git", [|verb|]);
                    }
                }
                """);
    }
}
