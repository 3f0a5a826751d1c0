using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.ModelOutputAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.ModelOutputFixer>;
using PromptVerify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// A path-shape guard (containment under a root, own file name, no '..' and not rooted, no invalid file-name characters)
    /// makes a value safe as a file path only: the same value still reaches SQL, a process, raw HTML or a prompt unchecked.
    /// </summary>
    public class PathGuardKindTests
    {
        private static async Task AnalyzeAsync(string source)
        {
            var test = new Verify.Test { TestCode = source, References = ReferenceCatalog.All };
            await test.RunWithStubsAsync();
        }

        [Fact]
        public Task ContainmentGuardClearsThePathOnly()
            => AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using System.ComponentModel;
                using Microsoft.AspNetCore.Html;
                using Microsoft.SemanticKernel;
                using Npgsql;

                public sealed class FilePlugin
                {
                    private readonly string root = "/srv/files";

                    [KernelFunction, Description("Opens a file.")]
                    public string Open(string name)
                    {
                        var full = Path.GetFullPath(Path.Combine(root, name));
                        if (!full.StartsWith(root, StringComparison.Ordinal))
                        {
                            throw new ArgumentException("outside the root");
                        }

                        Process.Start([|name|]);
                        return File.ReadAllText(full);
                    }

                    [KernelFunction]
                    public string Show(string name)
                    {
                        var full = Path.GetFullPath(Path.Combine(root, name));
                        if (!full.StartsWith(root, StringComparison.Ordinal))
                        {
                            throw new ArgumentException("outside the root");
                        }

                        var html = new HtmlString([|"<b>" + name + "</b>"|]);
                        return File.ReadAllText(full) + html;
                    }

                    [KernelFunction]
                    public void Record(string name, NpgsqlConnection connection)
                    {
                        if (Path.GetFileName(name) != name)
                        {
                            throw new ArgumentException("not a file name");
                        }

                        File.Delete(Path.Combine(root, name));
                        using var command = connection.CreateCommand();
                        command.CommandText = [|"DELETE FROM files WHERE name = '" + name + "'"|];
                    }

                    [KernelFunction]
                    public void Run(string name)
                    {
                        if (Path.IsPathRooted(name) || name.Contains(".."))
                        {
                            return;
                        }

                        File.Delete(Path.Combine(root, name));
                        Process.Start("/usr/bin/cat", [|name|]);
                    }

                    [KernelFunction]
                    public void Touch(string name)
                    {
                        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..") || Path.IsPathRooted(name))
                        {
                            return;
                        }

                        File.WriteAllText(Path.Combine(root, name), "");
                        Process.Start([|name|]);
                    }

                    [KernelFunction]
                    public void AllowListed(string name)
                    {
                        if (name is not ("a.txt" or "b.txt"))
                        {
                            return;
                        }

                        File.Delete(Path.Combine(root, name));
                        Process.Start(name);
                    }
                }
                """);

        [Fact]
        public Task PathGuardDoesNotCleanAPrompt()
            => PromptVerify.AnalyzeAsync("""
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                [ApiController]
                public sealed class DocsController(IChatClient chat) : ControllerBase
                {
                    private const string Root = "/srv/docs";

                    [HttpGet("summary")]
                    public async Task<string> Summary(string name)
                    {
                        var full = Path.GetFullPath(Path.Combine(Root, name));
                        if (!full.StartsWith(Root, StringComparison.Ordinal))
                        {
                            return "no";
                        }

                        var response = await chat.GetResponseAsync({|AISEC001:"Summarize the document " + name|});
                        return response.Text;
                    }

                    [HttpGet("title")]
                    public async Task<string> Title(string name)
                    {
                        if (Path.GetFileName(name) != name)
                        {
                            return "no";
                        }

                        var response = await chat.GetResponseAsync({|AISEC001:"Give a title for " + name|});
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task SerializedMessageWithRequestRoleIsASystemMessage()
            => PromptVerify.AnalyzeAsync("""
                using System.IO;
                using System.Text;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public sealed class RawController(IAmazonBedrockRuntime bedrock) : ControllerBase
                {
                    [HttpPost("raw")]
                    public async Task<string> Raw([FromBody] string q, [FromQuery] string role)
                    {
                        var body = JsonSerializer.Serialize(new { messages = new[] { new { role = role, content = q } } });
                        var request = new InvokeModelRequest { ModelId = "m", Body = {|AISEC002:new MemoryStream(Encoding.UTF8.GetBytes(body))|} };
                        var safe = JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = q } } });
                        var other = new InvokeModelRequest { ModelId = "m", Body = new MemoryStream(Encoding.UTF8.GetBytes(safe)) };
                        var response = await bedrock.InvokeModelAsync(request);
                        await bedrock.InvokeModelAsync(other);
                        return response.ContentType;
                    }
                }
                """, ReferenceCatalog.All, awsStubs: true);

        [Fact]
        public Task SerializedMessageWhoseRoleCanBeSystemIsASystemMessage()
            => PromptVerify.AnalyzeAsync("""
                using System.IO;
                using System.Text;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public sealed class RawController(IAmazonBedrockRuntime bedrock) : ControllerBase
                {
                    [HttpPost("raw")]
                    public async Task<string> Raw([FromBody] string q, [FromQuery] bool admin)
                    {
                        var body = JsonSerializer.Serialize(new { messages = new[] { new { role = admin ? "system" : "user", content = q } } });
                        var request = new InvokeModelRequest { ModelId = "m", Body = {|AISEC002:new MemoryStream(Encoding.UTF8.GetBytes(body))|} };
                        var safe = JsonSerializer.Serialize(new { messages = new[] { new { role = admin ? "assistant" : "user", content = q } } });
                        var other = new InvokeModelRequest { ModelId = "m", Body = new MemoryStream(Encoding.UTF8.GetBytes(safe)) };
                        var response = await bedrock.InvokeModelAsync(request);
                        await bedrock.InvokeModelAsync(other);
                        return response.ContentType;
                    }
                }
                """, ReferenceCatalog.All, awsStubs: true);

        [Fact]
        public Task ThrowingHelperGivenTheFullPathOfTheCombination()
            => AnalyzeAsync("""
                using System;
                using System.Diagnostics;
                using System.IO;
                using Microsoft.SemanticKernel;

                public sealed class Tools
                {
                    private const string Root = "/srv/data";

                    [KernelFunction]
                    public string Run(string name)
                    {
                        EnsureInside(Path.GetFullPath(Path.Combine(Root, name)));
                        File.Delete(Path.Combine(Root, name));
                        Process.Start("/bin/tool", [|name|]);
                        return "ok";
                    }

                    private static void EnsureInside(string full)
                    {
                        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        {
                            throw new UnauthorizedAccessException();
                        }
                    }
                }
                """);

        [Fact]
        public Task PathShapeFilterClearsThePathOnly()
            => AnalyzeAsync("""
                using System.Diagnostics;
                using System.IO;
                using System.Linq;
                using Microsoft.SemanticKernel;

                public sealed class ArchivePlugin
                {
                    private const string Root = "/srv/archive";

                    [KernelFunction]
                    public string Purge(string[] names)
                    {
                        foreach (var name in names.Where(n => Path.GetFileName(n) == n))
                        {
                            File.Delete(Path.Combine(Root, name));
                            Process.Start("/usr/bin/archive", [|name|]);
                        }

                        return "ok";
                    }

                    [KernelFunction]
                    public string Archive(string[] names)
                    {
                        foreach (var name in names.Where(n => n is "daily" or "weekly"))
                        {
                            Process.Start("/usr/bin/archive", name);
                        }

                        return "ok";
                    }
                }
                """);
    }
}
