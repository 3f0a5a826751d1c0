using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC001 / AISEC002: untrusted input in LLM prompts and system instructions.</summary>
    public class PromptInjectionTests
    {
        private static Task AnalyzeAsync(string source, ReferenceSet references, DiagnosticResult[] expected, bool awsStubs = false)
        {
            var test = new Verify.Test { TestCode = source, References = references, AwsStubs = awsStubs };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunWithStubsAsync();
        }

        /// <summary>Cross-method diagnostics are reported at the end of the compilation (non-local): the IDE fixes them in full-solution analysis.</summary>
        private static Task FixNonLocalAsync(string source, string fixedSource)
        {
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                References = ReferenceCatalog.Llm,
                CodeActionEquivalenceKey = "AISEC001.Sanitize",
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            };
            return test.RunWithStubsAsync();
        }

        private static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        // ---- OpenAI ----

        [Fact]
        public Task OpenAIControllerActionComposedUserMessage()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                [Route("api/summaries")]
                public class SummaryController : ControllerBase
                {
                    private readonly ChatClient _chat;

                    public SummaryController(ChatClient chat) => _chat = chat;

                    [HttpPost]
                    public async Task<IActionResult> Summarize(string topic)
                    {
                        var completion = await _chat.CompleteChatAsync(
                            new SystemChatMessage("You summarize articles."),
                            new UserChatMessage({|#0:$"Summarize the latest news about {topic} in three sentences."|}));
                        return Ok(completion.Value.Content[0].Text);
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC001").WithLocation(0).WithArguments("parameter 'topic' of action 'Summarize'", "'new UserChatMessage'", string.Empty),
                });

        [Fact]
        public Task OpenAIRawUserMessageIsTheIntendedUse()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                public class ChatController : Controller
                {
                    private readonly ChatClient _chat;

                    public ChatController(ChatClient chat) => _chat = chat;

                    [HttpPost]
                    public async Task<IActionResult> Ask([FromBody] string message)
                    {
                        var completion = await _chat.CompleteChatAsync(new SystemChatMessage("You are a helpful assistant."), new UserChatMessage(message));
                        var again = await _chat.CompleteChatAsync(message.Trim());
                        return Ok(completion.Value.Content[0].Text + again.Value.Content[0].Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task OpenAISystemMessageAndImplicitConversion()
            => Verify.AnalyzeAsync("""
                #pragma warning disable OPENAI001
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    private readonly ChatClient _chat;

                    public PersonaController(ChatClient chat) => _chat = chat;

                    [HttpGet("persona")]
                    public string Reply(string persona, string question)
                    {
                        var messages = new List<ChatMessage>
                        {
                            new SystemChatMessage({|AISEC002:$"You are {persona}. Stay in character."|}),
                            ChatMessage.CreateDeveloperMessage({|AISEC002:persona|}),
                            {|AISEC001:"Question: " + question|},
                        };
                        ChatCompletion completion = _chat.CompleteChat(messages);
                        completion = _chat.CompleteChat({|AISEC001:"Answer briefly: " + question|});
                        return completion.Content[0].Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task OpenAIContentPartsTakeTheRoleOfTheirMessage()
            => Verify.AnalyzeAsync("""
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class PartsController : ControllerBase
                {
                    [HttpPost("parts")]
                    public ChatMessage[] Build(string tone, string text)
                    {
                        return new ChatMessage[]
                        {
                            new SystemChatMessage(ChatMessageContentPart.CreateTextPart({|AISEC002:"Answer in a " + tone + " tone."|})),
                            new UserChatMessage(ChatMessageContentPart.CreateTextPart({|AISEC001:"Text: " + text|})),
                            new UserChatMessage(ChatMessageContentPart.CreateTextPart(text)),
                        };
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task OpenAIResponsesInstructionsAndInput()
            => Verify.AnalyzeAsync("""
                #pragma warning disable OPENAI001
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Responses;

                [ApiController]
                public class ResponsesController : ControllerBase
                {
                    private readonly ResponsesClient _client;

                    public ResponsesController(ResponsesClient client) => _client = client;

                    [HttpPost("respond")]
                    public async Task<string> Respond(string language, string question)
                    {
                        var options = new CreateResponseOptions { Instructions = {|AISEC002:$"Always answer in {language}."|} };
                        var items = new[]
                        {
                            ResponseItem.CreateSystemMessageItem("Be brief."),
                            ResponseItem.CreateUserMessageItem({|AISEC001:$"Question: {question}"|}),
                        };
                        var result = await _client.CreateResponseAsync("gpt-4.1", {|AISEC001:"Q: " + question|});
                        return result.Value.GetOutputText() + options.Instructions + items.Length;
                    }
                }
                """, ReferenceCatalog.Llm);

        // ---- Microsoft.Extensions.AI ----

        [Fact]
        public Task MeaiMinimalApiLambda()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.AI;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/translate", async (TranslateRequest request, IChatClient chat) =>
                        {
                            var options = new ChatOptions { Instructions = {|#0:$"Translate into {request.Language}."|} };
                            var messages = new List<ChatMessage>
                            {
                                new(ChatRole.System, {|#1:"Glossary: " + request.Glossary|}),
                                new(ChatRole.User, request.Text),
                            };
                            var response = await chat.GetResponseAsync(messages, options);
                            var second = await chat.GetResponseAsync({|#2:$"Now shorten: {request.Text}"|});
                            return Results.Ok(response.Text + second.Text);
                        });
                    }
                }

                public record TranslateRequest(string Language, string Glossary, string Text);
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC002").WithLocation(0).WithArguments("parameter 'request' of the 'POST /translate' endpoint", "'ChatOptions.Instructions'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(1).WithArguments("parameter 'request' of the 'POST /translate' endpoint", "'new ChatMessage'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(2).WithArguments("parameter 'request' of the 'POST /translate' endpoint", "'IChatClient.GetResponseAsync'", string.Empty),
                });

        [Fact]
        public Task MeaiRoleThatCanBeSystem()
            => Verify.AnalyzeAsync("""
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                [ApiController]
                public class RoleController : ControllerBase
                {
                    [HttpPost("role")]
                    public ChatMessage[] Build(string text, bool asSystem, string roleName)
                    {
                        var role = asSystem ? ChatRole.System : ChatRole.User;
                        return new[]
                        {
                            new ChatMessage(role, {|AISEC002:text|}),
                            new ChatMessage(new ChatRole(roleName), {|AISEC002:text|}),
                            new ChatMessage(ChatRole.Assistant, text),
                            new ChatMessage(new ChatRole("system"), {|AISEC002:text|}),
                            new ChatMessage(ChatRole.User, [new TextContent({|AISEC001:"Input: " + text|})]),
                            new ChatMessage(ChatRole.System, [new TextContent({|AISEC002:text|})]),
                        };
                    }
                }
                """, ReferenceCatalog.Llm);

        // ---- Semantic Kernel ----

        [Fact]
        public Task SemanticKernelTemplatesAndHistory()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;
                using Microsoft.SemanticKernel.TextGeneration;

                [ApiController]
                public class KernelController : ControllerBase
                {
                    private readonly Kernel _kernel;
                    private readonly IChatCompletionService _chat;
                    private readonly ITextGenerationService _text;

                    public KernelController(Kernel kernel, IChatCompletionService chat, ITextGenerationService text)
                    {
                        _kernel = kernel;
                        _chat = chat;
                        _text = text;
                    }

                    [HttpPost("kernel")]
                    public async Task<string> Run(string topic, string name)
                    {
                        var result = await _kernel.InvokePromptAsync({|AISEC001:$"Write a poem about {topic}."|});
                        var whole = await _kernel.InvokePromptAsync({|AISEC001:topic|});
                        var safe = await _kernel.InvokePromptAsync("Write a poem about {{$topic}}.", new KernelArguments { ["topic"] = topic });
                        var history = new ChatHistory({|AISEC002:$"You are talking to {name}."|});
                        history.AddSystemMessage({|AISEC002:name|});
                        history.AddUserMessage(topic);
                        history.AddUserMessage({|AISEC001:"Topic: " + topic|});
                        history.AddMessage(AuthorRole.Developer, {|AISEC002:topic|});
                        history.AddMessage(AuthorRole.User, topic);
                        var reply = await _chat.GetChatMessageContentAsync(history);
                        var parsed = await _chat.GetChatMessageContentAsync({|AISEC001:topic|});
                        var function = _kernel.CreateFunctionFromPrompt({|AISEC001:"Summarize: " + topic|});
                        var config = new PromptTemplateConfig { Template = {|AISEC001:topic + "!"|} };
                        var text = await _text.GetTextContentAsync({|AISEC001:"Complete: " + topic|});
                        return result.ToString() + whole + safe + reply.Content + parsed.Content + function.Name + config.Name + text;
                    }
                }
                """, ReferenceCatalog.Llm);

        // ---- Anthropic ----

        [Fact]
        public Task AnthropicSystemAndMessages()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class ClaudeController : ControllerBase
                {
                    private readonly AnthropicClient _client;

                    public ClaudeController(AnthropicClient client) => _client = client;

                    [HttpPost("claude")]
                    public async Task<string> Ask(string product, string question)
                    {
                        var parameters = new MessageCreateParams
                        {
                            Model = "claude-sonnet-4-5",
                            MaxTokens = 1024,
                            System = {|AISEC002:$"You are the support assistant for {product}."|},
                            Messages = new List<MessageParam>
                            {
                                new UserMessageParam { Content = question },
                                new UserMessageParam { Content = {|AISEC001:$"Context: {product}. Question: {question}"|} },
                                new SystemMessageParam { Content = {|AISEC002:question|} },
                            },
                        };
                        var blocks = new MessageCreateParams
                        {
                            Model = "claude-sonnet-4-5",
                            MaxTokens = 256,
                            System = new List<TextBlockParam> { new TextBlockParam({|AISEC002:"Product: " + product|}) },
                            Messages = new List<MessageParam> { new UserMessageParam { Content = "Hello" } },
                        };
                        var message = await _client.Messages.Create(parameters);
                        var other = await _client.Messages.Create(blocks);
                        return message.ToString() + other;
                    }
                }
                """, ReferenceCatalog.Llm);

        // ---- OllamaSharp ----

        [Fact]
        public Task OllamaChatAndGenerate()
            => AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using OllamaSharp;
                using OllamaSharp.Models;

                public static class Program
                {
                    public static async Task Main()
                    {
                        var client = new OllamaApiClient(new Uri("http://localhost:11434"), "llama3");
                        var persona = Console.ReadLine() ?? "a pirate";
                        var chat = new Chat(client, {|#0:$"You are {persona}."|});
                        var question = Console.ReadLine()!;
                        await foreach (var token in chat.SendAsync(question)) { Console.Write(token); }
                        await foreach (var token in chat.SendAsync({|#1:"Explain: " + question|})) { Console.Write(token); }
                        var request = new GenerateRequest { Prompt = question, System = {|#2:persona|}, Template = {|#3:question|} };
                        await foreach (var part in client.GenerateAsync(request)) { Console.Write(part?.Response); }
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC002").WithLocation(0).WithArguments("Console.ReadLine()", "'new Chat'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(1).WithArguments("Console.ReadLine()", "'Chat.SendAsync'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(2).WithArguments("Console.ReadLine()", "'GenerateRequest.System'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(3).WithArguments("Console.ReadLine()", "'GenerateRequest.Template'", string.Empty),
                });

        // ---- Bedrock ----

        [Fact]
        public Task BedrockConverseAndInvokeModel()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.IO;
                using System.Text;
                using System.Text.Json;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class BedrockController : ControllerBase
                {
                    private readonly IAmazonBedrockRuntime _bedrock;

                    public BedrockController(IAmazonBedrockRuntime bedrock) => _bedrock = bedrock;

                    [HttpPost("converse")]
                    public async Task<string> Converse(string audience, string question)
                    {
                        var request = new ConverseRequest
                        {
                            ModelId = "anthropic.claude-3-haiku",
                            System = new List<SystemContentBlock> { new SystemContentBlock { Text = {|AISEC002:$"Write for {audience}."|} } },
                            Messages = new List<Message>
                            {
                                new Message { Role = ConversationRole.User, Content = new List<ContentBlock> { new ContentBlock { Text = question }, new ContentBlock { Text = {|AISEC001:"Question: " + question|} } } },
                            },
                        };
                        var response = await _bedrock.ConverseAsync(request);
                        return response.ToString()!;
                    }

                    [HttpPost("invoke")]
                    public async Task<string> Invoke(string audience, string question)
                    {
                        var body = JsonSerializer.Serialize(new
                        {
                            anthropic_version = "bedrock-2023-05-31",
                            max_tokens = 512,
                            system = "You write for " + audience,
                            messages = new[] { new { role = "user", content = "Answer: " + question } },
                        });
                        var request = new InvokeModelRequest
                        {
                            ModelId = "anthropic.claude-3-haiku",
                            Body = {|AISEC002:new MemoryStream(Encoding.UTF8.GetBytes(body))|},
                            ContentType = "application/json",
                        };
                        var raw = new InvokeModelRequest
                        {
                            ModelId = "anthropic.claude-3-haiku",
                            Body = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = question } } }))),
                        };
                        var composed = new InvokeModelRequest
                        {
                            ModelId = "anthropic.claude-3-haiku",
                            Body = {|AISEC001:new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = $"Answer: {question}" } } })))|},
                        };
                        var response = await _bedrock.InvokeModelAsync(request);
                        await _bedrock.InvokeModelAsync(raw);
                        await _bedrock.InvokeModelAsync(composed);
                        return response.ToString()!;
                    }
                }
                """, ReferenceCatalog.All, awsStubs: true);

        // ---- Sources ----

        [Fact]
        public Task RequestContentFilesAndWebContent()
            => AnalyzeAsync("""
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.SemanticKernel.ChatCompletion;

                public class DocumentAssistant
                {
                    private readonly HttpClient _http = new();

                    public async Task<ChatHistory> Build(HttpContext context, IFormFile upload, string path)
                    {
                        var history = new ChatHistory();
                        history.AddUserMessage({|#0:"Query: " + context.Request.Query["q"]|});
                        history.AddUserMessage({|#1:$"Header: {context.Request.Headers["X-Topic"]}"|});
                        using var reader = new StreamReader(upload.OpenReadStream());
                        var document = await reader.ReadToEndAsync();
                        history.AddUserMessage({|#2:"Summarize this document:\n" + document|});
                        history.AddSystemMessage({|#3:"File: " + upload.FileName|});
                        var page = await _http.GetStringAsync("https://example.com/news");
                        history.AddUserMessage({|#4:$"Summarize this page: {page}"|});
                        var notes = await File.ReadAllTextAsync(path);
                        history.AddUserMessage({|#5:"Notes: " + notes|});
                        using var response = await _http.GetAsync("https://example.com/feed");
                        var feed = await response.Content.ReadAsStringAsync();
                        history.AddSystemMessage({|#6:feed|});
                        return history;
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC001").WithLocation(0).WithArguments("HttpRequest.Query", "'ChatHistory.AddUserMessage'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(1).WithArguments("HttpRequest.Headers", "'ChatHistory.AddUserMessage'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(2).WithArguments("IFormFile.OpenReadStream", "'ChatHistory.AddUserMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(3).WithArguments("IFormFile.FileName", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(4).WithArguments("HttpClient.GetStringAsync", "'ChatHistory.AddUserMessage'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(5).WithArguments("File.ReadAllTextAsync", "'ChatHistory.AddUserMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(6).WithArguments("HttpContent.ReadAsStringAsync", "'ChatHistory.AddSystemMessage'", string.Empty),
                });

        [Fact]
        public Task RazorPagesAndSignalRHubs()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.SemanticKernel.ChatCompletion;

                public class AskModel : PageModel
                {
                    public ChatHistory History { get; } = new();

                    [Microsoft.AspNetCore.Mvc.BindProperty]
                    public string Persona { get; set; } = string.Empty;

                    public string Unbound { get; set; } = string.Empty;

                    public void OnPost(string question) => History.AddUserMessage({|AISEC001:"Q: " + question|});

                    public void Helper(string question) => History.AddUserMessage("Q: " + question);

                    public void OnGet()
                    {
                        History.AddSystemMessage({|AISEC002:$"You are {Persona}."|});
                        History.AddSystemMessage($"You are {Unbound}.");
                    }
                }

                public class ChatHub : Hub
                {
                    public Task Send(string user, string message)
                    {
                        var history = new ChatHistory({|AISEC002:"You are chatting with " + user|});
                        return Task.CompletedTask;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task NotUntrusted()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Configuration;
                using Microsoft.SemanticKernel.ChatCompletion;

                public enum Tone { Friendly, Formal }

                [ApiController]
                public class CleanController : ControllerBase
                {
                    private const string Persona = "a librarian";
                    private readonly IConfiguration _configuration;

                    public CleanController(IConfiguration configuration) => _configuration = configuration;

                    [HttpGet("clean")]
                    public ChatHistory Build(int count, bool brief, Guid id, DateTime since, Tone tone, CancellationToken cancellationToken, [FromServices] IConfiguration config)
                    {
                        var history = new ChatHistory($"You are {Persona}. Use a {tone} tone.");
                        history.AddSystemMessage($"Answer in {count} sentences{(brief ? " briefly" : string.Empty)} about request {id} since {since:d}.");
                        history.AddSystemMessage("Model: " + _configuration["Llm:Persona"] + config["Other"]);
                        history.AddSystemMessage("Region: " + Environment.GetEnvironmentVariable("REGION"));
                        var mode = brief ? "short" : "long";
                        history.AddSystemMessage("Mode: " + mode);
                        return history;
                    }

                    [NonAction]
                    public ChatHistory NotAnAction(string input) => new ChatHistory("Input: " + input);
                }

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var history = new ChatHistory("Args: " + string.Join(" ", args));
                    }
                }
                """, ReferenceCatalog.Llm);

        // ---- Sanitizers and validators ----

        [Fact]
        public Task SanitizedAndValidatedInputIsClean()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Text.RegularExpressions;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptSanitizerAttribute : Attribute { }

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptValidatorAttribute : Attribute { }

                static class PromptText
                {
                    [PromptSanitizer]
                    public static string Clean(string value) => value.Replace("<", string.Empty);

                    [PromptValidator]
                    public static bool IsSafe(string value) => value.Length < 200;
                }

                [ApiController]
                public class GuardedController : ControllerBase
                {
                    [HttpPost("guarded")]
                    public ActionResult<ChatHistory> Build(string topic, string language, string style, string mood, string city)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage("Topic: " + PromptText.Clean(topic));
                        if (!PromptText.IsSafe(language))
                        {
                            return BadRequest();
                        }

                        history.AddSystemMessage($"Answer in {language}.");
                        if (!Regex.IsMatch(style, "^[a-z]{1,20}$"))
                        {
                            throw new ArgumentException("bad style", nameof(style));
                        }

                        history.AddSystemMessage("Style: " + style);
                        if (mood is not ("calm" or "cheerful"))
                        {
                            return BadRequest();
                        }

                        history.AddSystemMessage("Mood: " + mood);
                        switch (city)
                        {
                            case "Paris":
                            case "Rome":
                                history.AddSystemMessage("City: " + city);
                                break;
                            default:
                                history.AddSystemMessage({|AISEC002:"City: " + city|});
                                break;
                        }

                        if (Regex.IsMatch(topic, ".*"))
                        {
                            history.AddSystemMessage({|AISEC002:"Unchecked: " + topic|});
                        }

                        return history;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task AllowListCollections()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Collections.Immutable;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class LanguageController : ControllerBase
                {
                    private static readonly HashSet<string> Languages = new(StringComparer.OrdinalIgnoreCase) { "en", "fr", "de" };
                    private static readonly ImmutableHashSet<string> Tones = ImmutableHashSet.Create("formal", "friendly");
                    private static readonly string[] Styles = ["short", "long"];
                    private readonly List<string> _learned = new();
                    private static readonly string Default = "en";
                    private static readonly HashSet<string> Mixed = new() { "en", Default };

                    [HttpPost("language")]
                    public ActionResult<ChatHistory> Build(string language, string tone, string style, string learned, string mixed)
                    {
                        if (!Languages.Contains(language) || !Tones.Contains(tone))
                        {
                            return BadRequest();
                        }

                        var history = new ChatHistory($"Answer in {language} with a {tone} tone.");
                        if (Array.IndexOf(Styles, style) >= 0 && ((ICollection<string>)Styles).Contains(style))
                        {
                            history.AddSystemMessage("Style: " + style);
                        }

                        if (_learned.Contains(learned))
                        {
                            history.AddSystemMessage({|AISEC002:"Learned: " + learned|});
                        }

                        if (Mixed.Contains(mixed))
                        {
                            history.AddSystemMessage({|AISEC002:"Mixed: " + mixed|});
                        }

                        return history;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task GuardAfterTheSinkDoesNotClean()
            => Verify.AnalyzeAsync("""
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class LateController : ControllerBase
                {
                    [HttpPost("late")]
                    public ActionResult<ChatHistory> Build(string language)
                    {
                        var history = new ChatHistory({|AISEC002:$"Answer in {language}."|});
                        if (language != "en" && language != "fr")
                        {
                            return BadRequest();
                        }

                        history.AddSystemMessage($"Really answer in {language}.");
                        return history;
                    }
                }
                """, ReferenceCatalog.Llm);

        // ---- Flow ----

        [Fact]
        public Task FlowThroughLocalsBuildersAndFields()
            => Verify.AnalyzeAsync("""
                using System.Linq;
                using System.Text;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                [ApiController]
                public class FlowController : ControllerBase
                {
                    private string _lastPrompt = string.Empty;

                    [HttpPost("flow")]
                    public ChatMessage[] Build(ArticleRequest article)
                    {
                        var builder = new StringBuilder();
                        builder.AppendLine("Summarize the article below.");
                        builder.Append("Title: ").AppendLine(article.Title);
                        var prompt = builder.ToString();

                        var tags = string.Join(", ", article.Tags.Select(t => t.ToUpperInvariant()));
                        _lastPrompt = string.Format("Tags: {0}", tags);

                        var body = article.Body ?? "(empty)";
                        var text = body;
                        text = "constant";

                        var rewritten = "Rewrite: {input}".Replace("{input}", article.Body);
                        return new[]
                        {
                            new ChatMessage(ChatRole.User, {|AISEC001:prompt|}),
                            new ChatMessage(ChatRole.System, {|AISEC002:_lastPrompt|}),
                            new ChatMessage(ChatRole.System, text),
                            new ChatMessage(ChatRole.User, {|AISEC001:rewritten|}),
                            new ChatMessage(ChatRole.User, string.Concat("Length ", article.Body?.Length.ToString())),
                        };
                    }
                }

                public class ArticleRequest
                {
                    public string Title { get; set; } = string.Empty;
                    public string? Body { get; set; }
                    public string[] Tags { get; set; } = [];
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task CrossMethodControllerToService()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class SummaryService
                {
                    private readonly IChatClient _chat;

                    public SummaryService(IChatClient chat) => _chat = chat;

                    public async Task<string> SummarizeAsync(string topic, int sentences)
                    {
                        var response = await _chat.GetResponseAsync({|#0:$"Summarize {topic} in {sentences} sentences."|});
                        return response.Text;
                    }

                    public Task<ChatResponse> AskAsync(string question) => _chat.GetResponseAsync(question);

                    public Task<ChatResponse> InternalOnly(string topic) => _chat.GetResponseAsync("About " + topic);
                }

                [ApiController]
                public class SummaryController : ControllerBase
                {
                    private readonly SummaryService _service;

                    public SummaryController(SummaryService service) => _service = service;

                    [HttpGet("summary")]
                    public Task<string> Get(string topic) => _service.SummarizeAsync(topic, 3);

                    [HttpGet("ask")]
                    public async Task<string> Ask(string question) => (await _service.AskAsync(question)).Text;

                    [HttpGet("fixed")]
                    public async Task<string> Fixed() => (await _service.InternalOnly("cats")).Text;
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC001").WithLocation(0).WithArguments("parameter 'topic' of action 'Get'", "'IChatClient.GetResponseAsync'", ", passed by 'SummaryController.Get'"),
                });

        [Fact]
        public Task CrossMethodThroughInterfaces()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public interface IAssistant
                {
                    Task<string> AskAsync(string persona, string question);
                }

                public interface IPromptBuilder
                {
                    string Build(string topic);
                }

                public sealed class PromptBuilder : IPromptBuilder
                {
                    public string Build(string topic) => $"Explain {topic} to a child.";
                }

                public sealed class Assistant : IAssistant
                {
                    private readonly IChatClient _chat;

                    public Assistant(IChatClient chat) => _chat = chat;

                    public async Task<string> AskAsync(string persona, string question)
                    {
                        var options = new ChatOptions { Instructions = {|AISEC002:$"You are {persona}."|} };
                        var response = await _chat.GetResponseAsync(question, options);
                        return response.Text;
                    }
                }

                [ApiController]
                public class AssistantController : ControllerBase
                {
                    private readonly IAssistant _assistant;
                    private readonly IPromptBuilder _builder;
                    private readonly IChatClient _chat;

                    public AssistantController(IAssistant assistant, IPromptBuilder builder, IChatClient chat)
                    {
                        _assistant = assistant;
                        _builder = builder;
                        _chat = chat;
                    }

                    [HttpPost("ask")]
                    public Task<string> Ask(string persona, string question) => _assistant.AskAsync(persona, question);

                    [HttpPost("explain")]
                    public async Task<string> Explain(string topic) => (await _chat.GetResponseAsync({|AISEC001:_builder.Build(topic)|})).Text;
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task CrossMethodComposedByTheCaller()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel.ChatCompletion;

                public class Assistant
                {
                    public ChatHistory Start(string instructions)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage({|AISEC002:instructions|});
                        return history;
                    }

                    public void Ask(ChatHistory history, string question) => history.AddUserMessage({|AISEC001:question|});
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var assistant = new Assistant();
                        var persona = Console.ReadLine()!;
                        var history = assistant.Start(persona);
                        assistant.Ask(history, "Tell me about " + Console.ReadLine());
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task CrossMethodHelperBuildsThePrompt()
            => AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel.ChatCompletion;

                public static class Prompts
                {
                    public static string Summary(string topic, string style) => $"Write a {style} summary about {topic}.";

                    public static string Normalize(string text) => text.Trim();

                    public static string ReadPersona() => Console.ReadLine() ?? "a helpful assistant";
                }

                public record SummaryRequest(string Topic, int Words)
                {
                    public string ToPrompt() => $"Summarize {Topic} in {Words} words.";
                }

                [ApiController]
                public class HelperController : ControllerBase
                {
                    private readonly IChatClient _chat;

                    public HelperController(IChatClient chat) => _chat = chat;

                    [HttpGet("helper")]
                    public async Task<string> Get(string topic)
                    {
                        var response = await _chat.GetResponseAsync({|#0:Prompts.Summary(topic, "plain")|});
                        var raw = await _chat.GetResponseAsync(Prompts.Normalize(topic));
                        var history = new ChatHistory({|#1:Prompts.ReadPersona()|});
                        var constant = await _chat.GetResponseAsync(Prompts.Summary("cats", "plain"));
                        return response.Text + raw.Text + constant.Text + history.Count;
                    }

                    [HttpPost("model")]
                    public async Task<string> Post(SummaryRequest request)
                    {
                        var response = await _chat.GetResponseAsync({|#2:request.ToPrompt()|});
                        var fixedRequest = new SummaryRequest("cats", 3);
                        var clean = await _chat.GetResponseAsync(fixedRequest.ToPrompt());
                        return response.Text + clean.Text;
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC001").WithLocation(0).WithArguments("parameter 'topic' of action 'Get'", "'IChatClient.GetResponseAsync'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(1).WithArguments("Console.ReadLine()", "'new ChatHistory'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(2).WithArguments("parameter 'request' of action 'Post'", "'IChatClient.GetResponseAsync'", string.Empty),
                });

        [Fact]
        public Task RoleFromTheInitializer()
            => Verify.AnalyzeAsync("""
                using System;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;
                using OllamaSharp.Models.Chat;

                public static class Program
                {
                    public static void Main()
                    {
                        var input = Console.ReadLine()!;
                        var history = new ChatHistory
                        {
                            new ChatMessageContent { Role = AuthorRole.System, Content = {|AISEC002:input|} },
                            new ChatMessageContent { Role = AuthorRole.User, Content = input },
                            new ChatMessageContent(AuthorRole.System, {|AISEC002:"Mode: " + input|}),
                        };
                        var messages = new[]
                        {
                            new Message { Role = OllamaSharp.Models.Chat.ChatRole.System, Content = {|AISEC002:input|} },
                            new Message(OllamaSharp.Models.Chat.ChatRole.User, {|AISEC001:"Q: " + input|}),
                        };
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task MinimalApiMethodGroupHandler()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                public static class ChatEndpoints
                {
                    public static void MapChat(this WebApplication app) => app.MapPost("/chat/{persona}", Chat);

                    private static async Task<string> Chat(string persona, string message, IChatClient client)
                    {
                        var options = new ChatOptions { Instructions = {|#0:"You are " + persona|} };
                        var response = await client.GetResponseAsync(message, options);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC002").WithLocation(0).WithArguments("parameter 'persona' of the 'POST /chat/{persona}' endpoint handler 'Chat'", "'ChatOptions.Instructions'", string.Empty),
                });

        [Fact]
        public Task MinimalApiMethodGroupHandlerServicesAreNotRequestData()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.AI;

                public sealed record AssistantRequest(string CustomerName, string Question);

                public static class AssistantEndpoints
                {
                    public static void MapAssistant(this WebApplication app) => app.MapPost("/api/assistant", AnswerAsync);

                    private static async Task AnswerAsync(AssistantRequest request, HttpContext httpContext, IChatClient chatClient, CancellationToken cancellationToken)
                    {
                        var messages = new List<ChatMessage> { new(ChatRole.System, "You help support agents."), new(ChatRole.User, request.Question) };
                        var answer = new StringBuilder();
                        await foreach (var chunk in chatClient.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken))
                        {
                            answer.Append(chunk.ToString());
                        }

                        // The model's own answer fed back to it, and the injected client, context and token: no request data.
                        await chatClient.GetResponseAsync($"Is this reply addressed to the customer by name? {answer}", cancellationToken: cancellationToken);
                        await chatClient.GetResponseAsync($"Trace {httpContext.TraceIdentifier}: summarize {answer}", cancellationToken: cancellationToken);
                        await chatClient.GetResponseAsync({|#0:$"Is this reply addressed to {request.CustomerName}? {answer}"|}, cancellationToken: cancellationToken);
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC001").WithLocation(0).WithArguments("parameter 'request' of the 'POST /api/assistant' endpoint handler 'AnswerAsync'", "'IChatClient.GetResponseAsync'", string.Empty),
                });

        [Fact]
        public Task AzureOpenAIAndMoreSources()
            => AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using System.IO;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Azure.AI.OpenAI;
                using Microsoft.AspNetCore.Http;
                using OpenAI.Chat;

                public class IngestService
                {
                    private readonly ChatClient _chat = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com/"), new ApiKeyCredential("key")).GetChatClient("gpt-4o");
                    private readonly IAmazonS3 _s3;

                    public IngestService(IAmazonS3 s3) => _s3 = s3;

                    public async Task<string> SummarizeObject(string bucket, string key)
                    {
                        using var response = await _s3.GetObjectAsync(bucket, key);
                        using var reader = new StreamReader(response.ResponseStream);
                        var text = await reader.ReadToEndAsync();
                        ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage({|#0:"Summarize:\n" + text|}));
                        return completion.Content[0].Text;
                    }

                    public async Task<string> FromBody(HttpRequest request)
                    {
                        using var reader = new StreamReader(request.Body);
                        var body = await reader.ReadToEndAsync();
                        var line = await Console.In.ReadLineAsync();
                        ChatCompletion completion = await _chat.CompleteChatAsync(
                            new SystemChatMessage({|#1:body|}),
                            new UserChatMessage({|#2:$"{line} (from the console)"|}));
                        return completion.Content[0].Text;
                    }
                }
                """, ReferenceCatalog.All, new[]
                {
                    Diagnostic("AISEC001").WithLocation(0).WithArguments("S3 GetObjectResponse.ResponseStream", "'new UserChatMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(1).WithArguments("HttpRequest.Body", "'new SystemChatMessage'", string.Empty),
                    Diagnostic("AISEC001").WithLocation(2).WithArguments("Console.In", "'new UserChatMessage'", string.Empty),
                });

        [Fact]
        public Task AsyncValidatorAndLocalFunction()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptValidatorAttribute : Attribute { }

                public class Moderation
                {
                    [PromptValidator]
                    public Task<bool> IsSafeAsync(string text) => Task.FromResult(text.Length < 500);
                }

                [ApiController]
                public class ModeratedController : ControllerBase
                {
                    private readonly Moderation _moderation = new();

                    [HttpPost("moderated")]
                    public async Task<ActionResult<ChatHistory>> Build(string persona, string topic)
                    {
                        if (!await _moderation.IsSafeAsync(persona))
                        {
                            return BadRequest();
                        }

                        var history = new ChatHistory($"You are {persona}.");
                        AddTopic(topic);
                        return history;

                        void AddTopic(string value) => history.AddSystemMessage({|AISEC002:"Topic: " + value|});
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task ClientSuppliedHistory()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                public record HistoryItem(string Role, string Content);

                public record ChatRequest(string Message, List<HistoryItem> History);

                public static class ChatApi
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/chat", async (ChatRequest request, IChatClient chat) =>
                        {
                            var messages = new List<ChatMessage> { new(ChatRole.System, "You are a helpful assistant.") };
                            foreach (var item in request.History)
                            {
                                messages.Add(new ChatMessage(item.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, item.Content));
                                messages.Add(new ChatMessage(new ChatRole(item.Role), {|AISEC002:item.Content|}));
                            }

                            messages.Add(new ChatMessage(ChatRole.User, request.Message));
                            var response = await chat.GetResponseAsync(messages);
                            return response.Text;
                        });

                        app.MapPost("/openai", (ChatRequest request, OpenAI.Chat.ChatClient chat) =>
                        {
                            var messages = request.History
                                .Select(h => h.Role == "system" ? (OpenAI.Chat.ChatMessage)new OpenAI.Chat.SystemChatMessage({|AISEC002:h.Content|}) : new OpenAI.Chat.UserChatMessage(h.Content))
                                .ToList();
                            return chat.CompleteChat(messages).Value.Content[0].Text;
                        });
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task OpenAIBinaryContentFromDictionaries()
            => Verify.AnalyzeAsync("""
                using System;
                using System.ClientModel;
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class RawController : ControllerBase
                {
                    private readonly ChatClient _chat;

                    public RawController(ChatClient chat) => _chat = chat;

                    [HttpPost("raw")]
                    public ClientResult Send(string persona, string question)
                    {
                        var payload = new Dictionary<string, object>
                        {
                            ["model"] = "gpt-4o",
                            ["messages"] = new[]
                            {
                                new Dictionary<string, string> { ["role"] = "system", ["content"] = "You are " + persona },
                                new Dictionary<string, string> { ["role"] = "user", ["content"] = question },
                            },
                        };
                        using BinaryContent content = BinaryContent.Create(BinaryData.FromObjectAsJson(payload));
                        return _chat.CompleteChat({|AISEC002:content|});
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task MoreSourceKinds()
            => AnalyzeAsync("""
                using System.IO;
                using System.Linq;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.SemanticKernel.ChatCompletion;

                public class Sources
                {
                    public async Task<ChatHistory> Build(HttpRequest request, HttpClient http, string path)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage({|#0:request.Form["persona"].ToString()|});
                        history.AddSystemMessage({|#1:$"Theme: {request.Cookies["theme"]}"|});
                        history.AddSystemMessage({|#2:"Route: " + request.RouteValues["slug"]|});
                        history.AddSystemMessage({|#3:"Path: " + request.Path|});
                        history.AddSystemMessage({|#4:string.Join("\n", File.ReadAllLines(path))|});
                        history.AddSystemMessage({|#5:File.ReadLines(path).First()|});
                        using (var reader = File.OpenText(path))
                        {
                            history.AddSystemMessage({|#6:reader.ReadLine() ?? string.Empty|});
                        }

                        using var stream = await http.GetStreamAsync("https://example.com/a.txt");
                        using var streamReader = new StreamReader(stream);
                        history.AddSystemMessage({|#7:await streamReader.ReadToEndAsync()|});
                        using var fileReader = new StreamReader(path);
                        history.AddSystemMessage({|#8:fileReader.ReadToEnd()|});
                        return history;
                    }
                }
                """, ReferenceCatalog.Llm, new[]
                {
                    Diagnostic("AISEC002").WithLocation(0).WithArguments("HttpRequest.Form", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(1).WithArguments("HttpRequest.Cookies", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(2).WithArguments("HttpRequest.RouteValues", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(3).WithArguments("HttpRequest.Path", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(4).WithArguments("File.ReadAllLines", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(5).WithArguments("File.ReadLines", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(6).WithArguments("File.OpenText", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(7).WithArguments("HttpClient.GetStreamAsync", "'ChatHistory.AddSystemMessage'", string.Empty),
                    Diagnostic("AISEC002").WithLocation(8).WithArguments("a file read with StreamReader", "'ChatHistory.AddSystemMessage'", string.Empty),
                });

        [Fact]
        public Task ConfiguredPropertySource()
            => Verify.AnalyzeAsync("""
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Crm
                {
                    public class Lead
                    {
                        public string Notes { get; set; } = string.Empty;
                        public string Owner { get; set; } = string.Empty;
                    }

                    public class LeadAssistant
                    {
                        public ChatHistory Build(Lead lead) => new ChatHistory({|AISEC002:"Notes: " + lead.Notes|});

                        public ChatHistory Owner(Lead lead) => new ChatHistory("Owner: " + lead.Owner);
                    }
                }
                """, ReferenceCatalog.Llm, editorConfig: "aisecure.untrusted_sources = P:Crm.Lead.Notes");

        // ---- Options ----

        [Fact]
        public Task UntrustedParametersPublic()
            => Verify.AnalyzeAsync("""
                using Microsoft.SemanticKernel.ChatCompletion;

                public class PromptLibrary
                {
                    public ChatHistory Create(string persona) => new ChatHistory({|AISEC002:"You are " + persona|});

                    internal ChatHistory Internal(string persona) => new ChatHistory("You are " + persona);
                }
                """, ReferenceCatalog.Llm, editorConfig: "aisecure.untrusted_parameters = public");

        [Fact]
        public Task UntrustedParametersAll()
            => Verify.AnalyzeAsync("""
                using Microsoft.SemanticKernel.ChatCompletion;

                internal class PromptLibrary
                {
                    internal ChatHistory Internal(string persona) => new ChatHistory({|AISEC002:"You are " + persona|});
                }
                """, ReferenceCatalog.Llm, editorConfig: "aisecure.untrusted_parameters = all");

        [Fact]
        public Task ConfiguredSourcesSinksSanitizersAndValidators()
            => Verify.AnalyzeAsync("""
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Shop
                {
                    public class TicketStore
                    {
                        public string ReadTicket(int id) => "ticket";
                    }

                    public static class Text
                    {
                        public static string Scrub(string value) => value;
                        public static bool Allowed(string value) => value.Length < 10;
                    }

                    public class LegacyLlm
                    {
                        public string Complete(string prompt) => prompt;
                    }

                    public class Support
                    {
                        public ChatHistory Build(TicketStore store, LegacyLlm llm)
                        {
                            var ticket = store.ReadTicket(1);
                            var history = new ChatHistory({|AISEC002:"Ticket: " + ticket|});
                            history.AddSystemMessage("Ticket: " + Text.Scrub(ticket));
                            llm.Complete({|AISEC001:"Summarize: " + ticket|});
                            if (Text.Allowed(ticket))
                            {
                                history.AddSystemMessage(ticket);
                            }

                            return history;
                        }
                    }
                }
                """, ReferenceCatalog.Llm, editorConfig: """
                aisecure.untrusted_sources = M:Shop.TicketStore.ReadTicket(System.Int32)
                aisecure.prompt_sinks = M:Shop.LegacyLlm.Complete(System.String)
                aisecure.prompt_sanitizers = M:Shop.Text.Scrub(System.String)
                aisecure.prompt_validators = M:Shop.Text.Allowed(System.String)
                """);

        // ---- Robustness ----

        [Fact]
        public Task GeneratedCodeIsSkipped()
            => Verify.AnalyzeAsync("""
                // <auto-generated/>
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class GeneratedController : ControllerBase
                {
                    [HttpPost("gen")]
                    public ChatHistory Build(string persona) => new ChatHistory("You are " + persona);
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task NoSdkNoAnalysis()
            => Verify.AnalyzeAsync("""
                public class Plain
                {
                    public string Build(string persona) => "You are " + persona;
                }
                """);

        [Fact]
        public Task BrokenCodeDoesNotCrash()
            => Verify.AnalyzeAsync("""
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class BrokenController : ControllerBase
                {
                    [HttpPost("broken")]
                    public ChatHistory Build(string persona)
                    {
                        var history = new ChatHistory(
                        history.AddSystemMessage("You are " + persona + undefinedThing);
                        history.AddUserMessage($"{persona
                """, ReferenceCatalog.Llm, compilerDiagnostics: CompilerDiagnostics.None);

        [Fact]
        public Task LargeMethodWithinTheBound()
        {
            var lines = new System.Text.StringBuilder();
            for (var i = 0; i < 300; i++)
            {
                lines.AppendLine($"        prompt += \"Line {i}: \" + notes[{i % 5}];");
            }

            var source = """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class LargeController : ControllerBase
                {
                    [HttpPost("large")]
                    public ChatHistory Build(string[] notes)
                    {
                        var prompt = string.Empty;

                """ + lines + """
                        var history = new ChatHistory();
                        history.AddUserMessage({|AISEC001:prompt|});
                        return history;
                    }
                }
                """;
            return Verify.AnalyzeAsync(source, ReferenceCatalog.Llm);
        }

        [Fact]
        public Task PastTheBudgetKnownUntrustedPartsAreStillReported()
        {
            // 6,000 statements run the method's budget out: what was not followed is unknown, but the untrusted parts
            // already found are reported (a limit never clears a value, docs/rules/AISEC001.md).
            var lines = new System.Text.StringBuilder();
            for (var i = 0; i < 6000; i++)
            {
                lines.AppendLine($"        prompt += \"Line {i}: \" + notes[{i % 5}];");
            }

            var source = """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class HugeController : ControllerBase
                {
                    [HttpPost("huge")]
                    public ChatHistory Build(string[] notes)
                    {
                        var prompt = string.Empty;

                """ + lines + """
                        var history = new ChatHistory();
                        history.AddUserMessage([|prompt|]);
                        return history;
                    }
                }
                """;
            return Verify.AnalyzeAsync(source, ReferenceCatalog.Llm);
        }

        [Fact]
        public Task JsonContentQueueMessagesAndFilesAtVariablePaths()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Microsoft.SemanticKernel.ChatCompletion;

                public sealed record Article(string Title, string Body, int Views);

                public sealed class Worker
                {
                    private const string Guide = "guide.md";

                    public async Task RunAsync(HttpClient http, IAmazonSQS sqs, ChatHistory history, string queueUrl, string path)
                    {
                        var article = await http.GetFromJsonAsync<Article>("https://example.com/articles/1");
                        history.AddUserMessage([|"Summarize: " + article!.Body|]);
                        history.AddUserMessage("Views so far: " + article.Views);

                        using var response = await http.GetAsync("https://example.com/articles/2");
                        var other = await response.Content.ReadFromJsonAsync<Article>();
                        history.AddUserMessage([|$"Title: {other!.Title}"|]);

                        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl });
                        foreach (var message in received.Messages)
                        {
                            history.AddUserMessage([|"Handle this ticket: " + message.Body|]);
                        }

                        // Files at constant paths ship with the app; a path chosen at run time is external content.
                        var benefits = await File.ReadAllTextAsync("benefits.md");
                        history.AddUserMessage("Answer from these benefits: " + benefits);
                        history.AddUserMessage("Travel policy: " + File.ReadAllText("policies/" + "travel.md"));
                        using var reader = new StreamReader(Guide);
                        history.AddUserMessage("Guide: " + await reader.ReadToEndAsync());
                        history.AddUserMessage([|"Notes: " + File.ReadAllText(path)|]);
                        history.AddUserMessage([|"More notes: " + await File.ReadAllTextAsync(Path.Combine("notes", path))|]);
                    }
                }
                """, ReferenceCatalog.All);

        /// <summary>A prompt written as <paramref name="parts"/> <c>+</c> parts, one line each, with <paramref name="untrusted"/> at every <paramref name="every"/>th part.</summary>
        private static string LongPrompt(int parts, int every, string untrusted)
        {
            var text = new System.Text.StringBuilder("\"You are a support agent.\\n\"");
            for (var i = 1; i < parts; i++)
            {
                text.Append("\n            + ").Append(i % every == 0 ? untrusted : $"\"Rule {i}: be precise.\\n\"");
            }

            return text.ToString();
        }

        private static string LongPromptController(string prompt, string extra = "") => """
            using System;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.SemanticKernel.ChatCompletion;

            namespace Shop
            {
            """ + extra + """
                [ApiController]
                public class SupportController : ControllerBase
                {
                    [HttpPost("support")]
                    public ChatHistory Build(string question)
                    {
                        var history = new ChatHistory();
                        history.AddUserMessage(
            """ + prompt + """
            );
                        return history;
                    }
                }
            }
            """;

        [Fact]
        public Task ThreeThousandPartPromptWithOneUntrustedPartIsReported()
            => Verify.AnalyzeAsync(LongPromptController("[|" + LongPrompt(3000, 2999, "question") + "|]"), ReferenceCatalog.Llm);

        [Fact]
        public Task FixAllSanitizesEveryUntrustedPartOfALongPrompt()
        {
            const string Sanitizer = """
                    [AttributeUsage(AttributeTargets.Method)]
                    sealed class PromptSanitizerAttribute : Attribute { }

                    static class PromptText
                    {
                        [PromptSanitizer]
                        public static string Clean(string value) => value.Replace("<", string.Empty);
                    }

                """;
            var test = new Verify.Test
            {
                TestCode = LongPromptController("{|AISEC001:" + LongPrompt(3000, 500, "question") + "|}", Sanitizer),
                FixedCode = LongPromptController(LongPrompt(3000, 500, "PromptText.Clean(question)"), Sanitizer),
                References = ReferenceCatalog.Llm,
                CodeActionEquivalenceKey = "AISEC001.Sanitize",

                // One document: Fix All in the project or the solution is the same edit, checked by the other fix tests.
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            };
            return test.RunWithStubsAsync();
        }

        // ---- Fixes ----

        [Fact]
        public Task FixSanitizeWithTheProjectSanitizer()
            => Verify.FixAsync("""
                using System;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Shop
                {
                    [AttributeUsage(AttributeTargets.Method)]
                    sealed class PromptSanitizerAttribute : Attribute { }

                    static class PromptText
                    {
                        [PromptSanitizer]
                        public static string Clean(string value) => value.Replace("<", string.Empty);
                    }

                    [ApiController]
                    public class SupportController : ControllerBase
                    {
                        [HttpPost("support")]
                        public ChatHistory Build(string product, string question, int count)
                        {
                            var history = new ChatHistory({|AISEC002:$"You support {product} ({count} open tickets)."|});
                            history.AddUserMessage({|AISEC001:"Question about " + product + ": " + question|});
                            return history;
                        }
                    }
                }
                """, """
                using System;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Shop
                {
                    [AttributeUsage(AttributeTargets.Method)]
                    sealed class PromptSanitizerAttribute : Attribute { }

                    static class PromptText
                    {
                        [PromptSanitizer]
                        public static string Clean(string value) => value.Replace("<", string.Empty);
                    }

                    [ApiController]
                    public class SupportController : ControllerBase
                    {
                        [HttpPost("support")]
                        public ChatHistory Build(string product, string question, int count)
                        {
                            var history = new ChatHistory($"You support {PromptText.Clean(product)} ({count} open tickets).");
                            history.AddUserMessage("Question about " + PromptText.Clean(product) + ": " + PromptText.Clean(question));
                            return history;
                        }
                    }
                }
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC001.Sanitize");

        [Fact]
        public Task FixSanitizeAddsAHelperOnce()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                [ApiController]
                public class TranslateController : ControllerBase
                {
                    private readonly IChatClient _chat;

                    public TranslateController(IChatClient chat) => _chat = chat;

                    [HttpPost("translate")]
                    public async Task<string> Translate(string language, string text)
                    {
                        var response = await _chat.GetResponseAsync({|AISEC001:$"Translate into {language}: {text}"|});
                        var summary = await _chat.GetResponseAsync({|AISEC001:"Summarize: " + text|});
                        return response.Text + summary.Text;
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                [ApiController]
                public class TranslateController : ControllerBase
                {
                    private readonly IChatClient _chat;

                    public TranslateController(IChatClient chat) => _chat = chat;

                    [HttpPost("translate")]
                    public async Task<string> Translate(string language, string text)
                    {
                        var response = await _chat.GetResponseAsync($"Translate into {PromptInputSanitizer.Sanitize(language)}: {PromptInputSanitizer.Sanitize(text)}");
                        var summary = await _chat.GetResponseAsync("Summarize: " + PromptInputSanitizer.Sanitize(text));
                        return response.Text + summary.Text;
                    }
                }
                #nullable enable

                /// <summary>Prepares untrusted text for an LLM prompt (added by the AiSecure AISEC001/AISEC002 fix; adjust it to your needs).</summary>
                internal static class PromptInputSanitizer
                {
                    private static readonly System.Text.RegularExpressions.Regex Markers = new System.Text.RegularExpressions.Regex(
                        @"</?\s*(system|developer|assistant|user|message|untrusted-input)\b[^>]*>|<\|[^|>]*\|>|\[/?INST\]",
                        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

                    /// <summary>Drops control characters, neutralizes role and template markers, and fences the text as data.</summary>
                    [PromptSanitizer]
                    internal static string Sanitize(string? value)
                    {
                        if (string.IsNullOrEmpty(value))
                        {
                            return string.Empty;
                        }

                        var builder = new System.Text.StringBuilder(value!.Length);
                        foreach (var c in value)
                        {
                            if (!char.IsControl(c) || c == '\n' || c == '\t')
                            {
                                builder.Append(c);
                            }
                        }

                        var text = Markers.Replace(builder.ToString(), string.Empty).Replace("{{", "{ {").Replace("}}", "} }");
                        return "<untrusted-input>\n" + text + "\n</untrusted-input>";
                    }

                    /// <summary>Tells AiSecure.Analyzers that a method returns text that is safe to put in a prompt.</summary>
                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    internal sealed class PromptSanitizerAttribute : System.Attribute
                    {
                    }
                }
                #nullable restore

                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC001.Sanitize");

        [Fact]
        public Task FixTemplateVariable()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;

                [ApiController]
                public class PoemController : ControllerBase
                {
                    private readonly Kernel _kernel;

                    public PoemController(Kernel kernel) => _kernel = kernel;

                    [HttpPost("poem")]
                    public async Task<string> Write(PoemRequest request)
                    {
                        var result = await _kernel.InvokePromptAsync({|AISEC001:$"Write a {request.Style} poem about {request.Topic}."|});
                        return result.ToString();
                    }
                }

                public record PoemRequest(string Topic, string Style);
                """, """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;

                [ApiController]
                public class PoemController : ControllerBase
                {
                    private readonly Kernel _kernel;

                    public PoemController(Kernel kernel) => _kernel = kernel;

                    [HttpPost("poem")]
                    public async Task<string> Write(PoemRequest request)
                    {
                        var result = await _kernel.InvokePromptAsync("Write a {{$style}} poem about {{$topic}}.", new KernelArguments { ["style"] = request.Style, ["topic"] = request.Topic });
                        return result.ToString();
                    }
                }

                public record PoemRequest(string Topic, string Style);
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC001.TemplateVariable");

        [Fact]
        public Task FixMoveIntoUserMessage()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel.ChatCompletion;
                using OpenAI.Chat;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public object Build(string persona, string question)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage({|AISEC002:$"You are {persona}. Be brief."|});
                        history.AddUserMessage(question);

                        OpenAI.Chat.ChatMessage[] messages =
                        {
                            new SystemChatMessage({|AISEC002:"You are " + persona|}),
                            new UserChatMessage(question),
                        };

                        var meai = new List<Microsoft.Extensions.AI.ChatMessage>
                        {
                            new(ChatRole.System, {|AISEC002:persona|}),
                        };
                        return (history, messages, meai);
                    }
                }
                """, """
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel.ChatCompletion;
                using OpenAI.Chat;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public object Build(string persona, string question)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage("You are (given in the next user message). Be brief.");
                        history.AddUserMessage(persona);
                        history.AddUserMessage(question);

                        OpenAI.Chat.ChatMessage[] messages =
                        {
                            new SystemChatMessage("You are (given in the next user message)"),
                            new UserChatMessage(persona),
                            new UserChatMessage(question),
                        };

                        var meai = new List<Microsoft.Extensions.AI.ChatMessage>
                        {
                            new(ChatRole.User, persona),
                        };
                        return (history, messages, meai);
                    }
                }
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC002.MoveToUserMessage");

        [Fact]
        public Task FixAllAddsTheHelperToOneDocument()
        {
            var test = new Verify.Test
            {
                References = ReferenceCatalog.Llm,
                CodeActionEquivalenceKey = "AISEC001.Sanitize",
                CodeActionIndex = 0,
            };
            test.TestState.Sources.Add(("/0/A.cs", """
                namespace Shop.Web;

                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class AController : ControllerBase
                {
                    [HttpPost("a")]
                    public ChatHistory Build(string persona) => new ChatHistory({|AISEC002:"You are " + persona|});
                }
                """));
            test.TestState.Sources.Add(("/0/B.cs", """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class BController : ControllerBase
                {
                    [HttpPost("b")]
                    public ChatHistory Build(string topic)
                    {
                        var history = new ChatHistory();
                        history.AddUserMessage({|AISEC001:$"Topic: {topic}"|});
                        return history;
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/A.cs", """
                namespace Shop.Web;

                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class AController : ControllerBase
                {
                    [HttpPost("a")]
                    public ChatHistory Build(string persona) => new ChatHistory("You are " + PromptInputSanitizer.Sanitize(persona));
                }
                #nullable enable

                /// <summary>Prepares untrusted text for an LLM prompt (added by the AiSecure AISEC001/AISEC002 fix; adjust it to your needs).</summary>
                internal static class PromptInputSanitizer
                {
                    private static readonly System.Text.RegularExpressions.Regex Markers = new System.Text.RegularExpressions.Regex(
                        @"</?\s*(system|developer|assistant|user|message|untrusted-input)\b[^>]*>|<\|[^|>]*\|>|\[/?INST\]",
                        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

                    /// <summary>Drops control characters, neutralizes role and template markers, and fences the text as data.</summary>
                    [PromptSanitizer]
                    internal static string Sanitize(string? value)
                    {
                        if (string.IsNullOrEmpty(value))
                        {
                            return string.Empty;
                        }

                        var builder = new System.Text.StringBuilder(value!.Length);
                        foreach (var c in value)
                        {
                            if (!char.IsControl(c) || c == '\n' || c == '\t')
                            {
                                builder.Append(c);
                            }
                        }

                        var text = Markers.Replace(builder.ToString(), string.Empty).Replace("{{", "{ {").Replace("}}", "} }");
                        return "<untrusted-input>\n" + text + "\n</untrusted-input>";
                    }

                    /// <summary>Tells AiSecure.Analyzers that a method returns text that is safe to put in a prompt.</summary>
                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    internal sealed class PromptSanitizerAttribute : System.Attribute
                    {
                    }
                }
                #nullable restore

                """));
            test.FixedState.Sources.Add(("/0/B.cs", """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class BController : ControllerBase
                {
                    [HttpPost("b")]
                    public ChatHistory Build(string topic)
                    {
                        var history = new ChatHistory();
                        history.AddUserMessage($"Topic: {Shop.Web.PromptInputSanitizer.Sanitize(topic)}");
                        return history;
                    }
                }
                """));
            test.BatchFixedState.Sources.AddRange(test.FixedState.Sources);
            test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllInDocumentCheck | Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task FixTemplateVariableFromConcatenation()
            => Verify.FixAsync("""
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;

                public class Writer
                {
                    public async Task<string> Write(Kernel kernel)
                    {
                        var topic = System.Console.ReadLine();
                        var result = await kernel.InvokePromptAsync({|AISEC001:"Write a poem about " + topic + "."|});
                        return result.ToString();
                    }
                }
                """, """
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel;

                public class Writer
                {
                    public async Task<string> Write(Kernel kernel)
                    {
                        var topic = System.Console.ReadLine();
                        var result = await kernel.InvokePromptAsync("Write a poem about {{$topic}}.", new KernelArguments { ["topic"] = topic });
                        return result.ToString();
                    }
                }
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC001.TemplateVariable");

        [Fact]
        public Task FixSanitizeAcrossMethods()
            => FixNonLocalAsync("""
                using System;
                using Microsoft.SemanticKernel.ChatCompletion;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptSanitizerAttribute : Attribute { }

                static class Clean
                {
                    [PromptSanitizer]
                    internal static string Text(string value) => value;
                }

                public class Assistant
                {
                    public ChatHistory Start(string persona) => new ChatHistory({|AISEC002:$"You are {persona}."|});
                }

                public static class Program
                {
                    public static void Main() => new Assistant().Start(Console.ReadLine()!);
                }
                """, """
                using System;
                using Microsoft.SemanticKernel.ChatCompletion;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptSanitizerAttribute : Attribute { }

                static class Clean
                {
                    [PromptSanitizer]
                    internal static string Text(string value) => value;
                }

                public class Assistant
                {
                    public ChatHistory Start(string persona) => new ChatHistory($"You are {Clean.Text(persona)}.");
                }

                public static class Program
                {
                    public static void Main() => new Assistant().Start(Console.ReadLine()!);
                }
                """);

        [Fact]
        public Task FixSanitizeLoopAndOutVariables()
            => Verify.FixAsync("""
                using System;
                using System.IO;
                using System.Text;
                using Microsoft.AspNetCore.Http;
                using Microsoft.SemanticKernel.ChatCompletion;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptSanitizerAttribute : Attribute { }

                static class Clean
                {
                    [PromptSanitizer]
                    internal static string Text(string? value) => value ?? string.Empty;
                }

                public class Digest
                {
                    public ChatHistory Build(HttpRequest request, string path)
                    {
                        var builder = new StringBuilder("Summarize these lines:");
                        foreach (var line in File.ReadLines(path))
                        {
                            builder.AppendLine(line);
                        }

                        request.Query.TryGetValue("tone", out var tone);
                        var history = new ChatHistory();
                        history.AddUserMessage({|AISEC001:builder.ToString()|});
                        history.AddSystemMessage({|AISEC002:"Tone: " + tone|});
                        return history;
                    }
                }
                """, """
                using System;
                using System.IO;
                using System.Text;
                using Microsoft.AspNetCore.Http;
                using Microsoft.SemanticKernel.ChatCompletion;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class PromptSanitizerAttribute : Attribute { }

                static class Clean
                {
                    [PromptSanitizer]
                    internal static string Text(string? value) => value ?? string.Empty;
                }

                public class Digest
                {
                    public ChatHistory Build(HttpRequest request, string path)
                    {
                        var builder = new StringBuilder("Summarize these lines:");
                        foreach (var line in File.ReadLines(path))
                        {
                            builder.AppendLine(Clean.Text(line));
                        }

                        request.Query.TryGetValue("tone", out var tone);
                        var history = new ChatHistory();
                        history.AddUserMessage(builder.ToString());
                        history.AddSystemMessage("Tone: " + Clean.Text(tone));
                        return history;
                    }
                }
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC001.Sanitize");

        [Fact]
        public Task FixMoveAfterAnAddCall()
            => Verify.FixAsync("""
                #pragma warning disable OPENAI001
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class TutorController : ControllerBase
                {
                    [HttpPost("tutor")]
                    public List<ChatMessage> Build(string subject, int level)
                    {
                        var messages = new List<ChatMessage>();
                        messages.Add(ChatMessage.CreateDeveloperMessage({|AISEC002:$"Teach {subject} at level {level}."|}));
                        return messages;
                    }
                }
                """, """
                #pragma warning disable OPENAI001
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class TutorController : ControllerBase
                {
                    [HttpPost("tutor")]
                    public List<ChatMessage> Build(string subject, int level)
                    {
                        var messages = new List<ChatMessage>();
                        messages.Add(ChatMessage.CreateDeveloperMessage($"Teach (given in the next user message) at level {level}."));
                        messages.Add(ChatMessage.CreateUserMessage(subject));
                        return messages;
                    }
                }
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC002.MoveToUserMessage");

        [Fact]
        public Task FixMoveInTopLevelStatements()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using Microsoft.SemanticKernel.ChatCompletion;

                    var history = new ChatHistory();
                    var persona = Console.ReadLine();
                    history.AddSystemMessage({|AISEC002:"You are " + persona|});
                    Console.WriteLine(history.Count);
                    """,
                FixedCode = """
                    using System;
                    using Microsoft.SemanticKernel.ChatCompletion;

                    var history = new ChatHistory();
                    var persona = Console.ReadLine();
                    history.AddSystemMessage("You are (given in the next user message)");
                    history.AddUserMessage(persona);
                    Console.WriteLine(history.Count);
                    """,
                References = ReferenceCatalog.Llm,
                CodeActionEquivalenceKey = "AISEC002.MoveToUserMessage",
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunWithStubsAsync();
        }
    }
}
