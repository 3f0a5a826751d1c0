using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC003 on services split the way real ones are: validators in another file, tools wrapped for approval by a
    /// loop or a helper, library HTML sanitizers that clear markup and nothing else; each positive beside its safe twin.
    /// </summary>
    public class ModelOutputSplitServiceTests
    {
        private static async Task AnalyzeAsync(params string[] sources)
        {
            var test = new Verify.Test { References = ReferenceCatalog.All };
            for (var i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/File{i}.cs", sources[i]));
            }

            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task HtmlSanitizerClearsMarkupOnly()
            => AnalyzeAsync("""
                using System.Data.Common;
                using System.Threading.Tasks;
                using Ganss.Xss;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                public sealed class AnswerService(IChatClient chat, IHtmlSanitizer sanitizer, DbConnection db)
                {
                    public async Task<HtmlString> RenderAsync(string question)
                    {
                        var answer = (await chat.GetResponseAsync(question)).Text;
                        return new HtmlString(sanitizer.Sanitize(answer));
                    }

                    public async Task SaveAsync(string question)
                    {
                        var answer = (await chat.GetResponseAsync(question)).Text;
                        var safe = sanitizer.Sanitize(answer);
                        using var command = db.CreateCommand();
                        command.CommandText = [|"insert into answers(text) values ('" + safe + "')"|];
                        await command.ExecuteNonQueryAsync();
                    }
                }
                """,
                """
                namespace Ganss.Xss
                {
                    public interface IHtmlSanitizer
                    {
                        string Sanitize(string html, string baseUrl = "");
                    }
                }
                """);

        [Fact]
        public Task ToolsWrappedForApprovalByALoopOrAHelper()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.IO;
                using Microsoft.Extensions.AI;

                public sealed class FileTools(string root)
                {
                    public IList<AITool> Looped()
                    {
                        var raw = new List<AIFunction>
                        {
                            AIFunctionFactory.Create((string name) => File.ReadAllText(Path.Combine(root, name)), "read_file"),
                        };
                        var tools = new List<AITool>();
                        foreach (var tool in raw)
                        {
                            tools.Add(new ApprovalRequiredAIFunction(tool));
                        }

                        return tools;
                    }

                    public IList<AITool> ThroughAHelper()
                    {
                        AIFunction[] raw = [AIFunctionFactory.Create((string name) => File.Delete(Path.Combine(root, name)), "delete_file")];
                        return RequireApproval(raw);
                    }

                    public IList<AITool> LoopedButOneLeftOut()
                    {
                        var raw = new List<AIFunction>
                        {
                            AIFunctionFactory.Create((string name) => File.WriteAllText([|Path.Combine(root, name)|], ""), "touch_file"),
                        };
                        var tools = new List<AITool>();
                        foreach (var tool in raw)
                        {
                            tools.Add(tool.Name == "touch_file" ? tool : new ApprovalRequiredAIFunction(tool));
                        }

                        return tools;
                    }

                    public IList<AITool> HelperThatDoesNotWrap()
                    {
                        var raw = new[] { AIFunctionFactory.Create((string name) => File.ReadAllBytes([|Path.Combine(root, name)|]), "read_bytes") };
                        return Expose(raw);
                    }

                    private static IList<AITool> RequireApproval(IEnumerable<AIFunction> functions)
                    {
                        var wrapped = new List<AITool>();
                        foreach (var function in functions)
                        {
                            wrapped.Add(new ApprovalRequiredAIFunction(function));
                        }

                        return wrapped;
                    }

                    private static IList<AITool> Expose(IEnumerable<AIFunction> functions) => new List<AITool>(functions);
                }
                """);

        [Fact]
        public Task ContainmentCheckedInlineOnTheCombinedPath()
            => AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class DocsTools(DocsOptions options)
                {
                    [McpServerTool, Description("Reads a document")]
                    public string Read(string name)
                    {
                        var root = Path.GetFullPath(options.Root);
                        if (!Path.GetFullPath(Path.Combine(root, name)).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(name);
                        }

                        return File.ReadAllText(Path.Combine(root, name));
                    }

                    [McpServerTool, Description("Lists a folder")]
                    public string[] List(string folder, string pattern)
                    {
                        if (!Path.GetFullPath(Path.Join(options.Root, folder)).StartsWith(Path.GetFullPath(options.Root), StringComparison.OrdinalIgnoreCase))
                        {
                            return [];
                        }

                        return Directory.GetFiles(Path.Join(options.Root, folder), pattern);
                    }

                    [McpServerTool, Description("Deletes a document")]
                    public void Delete(string name)
                    {
                        var root = Path.GetFullPath(options.Root);
                        if (!Path.Combine(root, name).StartsWith(root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(name);
                        }

                        File.Delete([|Path.Combine(root, name)|]);
                    }
                }

                public sealed class DocsOptions
                {
                    public string Root { get; set; } = "docs";
                }
                """);

        [Fact]
        public Task ValidatorDeclaredInAnotherFile()
            => AnalyzeAsync("""
                using System.Diagnostics;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                public sealed class ReportTools(IChatClient chat, string root)
                {
                    public async Task<string> ReadAsync(string question)
                    {
                        var name = (await chat.GetResponseAsync(question)).Text;
                        if (!InputRules.IsSafeSlug(name))
                        {
                            return "invalid";
                        }

                        return File.ReadAllText(Path.Combine(root, name));
                    }

                    public async Task<string> ReadLooselyAsync(string question)
                    {
                        var name = (await chat.GetResponseAsync(question)).Text;
                        if (!InputRules.IsShort(name))
                        {
                            return "invalid";
                        }

                        return File.ReadAllText([|Path.Combine(root, name)|]);
                    }

                    public async Task RunAsync(string question)
                    {
                        var tool = (await chat.GetResponseAsync(question)).Text;
                        InputRules.EnsureKnownTool(tool);
                        Process.Start(tool);
                    }

                    public async Task RunLooselyAsync(string question)
                    {
                        var tool = (await chat.GetResponseAsync(question)).Text;
                        InputRules.EnsureNotEmpty(tool);
                        Process.Start([|tool|]);
                    }

                    public async Task<string> ReadTwiceCheckedAsync(string question)
                    {
                        var name = (await chat.GetResponseAsync(question)).Text;
                        if (!InputRules.IsShort(name) || !InputRules.IsSafeSlug(name))
                        {
                            return "invalid";
                        }

                        return File.ReadAllText(Path.Combine(root, name));
                    }
                }
                """,
                """
                using System;
                using System.Collections.Generic;
                using System.Text.RegularExpressions;

                public static class InputRules
                {
                    private static readonly HashSet<string> Tools = new() { "git", "dotnet" };

                    public static bool IsSafeSlug(string s) => Regex.IsMatch(s, "^[a-z0-9-]{1,40}$");

                    public static bool IsShort(string s) => s.Length < 40;

                    public static void EnsureKnownTool(string tool)
                    {
                        if (!Tools.Contains(tool))
                        {
                            throw new ArgumentException("Unknown tool", nameof(tool));
                        }
                    }

                    public static void EnsureNotEmpty(string value)
                    {
                        if (string.IsNullOrEmpty(value))
                        {
                            throw new ArgumentException("Empty", nameof(value));
                        }
                    }
                }
                """);

        [Fact]
        public Task RelativePathRejectedWhenRootedOrHoldingParentSegments()
            => AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.IO;
                using System.Threading.Tasks;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class WorkspaceTools(string root)
                {
                    [McpServerTool, Description("Writes a file")]
                    public Task Write(string path, string content)
                    {
                        if (Path.IsPathRooted(path) || path.Contains(".."))
                        {
                            throw new ArgumentException("Path must stay inside the workspace", nameof(path));
                        }

                        return File.WriteAllTextAsync(Path.Combine(root, path), content);
                    }

                    [McpServerTool, Description("Appends to a file")]
                    public Task Append(string path, string content)
                    {
                        PathRules.EnsureRelative(path);
                        return File.AppendAllTextAsync(Path.Combine(root, path), content);
                    }

                    [McpServerTool, Description("Reads a file")]
                    public string Read(string path)
                    {
                        if (path.Contains(".."))
                        {
                            throw new ArgumentException("Parent segments are not allowed", nameof(path));
                        }

                        return File.ReadAllText([|Path.Combine(root, path)|]);
                    }

                    [McpServerTool, Description("Deletes a file")]
                    public void Delete(string path)
                    {
                        if (Path.IsPathRooted(path) || path.StartsWith(".."))
                        {
                            throw new ArgumentException("Path must stay inside the workspace", nameof(path));
                        }

                        File.Delete([|Path.Combine(root, path)|]);
                    }
                }
                """,
                """
                using System;
                using System.IO;

                public static class PathRules
                {
                    public static void EnsureRelative(string path)
                    {
                        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || path.Contains("..", StringComparison.Ordinal))
                        {
                            throw new ArgumentException("Path must stay inside the workspace", nameof(path));
                        }
                    }
                }
                """);

        [Fact]
        public Task RenderHelperThatTakesADelegate()
            => AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Net;
                using System.Text;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                public sealed record Finding(string Title, int Severity);

                public sealed class ReportPage(IChatClient chat)
                {
                    public async Task<HtmlString> RawAsync(string question)
                    {
                        var response = await chat.GetResponseAsync<List<Finding>>(question);
                        return new HtmlString([|Markup.Lines(response.Result, f => f.Title)|]);
                    }

                    public async Task<HtmlString> EncodedAsync(string question)
                    {
                        var response = await chat.GetResponseAsync<List<Finding>>(question);
                        return new HtmlString(Markup.Lines(response.Result, f => WebUtility.HtmlEncode(f.Title)));
                    }

                    public async Task<HtmlString> NumbersAsync(string question)
                    {
                        var response = await chat.GetResponseAsync<List<Finding>>(question);
                        return new HtmlString(Markup.Lines(response.Result, f => f.Severity.ToString()));
                    }
                }

                public static class Markup
                {
                    public static string Lines<T>(IEnumerable<T> items, Func<T, string> text)
                    {
                        var html = new StringBuilder("<ul>");
                        foreach (var item in items)
                        {
                            html.Append("<li>").Append(text(item)).AppendLine("</li>");
                        }

                        return html.Append("</ul>").ToString();
                    }
                }
                """);

        [Fact]
        public Task ToolsWrappedForApprovalByAHelperOfAnotherFile()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.IO;
                using Microsoft.Extensions.AI;

                public sealed class FileTools(string root)
                {
                    public IList<AITool> Approved()
                    {
                        AIFunction[] tools =
                        [
                            AIFunctionFactory.Create((string name) => File.Delete(Path.Combine(root, name)), "delete_file"),
                        ];
                        return ToolApproval.RequireApproval(tools);
                    }

                    public IEnumerable<AITool> ApprovedByExtension()
                        => new[] { AIFunctionFactory.Create((string name) => File.ReadAllText(Path.Combine(root, name)), "read_file") }.WithApproval();

                    public IList<AITool> MethodGroups() => ToolApproval.RequireApproval([AIFunctionFactory.Create(Purge), AIFunctionFactory.Create(Rename)]);

                    public IList<AITool> MethodGroupExposed() => ToolApproval.Expose([AIFunctionFactory.Create(Archive)]);

                    private void Purge(string folder) => Directory.Delete(Path.Combine(root, folder), recursive: true);

                    private void Rename(string from, string to) => File.Move(Path.Combine(root, from), Path.Combine(root, to));

                    private void Archive(string name) => File.Move([|Path.Combine(root, name)|], Path.Combine(root, "archive", Path.GetFileName(name)));

                    public IList<AITool> Exposed()
                    {
                        AIFunction[] tools =
                        [
                            AIFunctionFactory.Create((string name) => File.ReadAllBytes([|Path.Combine(root, name)|]), "read_bytes"),
                        ];
                        return ToolApproval.Expose(tools);
                    }
                }
                """,
                """
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.Extensions.AI;

                public static class ToolApproval
                {
                    public static IList<AITool> RequireApproval(IEnumerable<AIFunction> functions)
                    {
                        var wrapped = new List<AITool>();
                        foreach (var function in functions)
                        {
                            wrapped.Add(new ApprovalRequiredAIFunction(function));
                        }

                        return wrapped;
                    }

                    public static IEnumerable<AITool> WithApproval(this IEnumerable<AIFunction> functions)
                        => functions.Select(function => new ApprovalRequiredAIFunction(function));

                    public static IList<AITool> Expose(IEnumerable<AIFunction> functions) => new List<AITool>(functions);
                }
                """);

        [Fact]
        public Task ContainmentCheckedOnAFullPathLocalBeforeTheCombinationIsUsed()
            => AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class NotesTools(string root)
                {
                    [McpServerTool, Description("Reads a note")]
                    public string Read(string name)
                    {
                        var full = Path.GetFullPath(Path.Combine(root, name));
                        if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(name);
                        }

                        return File.ReadAllText(Path.Combine(root, name));
                    }

                    [McpServerTool, Description("Reads a note's bytes")]
                    public byte[] ReadBytes(string name)
                    {
                        var combined = Path.Combine(root, name);
                        var full = Path.GetFullPath(combined);
                        if (!full.StartsWith(root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(name);
                        }

                        return File.ReadAllBytes(combined);
                    }

                    [McpServerTool, Description("Reads a note's lines")]
                    public string[] ReadLines(string name)
                    {
                        var full = new FileInfo([|Path.Join(root, name)|]).FullName;
                        if (!full.StartsWith(root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(name);
                        }

                        return File.ReadAllLines(full);
                    }

                    [McpServerTool, Description("Deletes a note")]
                    public void Delete(string name)
                    {
                        var full = Path.Combine(root, name);
                        if (!full.StartsWith(root, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(name);
                        }

                        File.Delete([|Path.Combine(root, name)|]);
                    }
                }
                """);

        [Fact]
        public Task ValueCheckedToBeItsOwnFileName()
            => AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class AttachmentTools(string root)
                {
                    [McpServerTool, Description("Reads an attachment")]
                    public string Read(string name)
                    {
                        if (Path.GetFileName(name) != name)
                        {
                            throw new ArgumentException("File names only", nameof(name));
                        }

                        return File.ReadAllText(Path.Combine(root, name));
                    }

                    [McpServerTool, Description("Deletes an attachment")]
                    public void Delete(string name)
                    {
                        if (!string.Equals(name, Path.GetFileName(name), StringComparison.Ordinal))
                        {
                            throw new ArgumentException("File names only", nameof(name));
                        }

                        File.Delete(Path.Combine(root, name));
                    }

                    [McpServerTool, Description("Copies an attachment")]
                    public void Copy(string name, string target)
                    {
                        if (Path.GetFileName(target) != name)
                        {
                            throw new ArgumentException("File names only", nameof(name));
                        }

                        File.Copy([|Path.Combine(root, name)|], Path.Combine(root, Path.GetFileName(target)));
                    }
                }
                """);

        [Fact]
        public Task FileNameCheckedForInvalidCharactersAndParentSegments()
            => AnalyzeAsync("""
                using System;
                using System.ComponentModel;
                using System.IO;
                using ModelContextProtocol.Server;

                [McpServerToolType]
                public sealed class ExportTools(string root)
                {
                    [McpServerTool, Description("Reads an export")]
                    public string Read(string name)
                    {
                        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(".."))
                        {
                            throw new ArgumentException("Invalid file name", nameof(name));
                        }

                        return File.ReadAllText(Path.Combine(root, name));
                    }

                    [McpServerTool, Description("Deletes an export")]
                    public void Delete(string name)
                    {
                        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                        {
                            throw new ArgumentException("Invalid file name", nameof(name));
                        }

                        Directory.Delete([|Path.Combine(root, name)|], recursive: true);
                    }
                }
                """);

        [Fact]
        public Task ContainmentHelperOfAnotherFileClearsThePathOnly()
            => AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                public sealed class ArchiveTools(IChatClient chat)
                {
                    public async Task<string> RunAsync(string question)
                    {
                        var name = (await chat.GetResponseAsync(question)).Text;
                        PathGuard.EnsureRelative(name);
                        File.Delete(Path.Combine(PathGuard.Root, name));
                        Process.Start("/usr/bin/archive", [|name|]);
                        return "ok";
                    }

                    public async Task<string> RunConfinedAsync(string question)
                    {
                        var name = (await chat.GetResponseAsync(question)).Text;
                        PathGuard.EnsureInside(Path.GetFullPath(Path.Combine(PathGuard.Root, name)));
                        File.Delete(Path.Combine(PathGuard.Root, name));
                        Process.Start("/usr/bin/archive", [|name|]);
                        return "ok";
                    }

                    public async Task<string> RunCheckedAsync(string question)
                    {
                        var name = (await chat.GetResponseAsync(question)).Text;
                        PathGuard.EnsureSlug(name);
                        Process.Start("/usr/bin/archive", name);
                        return "ok";
                    }
                }
                """,
                """
                using System;
                using System.IO;
                using System.Text.RegularExpressions;

                public static class PathGuard
                {
                    public const string Root = "/srv/archive";

                    public static void EnsureRelative(string path)
                    {
                        if (Path.IsPathRooted(path) || path.Contains(".."))
                        {
                            throw new UnauthorizedAccessException(path);
                        }
                    }

                    public static void EnsureInside(string full)
                    {
                        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException(full);
                        }
                    }

                    public static void EnsureSlug(string value)
                    {
                        if (!Regex.IsMatch(value, "^[a-z0-9-]{1,40}$"))
                        {
                            throw new ArgumentException("not a slug", nameof(value));
                        }
                    }
                }
                """);
    }
}
