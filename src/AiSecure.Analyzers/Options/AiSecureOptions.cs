using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSecure.Analyzers.Options
{
    internal enum UntrustedParameterMode
    {
        EntryPoints,
        Public,
        All,
    }

    /// <summary>
    /// The <c>aisecure.*</c> options of one options object, parsed once and cached for as long as the
    /// options object lives. Bad values never throw: they fall back to the defaults.
    /// </summary>
    internal sealed class AiSecureOptions
    {
        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, AiSecureOptions> Cache = new();

        public static readonly AiSecureOptions Default = new(null);

        private AiSecureOptions(AnalyzerConfigOptions? options)
        {
            UntrustedParameters = ParseMode(Get(options, OptionKeys.UntrustedParameters));
            UntrustedSources = ParseList(Get(options, OptionKeys.UntrustedSources));
            PromptSinks = ParseList(Get(options, OptionKeys.PromptSinks));
            PromptSanitizers = ParseList(Get(options, OptionKeys.PromptSanitizers));
            PromptValidators = ParseList(Get(options, OptionKeys.PromptValidators));
            OutputValidators = ParseList(Get(options, OptionKeys.OutputValidators));
            EndpointSinks = ParseList(Get(options, OptionKeys.EndpointSinks));
            AllowedHttpHosts = ParseList(Get(options, OptionKeys.AllowedHttpHosts)).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            KmsKeyId = ParseExpression(Get(options, OptionKeys.KmsKeyId));
            S3BucketDefaultEncryption = ParseBool(Get(options, OptionKeys.S3BucketDefaultEncryption));
            BedrockGuardrailId = ParseExpression(Get(options, OptionKeys.BedrockGuardrailId));
            BedrockGuardrailVersion = ParseExpression(Get(options, OptionKeys.BedrockGuardrailVersion));
        }

        public readonly UntrustedParameterMode UntrustedParameters;

        public readonly ImmutableArray<string> UntrustedSources;

        public readonly ImmutableArray<string> PromptSinks;

        public readonly ImmutableArray<string> PromptSanitizers;

        public readonly ImmutableArray<string> PromptValidators;

        public readonly ImmutableArray<string> OutputValidators;

        public readonly ImmutableArray<string> EndpointSinks;

        public readonly ImmutableHashSet<string> AllowedHttpHosts;

        /// <summary>A C# expression that compiles on its own, or null.</summary>
        public readonly string? KmsKeyId;

        public readonly bool S3BucketDefaultEncryption;

        public readonly string? BedrockGuardrailId;

        public readonly string? BedrockGuardrailVersion;

        public static AiSecureOptions Get(AnalyzerOptions options, SyntaxTree tree)
        {
            try
            {
                var configOptions = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
                return Cache.GetValue(configOptions, static o => SetsAny(o) ? new AiSecureOptions(o) : Default);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Default;
            }
        }

        /// <summary>The options that apply to an additional file (a configuration file: its folder's .editorconfig, or the global options).</summary>
        public static AiSecureOptions Get(AnalyzerOptions options, AdditionalText file)
        {
            try
            {
                var configOptions = options.AnalyzerConfigOptionsProvider.GetOptions(file);
                return Cache.GetValue(configOptions, static o => SetsAny(o) ? new AiSecureOptions(o) : Default);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Default;
            }
        }

        /// <summary>True when any syntax tree of the compilation, or the global options, set <paramref name="key"/>.</summary>
        public static bool IsSetAnywhere(AnalyzerOptions options, Compilation compilation, string key)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (provider.GlobalOptions.TryGetValue(key, out _))
            {
                return true;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.GetOptions(tree).TryGetValue(key, out _))
                {
                    return true;
                }
            }

            return false;
        }

        internal static AiSecureOptions Parse(AnalyzerConfigOptions options) => new(options);

        /// <summary>Files that set no <c>aisecure.*</c> option (most of them) share <see cref="Default"/>.</summary>
        private static bool SetsAny(AnalyzerConfigOptions options)
        {
            foreach (var key in OptionKeys.All)
            {
                if (options.TryGetValue(key, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? Get(AnalyzerConfigOptions? options, string key)
            => options != null && options.TryGetValue(key, out var value) ? value : null;

        private static UntrustedParameterMode ParseMode(string? value)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "public":
                    return UntrustedParameterMode.Public;
                case "all":
                    return UntrustedParameterMode.All;
                default:
                    return UntrustedParameterMode.EntryPoints;
            }
        }

        private static bool ParseBool(string? value)
            => value != null && bool.TryParse(value.Trim(), out var result) && result;

        private static ImmutableArray<string> ParseList(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return ImmutableArray<string>.Empty;
            }

            // Commas separate entries, except inside the parameter list of a documentation id:
            // "M:Ns.T.M(System.String,System.Int32), P:Ns.T.P".
            var builder = ImmutableArray.CreateBuilder<string>();
            var depth = 0;
            var start = 0;
            var text = value!;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ',';
                if (c == '(' || c == '[' || c == '{')
                {
                    depth++;
                }
                else if ((c == ')' || c == ']' || c == '}') && depth > 0)
                {
                    depth--;
                }
                else if ((c == ',' && depth == 0) || c == ';' || i == text.Length)
                {
                    var trimmed = text.Substring(start, i - start).Trim();
                    if (trimmed.Length > 0)
                    {
                        builder.Add(trimmed);
                    }

                    start = i + 1;
                    depth = 0;
                }
            }

            return builder.ToImmutable();
        }

        private static string? ParseExpression(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value!.Trim();
            var expression = SyntaxFactory.ParseExpression(text);
            if (expression.ContainsDiagnostics || expression.FullSpan.Length != text.Length)
            {
                return null;
            }

            return text;
        }
    }
}
