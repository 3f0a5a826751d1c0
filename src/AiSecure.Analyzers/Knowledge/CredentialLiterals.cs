using System;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// Tells real-looking credentials from placeholders (AISEC040). A placeholder is text nobody would
    /// mistake for a secret: sample values in docs, test doubles, template markers, environment variable names.
    /// </summary>
    internal static class CredentialLiterals
    {
        /// <summary>Shorter values are never real keys (RULES.md: "shorter than 8 characters").</summary>
        public const int MinimumLength = 8;

        // Matched case-insensitively anywhere in the value. Real keys are random base62/base64 text, where
        // one of these words appears by chance far less than once in a million keys.
        private static readonly string[] PlaceholderWords =
        {
            "test", "dummy", "fake", "placeholder", "xxx", "your", "changeme", "replaceme", "redacted", "insert", "mock", "sample",
        };

        /// <summary>True for an AWS access key id: <c>AKIA</c> (long-term) or <c>ASIA</c> (temporary) and 16 upper-case letters or digits.</summary>
        public static bool IsAwsAccessKeyId(string value)
        {
            if (value.Length != 20 || !(value.StartsWith("AKIA", StringComparison.Ordinal) || value.StartsWith("ASIA", StringComparison.Ordinal)))
            {
                return false;
            }

            for (var i = 4; i < value.Length; i++)
            {
                var c = value[i];
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when <paramref name="value"/> could be a real secret: at least 8 characters, no placeholder
        /// word, not a template marker or an environment variable name, not prose. AWS's documented sample
        /// key id <c>AKIAIOSFODNN7EXAMPLE</c> counts as a key: copies of samples are how real keys get there too.
        /// </summary>
        public static bool LooksLikeSecret(string? value)
        {
            if (value == null)
            {
                return false;
            }

            var text = value.Trim();
            if (text.Length < MinimumLength || AllSame(text, 0) || (IsAwsAccessKeyId(text) && AllSame(text, 4)))
            {
                return false;
            }

            // "${OPENAI_KEY}", "{{apiKey}}", "<api-key>", "%API_KEY%": template markers, not values.
            if (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("{{", StringComparison.Ordinal)
                || (text[0] == '<' && text[text.Length - 1] == '>') || (text[0] == '%' && text[text.Length - 1] == '%'))
            {
                return false;
            }

            if (IsEnvironmentVariableName(text))
            {
                return false;
            }

            // Masked or elided keys shown in docs and logs ("sk-proj-****", "sk-abc...xyz"): real keys are base62/base64/hex
            // text and never hold '*' or an ellipsis.
            if (text.IndexOf('*') >= 0 || text.IndexOf("...", StringComparison.Ordinal) >= 0 || text.IndexOf('\u2026') >= 0)
            {
                return false;
            }

            var compact = text.Replace("-", string.Empty).Replace("_", string.Empty).Replace(" ", string.Empty);
            foreach (var word in PlaceholderWords)
            {
                if (compact.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }
            }

            // Prose, not a key ("Set the key in appsettings.json").
            return text.IndexOf(' ') < 0;
        }

        /// <summary>"OPENAI_API_KEY": upper-case letters, digits and at least one underscore.</summary>
        private static bool IsEnvironmentVariableName(string text)
        {
            var underscore = false;
            foreach (var c in text)
            {
                if (c == '_')
                {
                    underscore = true;
                }
                else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return underscore;
        }

        private static bool AllSame(string text, int start)
        {
            for (var i = start + 1; i < text.Length; i++)
            {
                if (char.ToUpperInvariant(text[i]) != char.ToUpperInvariant(text[start]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
