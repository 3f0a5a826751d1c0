using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC001 / AISEC002 on services split across files: validators declared in another file than the prompt.</summary>
    public class PromptInjectionSplitServiceTests
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
        public Task ValidatorDeclaredInAnotherFile()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Support;

                [ApiController]
                [Route("api/summaries")]
                public sealed class SummaryController(IChatClient chat) : ControllerBase
                {
                    [HttpGet("{product}")]
                    public async Task<IActionResult> Summarize(string product, string locale)
                    {
                        if (!InputRules.IsSafeSlug(product) || !InputRules.IsLocale(locale))
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync($"Summarize the reviews of {product} in {locale}.");
                        return Ok(response.Text);
                    }

                    [HttpGet("loose/{product}")]
                    public async Task<IActionResult> SummarizeLoosely(string product)
                    {
                        if (!InputRules.IsShort(product))
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync([|$"Summarize the reviews of {product}."|]);
                        return Ok(response.Text);
                    }
                }
                """,
                """
                using System.Text.RegularExpressions;

                namespace Contoso.Support;

                public static class InputRules
                {
                    private static readonly Regex Locale = new("^[a-z]{2}(-[A-Z]{2})?$", RegexOptions.CultureInvariant);

                    public static bool IsSafeSlug(string s) => Regex.IsMatch(s, "^[a-z0-9-]{1,40}$");

                    public static bool IsLocale(string value)
                    {
                        return Locale.IsMatch(value);
                    }

                    public static bool IsShort(string s) => s.Length < 40;
                }
                """);

        [Fact]
        public Task PromptPartsBuiltByAFactoryAndReadMemberByMember()
            => AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Translate;

                public sealed record TranslateRequest(string Text, string TargetLanguage);

                public sealed record PromptParts(string System, string User);

                [ApiController]
                [Route("api/translate")]
                public sealed class TranslateController(IChatClient chat, PromptFactory factory) : ControllerBase
                {
                    private static readonly HashSet<string> Languages = ["en", "de", "fr"];

                    [HttpPost]
                    public async Task<IActionResult> Translate([FromBody] TranslateRequest request)
                    {
                        if (!Languages.Contains(request.TargetLanguage))
                        {
                            return BadRequest();
                        }

                        var parts = factory.Build(request);
                        ChatMessage[] messages = [new(ChatRole.System, parts.System), new(ChatRole.User, parts.User)];
                        var response = await chat.GetResponseAsync(messages);
                        return Ok(response.Text);
                    }

                    [HttpPost("any")]
                    public async Task<IActionResult> TranslateAny([FromBody] TranslateRequest request)
                    {
                        var parts = factory.Build(request);
                        ChatMessage[] messages = [new(ChatRole.System, {|AISEC002:parts.System|}), new(ChatRole.User, parts.User)];
                        var response = await chat.GetResponseAsync(messages);
                        return Ok(response.Text);
                    }
                }

                public sealed class PromptFactory
                {
                    private const string Instructions = "You are a translator. Output only the translation.";

                    public PromptParts Build(TranslateRequest request)
                        => new(Instructions + $" Target language: {request.TargetLanguage}.", request.Text);
                }
                """);

        [Fact]
        public Task OptionalValueValidatedOnlyWhenPresent()
            => AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Learn;

                [ApiController]
                [Route("api/explain")]
                public sealed class ExplainController(IChatClient chat) : ControllerBase
                {
                    [HttpGet]
                    public async Task<IActionResult> Explain([FromQuery] string? audience, [FromQuery] string? level)
                    {
                        if (audience is not null && !IsAudience(audience))
                        {
                            return BadRequest();
                        }

                        if (!string.IsNullOrEmpty(level) && !Levels.IsLevel(level))
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync($"Explain tides for {audience ?? "everyone"} at level {level}.");
                        return Ok(response.Text);
                    }

                    [HttpGet("loose")]
                    public async Task<IActionResult> ExplainLoosely([FromQuery] string? audience)
                    {
                        if (audience is not null && audience.Length > 40)
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync([|$"Explain tides for {audience ?? "everyone"}."|]);
                        return Ok(response.Text);
                    }

                    private static bool IsAudience(string value) => value is "kids" or "experts";
                }
                """,
                """
                namespace Contoso.Learn;

                public static class Levels
                {
                    public static bool IsLevel(string value) => value is "intro" or "advanced";
                }
                """);
    }
}
