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
    }
}
