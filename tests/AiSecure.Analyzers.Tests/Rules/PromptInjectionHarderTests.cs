using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC001 / AISEC002 on harder service code than the other realistic tests: culture-invariant formatting, builder
    /// joins, records sanitized through <c>with</c>, helpers that hand their prompt out through an <c>out</c> parameter,
    /// and generic render helpers that take a delegate.
    /// </summary>
    public class PromptInjectionHarderTests
    {
        [Fact]
        public Task InvariantFormattingAndBuilderJoins()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.Linq;
                using System.Text;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Orders;

                public sealed record LineItem(string Name, int Quantity, decimal Price);
                public sealed record Order(string Id, string? CustomerNote, List<LineItem> Items);

                [ApiController]
                [Route("api/orders")]
                public sealed class OrderAssistantController(IChatClient chat) : ControllerBase
                {
                    [HttpPost("note")]
                    public async Task<string> Note([FromBody] Order order)
                    {
                        var prompt = FormattableString.Invariant($"Order {order.Id} has the note: {order.CustomerNote}");
                        var first = await chat.GetResponseAsync({|AISEC001:prompt|});
                        FormattableString template = $"Summarize the note {order.CustomerNote}.";
                        var second = await chat.GetResponseAsync({|AISEC001:template.ToString(CultureInfo.InvariantCulture)|});
                        var totals = FormattableString.Invariant($"{order.Items.Count} items, {order.Items.Sum(i => i.Price * i.Quantity)} in total.");
                        var third = await chat.GetResponseAsync("Explain the totals: " + totals);
                        return first.Text + second.Text + third.Text;
                    }

                    [HttpPost("items")]
                    public async Task<string> Items([FromBody] Order order)
                    {
                        var names = order.Items.Select(i => i.Name).ToArray();
                        var builder = new StringBuilder("Suggest accessories for: ");
                        builder.AppendJoin(", ", names);
                        var first = await chat.GetResponseAsync({|AISEC001:builder.ToString()|});
                        var other = new StringBuilder();
                        other.AppendJoin("; ", order.Items.Select(i => i.Name));
                        var second = await chat.GetResponseAsync({|AISEC001:"Items: " + other|});
                        var counts = new StringBuilder("Quantities: ");
                        counts.AppendJoin(", ", order.Items.Select(i => i.Quantity));
                        var third = await chat.GetResponseAsync(counts.ToString());
                        var tags = order.CustomerNote!.Split(',', StringSplitOptions.TrimEntries);
                        var joined = new StringBuilder();
                        joined.AppendJoin(", ", tags);
                        var fourth = await chat.GetResponseAsync({|AISEC001:"Tags: " + joined|});
                        var folded = order.Items.Select(i => i.Name).Aggregate("Suggest accessories for:", (text, name) => text + "\n- " + name);
                        var fifth = await chat.GetResponseAsync({|AISEC001:folded|});
                        var longest = order.Items.Select(i => i.Quantity).Aggregate(0, (max, quantity) => Math.Max(max, quantity));
                        var sixth = await chat.GetResponseAsync($"The largest quantity is {longest}.");
                        return first.Text + second.Text + third.Text + fourth.Text + fifth.Text + sixth.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task RecordSanitizedThroughWithIsReadMemberByMember()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;

                namespace Contoso.Style;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptSanitizerAttribute : Attribute;

                public static class Input
                {
                    [PromptSanitizer]
                    public static string Clean(string value) => value.Replace("{{", "").Replace("}}", "").Replace("<", "");
                }

                public sealed record StyleRequest(string Text, string Tone, string Audience);

                public sealed class StyleWriter(Kernel kernel)
                {
                    public async Task<string> WriteAsync(StyleRequest request)
                    {
                        var result = await kernel.InvokePromptAsync($"Rewrite for {request.Audience} in a {request.Tone} tone:\n{request.Text}");
                        return result.GetValue<string>() ?? "";
                    }
                }

                [ApiController]
                [Route("api/style")]
                public sealed class StyleController(Kernel kernel, StyleWriter writer) : ControllerBase
                {
                    [HttpPost]
                    public async Task<string> Restyle([FromBody] StyleRequest request)
                    {
                        var clean = request with { Text = Input.Clean(request.Text), Tone = Input.Clean(request.Tone) };
                        var safe = await kernel.InvokePromptAsync($"Rewrite in a {clean.Tone} tone:\n{clean.Text}");
                        var mixed = await kernel.InvokePromptAsync({|AISEC001:$"Rewrite for {clean.Audience}:\n{clean.Text}"|});
                        var again = clean with { Audience = "everyone" };
                        var safeToo = await kernel.InvokePromptAsync($"Rewrite for {again.Audience} in a {again.Tone} tone:\n{again.Text}");
                        return safe.GetValue<string>() + mixed.GetValue<string>() + safeToo.GetValue<string>();
                    }

                    [HttpPost("all")]
                    public Task<string> Everything([FromBody] StyleRequest request)
                        => writer.WriteAsync(request with { Text = Input.Clean(request.Text), Tone = Input.Clean(request.Tone), Audience = Input.Clean(request.Audience) });
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task PromptHandedOutThroughAnOutParameter()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                namespace Contoso.Briefs;

                public sealed record BriefRequest(string Topic, int Words);

                public static class BriefPrompts
                {
                    public static bool TryBuild(BriefRequest request, out string prompt)
                    {
                        prompt = "Write a brief about " + request.Topic;
                        return request.Topic.Length > 0;
                    }

                    public static bool TryBuildFixed(BriefRequest request, out string prompt)
                    {
                        prompt = $"Write a brief of {request.Words} words.";
                        return request.Words > 0;
                    }
                }

                public interface IBriefComposer
                {
                    void Compose(BriefRequest request, out string system, out int words);
                }

                public sealed class BriefComposer : IBriefComposer
                {
                    public void Compose(BriefRequest request, out string system, out int words)
                    {
                        system = "You write briefs.";
                        words = request.Words;
                        if (request.Words > 500)
                        {
                            system = $"You write long briefs about {request.Topic}.";
                        }
                    }
                }

                public static class BriefExtensions
                {
                    public static void AsPrompt(this BriefRequest request, out string prompt) => prompt = "Brief: " + request.Topic;
                }

                [ApiController]
                [Route("api/briefs")]
                public sealed class BriefsController(ChatClient chat, IBriefComposer composer) : ControllerBase
                {
                    [HttpPost("composed")]
                    public async Task<string> Composed([FromBody] BriefRequest request)
                    {
                        composer.Compose(request, out var system, out var words);
                        request.AsPrompt(out var prompt);
                        ChatCompletion completion = await chat.CompleteChatAsync(new SystemChatMessage({|AISEC002:system|}), new UserChatMessage({|AISEC001:prompt|}), new UserChatMessage($"{words} words."));
                        return completion.Content[0].Text;
                    }

                    [HttpPost]
                    public async Task<IActionResult> Post([FromBody] BriefRequest request)
                    {
                        if (!BriefPrompts.TryBuild(request, out var prompt) || !BriefPrompts.TryBuildFixed(request, out var words))
                        {
                            return BadRequest();
                        }

                        ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage({|AISEC001:prompt|}), new UserChatMessage(words));
                        return Ok(completion.Content[0].Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task SanitizersAndValidatorsInjectedThroughAnInterface()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Moderation;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptSanitizerAttribute : Attribute;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptValidatorAttribute : Attribute;

                public interface IPromptSanitizer
                {
                    string Sanitize(string text);
                }

                public sealed class PromptSanitizer : IPromptSanitizer
                {
                    [PromptSanitizer]
                    public string Sanitize(string text) => text.Replace("<", "").Replace("{{", "");
                }

                public interface IModeration
                {
                    Task<bool> IsSafeAsync(string text);
                }

                public sealed class ContentSafetyModeration : IModeration
                {
                    [PromptValidator]
                    public Task<bool> IsSafeAsync(string text) => Task.FromResult(!text.Contains("ignore previous", StringComparison.OrdinalIgnoreCase));
                }

                public interface INotesCheck
                {
                    bool IsClean(string notes);
                }

                public sealed class StrictNotesCheck : INotesCheck
                {
                    [PromptValidator]
                    public bool IsClean(string notes) => notes.Length < 200;
                }

                public sealed class NoNotesCheck : INotesCheck
                {
                    public bool IsClean(string notes) => true;
                }

                public abstract class TopicCheck
                {
                    public abstract bool IsAllowed(string topic);
                }

                public sealed class CatalogTopicCheck : TopicCheck
                {
                    [PromptValidator]
                    public override bool IsAllowed(string topic) => topic.Length < 40;
                }

                public sealed record AskRequest(string Question, string Topic, string Notes);

                [ApiController]
                [Route("api/ask")]
                public sealed class AskController(IChatClient chat, IPromptSanitizer sanitizer, IModeration moderation, TopicCheck topics, INotesCheck notes) : ControllerBase
                {
                    [HttpPost]
                    public async Task<IActionResult> Ask([FromBody] AskRequest request)
                    {
                        if (!await moderation.IsSafeAsync(request.Question) || !topics.IsAllowed(request.Topic) || !notes.IsClean(request.Notes))
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, $"Answer questions about {request.Topic}."),
                            new ChatMessage(ChatRole.User, "Question: " + request.Question),
                            new ChatMessage(ChatRole.User, "Notes: " + sanitizer.Sanitize(request.Notes)),
                            new ChatMessage(ChatRole.User, {|AISEC001:"More notes: " + request.Notes|}),
                        ]);
                        return Ok(response.Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task TemplatesFilledWithRegexReplace()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Templates;

                public sealed record AskRequest(string Question, string Product);

                public static partial class PromptTemplates
                {
                    private static readonly Regex Placeholder = new(@"\{\{(\w+)\}\}", RegexOptions.Compiled);

                    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
                        => Placeholder.Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
                }

                [ApiController]
                [Route("api/templates")]
                public sealed class TemplatesController(IChatClient chat) : ControllerBase
                {
                    private const string Answer = "Answer about {{product}}: {{question}}";
                    private const string System = "You support {{product}}.";

                    [HttpPost]
                    public async Task<string> Ask([FromBody] AskRequest request)
                    {
                        var values = new Dictionary<string, string> { ["product"] = request.Product, ["question"] = request.Question };
                        var prompt = Regex.Replace(Answer, @"\{\{(\w+)\}\}", m => values[m.Groups[1].Value]);
                        var system = PromptTemplates.Fill(System, values);
                        var fixedSystem = Regex.Replace(System, @"\{\{product\}\}", "Contoso Desk");
                        var squeezed = Regex.Replace(request.Question, @"\s+", " ");
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:system|}),
                            new ChatMessage(ChatRole.System, fixedSystem),
                            new ChatMessage(ChatRole.User, {|AISEC001:prompt|}),
                            new ChatMessage(ChatRole.User, squeezed),
                        ]);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task PromptBuilderWithSeveralImplementations()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Providers;

                public sealed record AskRequest(string Question, string Product);

                public interface IPromptStrategy
                {
                    string BuildSystem(AskRequest request);
                    string BuildUser(AskRequest request);
                }

                public sealed class OpenAiPromptStrategy : IPromptStrategy
                {
                    public string BuildSystem(AskRequest request) => "You are the Contoso assistant.";
                    public string BuildUser(AskRequest request) => "Question: " + request.Question;
                }

                public sealed class OllamaPromptStrategy : IPromptStrategy
                {
                    public string BuildSystem(AskRequest request) => $"You support the product {request.Product}.";
                    public string BuildUser(AskRequest request) => "Answer briefly.";
                }

                public interface IFixedPrompts
                {
                    string System(AskRequest request);
                }

                public sealed class FormalPrompts : IFixedPrompts
                {
                    public string System(AskRequest request) => "Be formal.";
                }

                public sealed class CasualPrompts : IFixedPrompts
                {
                    public string System(AskRequest request) => request.Product == "desk" ? "Be casual." : "Be friendly.";
                }

                [ApiController]
                [Route("api/ask")]
                public sealed class AskController(IChatClient chat, IPromptStrategy strategy, IFixedPrompts prompts) : ControllerBase
                {
                    [HttpPost]
                    public async Task<string> Ask([FromBody] AskRequest request)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:strategy.BuildSystem(request)|}),
                            new ChatMessage(ChatRole.System, prompts.System(request)),
                            new ChatMessage(ChatRole.User, {|AISEC001:strategy.BuildUser(request)|}),
                        ]);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task ValidatorGuardsWrittenAsBooleanPatterns()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Slugs;

                public sealed record StyleRequest(string Text, string Product, string Tone, string Audience);

                public static partial class Input
                {
                    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
                    private static partial Regex Slug();

                    public static bool IsSlug(string value) => Slug().IsMatch(value);

                    public static bool IsTone(string value) => value is "formal" or "casual";
                }

                // What the regex source generator emits, reduced to the member declared above.
                public static partial class Input
                {
                    private static partial Regex Slug() => new("^[a-z0-9-]{1,32}$");
                }

                [ApiController]
                [Route("api/style")]
                public sealed class StyleController(IChatClient chat) : ControllerBase
                {
                    [HttpPost]
                    public async Task<IActionResult> Post([FromBody] StyleRequest request)
                    {
                        if (Input.IsSlug(request.Product) is false)
                        {
                            return BadRequest();
                        }

                        if (Input.IsTone(request.Tone) is not true)
                        {
                            throw new ArgumentException("Unknown tone.");
                        }

                        if (Input.IsTone(request.Audience) is true)
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, $"You document the product {request.Product} in a {request.Tone} tone."),
                            new ChatMessage(ChatRole.System, {|AISEC002:$"The audience is {request.Audience}."|}),
                            new ChatMessage(ChatRole.User, request.Text),
                        ]);
                        return Ok(response.Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task ItemsFilteredByAnAllowList()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Tags;

                public sealed record AskRequest(string Question, List<string> Tags);

                [ApiController]
                [Route("api/tags")]
                public sealed class TagsController(IChatClient chat) : ControllerBase
                {
                    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase) { "billing", "shipping" };

                    [HttpPost]
                    public async Task<string> Ask([FromBody] AskRequest request)
                    {
                        var known = request.Tags.Where(t => AllowedTags.Contains(t)).ToList();
                        var brief = request.Tags.Where(t => t.Length < 20);
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, "Topics: " + string.Join(", ", known)),
                            new ChatMessage(ChatRole.System, {|AISEC002:"Other topics: " + string.Join(", ", brief)|}),
                            new ChatMessage(ChatRole.User, request.Question),
                        ]);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        /// <summary>Only a compile-time constant path (under the app's own folders) is the app's file (docs/rules/AISEC001.md):
        /// a path an option or configuration value picks may point at content the app does not ship.</summary>
        [Fact]
        public Task PromptFilesAtConfiguredPathsAreExternalContent()
            => Verify.AnalyzeAsync("""
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Options;

                namespace Contoso.Prompts;

                public sealed class PromptOptions { public string SystemPromptFile { get; set; } = "Prompts/system.md"; }

                public sealed class Assistant(IChatClient chat, IOptions<PromptOptions> options, IWebHostEnvironment env)
                {
                    public async Task<string> AskAsync(string question)
                    {
                        var shipped = await File.ReadAllTextAsync(Path.Combine(env.ContentRootPath, "Prompts", "system.md"));
                        var configured = await File.ReadAllTextAsync(Path.Combine(env.ContentRootPath, options.Value.SystemPromptFile));
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, shipped),
                            new ChatMessage(ChatRole.System, {|AISEC002:configured|}),
                            new ChatMessage(ChatRole.User, question),
                        ]);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);
    }
}
