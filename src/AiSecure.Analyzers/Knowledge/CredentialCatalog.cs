using System;
using System.Collections.Immutable;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>A kind of credential: what it is called in a message and the environment variable that conventionally holds it.</summary>
    internal sealed class CredentialKind
    {
        public CredentialKind(string variable, string description)
        {
            Variable = variable;
            Description = description;
        }

        /// <summary>The conventional environment variable (the fix reads it).</summary>
        public readonly string Variable;

        public readonly string Description;
    }

    /// <summary>A vendor key format: a fixed prefix and a random body of at least <see cref="MinimumBody"/> characters.</summary>
    internal sealed class KeyFormat
    {
        public KeyFormat(string prefix, int minimumBody, CredentialKind kind)
        {
            Prefix = prefix;
            MinimumBody = minimumBody;
            Kind = kind;
        }

        public readonly string Prefix;

        public readonly int MinimumBody;

        public readonly CredentialKind Kind;
    }

    /// <summary>
    /// AISEC040's credential knowledge, as data, for C# literals and configuration values alike (docs/rules/AISEC040.md):
    /// the kinds of credential and their conventional environment variables, the vendor key formats, the names of
    /// configuration keys that hold a secret, and what a placeholder looks like.
    /// </summary>
    internal static class CredentialCatalog
    {
        public static readonly CredentialKind AwsAccessKeyId = new("AWS_ACCESS_KEY_ID", "AWS access key id");
        public static readonly CredentialKind AwsSecretAccessKey = new("AWS_SECRET_ACCESS_KEY", "AWS secret access key");
        public static readonly CredentialKind AwsSessionToken = new("AWS_SESSION_TOKEN", "AWS session token");
        public static readonly CredentialKind OpenAIKey = new("OPENAI_API_KEY", "OpenAI API key");
        public static readonly CredentialKind AzureOpenAIKey = new("AZURE_OPENAI_API_KEY", "Azure OpenAI API key");
        public static readonly CredentialKind AzureKey = new("AZURE_OPENAI_API_KEY", "Azure API key");
        public static readonly CredentialKind AnthropicKey = new("ANTHROPIC_API_KEY", "Anthropic API key");
        public static readonly CredentialKind AnthropicToken = new("ANTHROPIC_AUTH_TOKEN", "Anthropic auth token");
        public static readonly CredentialKind GenericApiKey = new("OPENAI_API_KEY", "API key");

        /// <summary>A secret found by the name of the configuration key that holds it, not by its format.</summary>
        public static readonly CredentialKind ConfiguredSecret = new("API_KEY", "secret");

        /// <summary>The conventional environment variables, by name: a value set for one of them is that credential.</summary>
        public static readonly ImmutableArray<CredentialKind> EnvironmentVariables = ImmutableArray.Create(
            AwsAccessKeyId, AwsSecretAccessKey, AwsSessionToken, OpenAIKey, AzureOpenAIKey, AnthropicKey, AnthropicToken);

        /// <summary>
        /// Vendor key formats, longest prefix first. A value with one of these shapes is a key wherever it is written
        /// (AWS access key ids are matched by <see cref="IsAwsAccessKeyId"/>: a fixed length, not a minimum).
        /// </summary>
        public static readonly ImmutableArray<KeyFormat> KeyFormats = ImmutableArray.Create(
            new KeyFormat("sk-ant-", 20, AnthropicKey),
            new KeyFormat("sk-proj-", 20, OpenAIKey),
            new KeyFormat("sk-svcacct-", 20, OpenAIKey),
            new KeyFormat("sk-admin-", 20, OpenAIKey),
            new KeyFormat("sk-", 20, OpenAIKey));

        /// <summary>
        /// Configuration key names that hold a secret: the key's last segment equals one of these or ends with one
        /// (<c>OpenAI:ApiKey</c>, <c>AzureOpenAIKey</c>, <c>Aws:SecretAccessKey</c>); case and <c>_</c> are ignored, so
        /// environment variable names match too (<c>OPENAI_API_KEY</c>).
        /// </summary>
        public static readonly ImmutableArray<string> SecretNameEndings = ImmutableArray.Create(
            "ApiKey", "Key", "SecretAccessKey", "AccessKeyId", "SessionToken", "Token", "ClientSecret", "Secret");

        /// <summary>Key names that end like a secret name and hold none (identifiers of data or of a key, not its text).</summary>
        public static readonly ImmutableArray<string> NonSecretNames = ImmutableArray.Create(
            "PublicKey", "PartitionKey", "RowKey", "SortKey", "RangeKey", "HashKey", "CacheKey", "IdempotencyKey", "ForeignKey",
            "PrimaryKeyColumn", "LookupKey", "HotKey", "ShortcutKey", "ResourceKey", "LocalizationKey", "TranslationKey",
            "KeyVaultKey", "InstrumentationKey", "CancellationToken", "ContinuationToken", "PageToken", "NextToken");

        /// <summary>
        /// Words that mark a placeholder or test value, matched case-insensitively anywhere in the value (after removing
        /// <c>-</c> and <c>_</c>). Real keys are random base62/base64 text, where one of these appears by chance far less
        /// than once in a million keys.
        /// </summary>
        public static readonly ImmutableArray<string> PlaceholderWords = ImmutableArray.Create(
            "test", "dummy", "fake", "placeholder", "invalid", "changeme", "replaceme", "your", "xxx", "todo", "redacted", "insert", "mock", "sample");

        /// <summary>The shortest value that can be a key when its format is not known (docs/rules/AISEC040.md).</summary>
        public const int MinimumKeyLength = 16;

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

        /// <summary>The credential a value is by its format alone (an AWS key id, a vendor-prefixed API key), or null.</summary>
        public static CredentialKind? KnownFormat(string value)
        {
            var text = value.Trim();
            if (IsAwsAccessKeyId(text))
            {
                return AllSame(text, 4) || IsPlaceholder(text) ? null : AwsAccessKeyId;
            }

            foreach (var format in KeyFormats)
            {
                if (text.StartsWith(format.Prefix, StringComparison.Ordinal))
                {
                    return IsKeyBody(text, format.Prefix.Length, format.MinimumBody) && !IsPlaceholder(text) ? format.Kind : null;
                }
            }

            return null;
        }

        /// <summary>The kind a conventional environment variable name holds (<c>OPENAI_API_KEY</c>), or null.</summary>
        public static CredentialKind? ForEnvironmentVariable(string? name)
        {
            name = name?.Trim();
            foreach (var kind in EnvironmentVariables)
            {
                if (string.Equals(kind.Variable, name, StringComparison.Ordinal))
                {
                    return kind;
                }
            }

            return null;
        }

        /// <summary>
        /// True when a value could be a real key: a known key format; otherwise at least 16 characters, no white space,
        /// letters and digits both, no placeholder. AWS's documented sample key id <c>AKIAIOSFODNN7EXAMPLE</c> counts as a
        /// key: copies of samples are how real keys get there too.
        /// </summary>
        public static bool LooksLikeKey(string? value)
        {
            if (value == null)
            {
                return false;
            }

            var text = value.Trim();
            if (IsAwsAccessKeyId(text))
            {
                return !AllSame(text, 4) && !IsPlaceholder(text);
            }

            if (KnownFormat(text) != null)
            {
                return true;
            }

            if (IsPlaceholder(text) || text.Length < MinimumKeyLength || HasWhiteSpace(text))
            {
                return false;
            }

            var letters = false;
            var digits = false;
            foreach (var c in text)
            {
                letters |= char.IsLetter(c);
                digits |= char.IsDigit(c);
            }

            return letters && digits;
        }

        /// <summary>
        /// True when a value held by a secret-named configuration key looks like a secret (docs/rules/AISEC040.md,
        /// "Configuration files"): at least 16 characters, no white space, not a placeholder, not a URL or reference.
        /// </summary>
        public static bool LooksLikeConfiguredSecret(string value, string name)
        {
            var text = value.Trim();
            return text.Length >= MinimumKeyLength && !HasWhiteSpace(text) && !IsPlaceholder(text) && !IsAllOneCharacterClass(text)
                   && !IsReference(text) && (!IsWordList(text) || Compact(name).EndsWith("Secret", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Lower-case words, numbers and short tokens joined by <c>-</c>, <c>.</c>, <c>:</c> or <c>_</c>, three or more:
        /// a model id (<c>gpt-4o-mini-2024-07-18</c>), a cache or header name (<c>llm-responses-cache-v2</c>). Generated
        /// keys mix cases or run letters and digits together in long segments (hex, base64, GUIDs); a value under a
        /// <c>…Secret</c> name is judged without this test (a chosen password is still a secret).
        /// </summary>
        private static bool IsWordList(string text)
        {
            var segments = 0;
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] is not ('-' or '.' or ':' or '_'))
                {
                    if (char.IsUpper(text[i]))
                    {
                        return false;
                    }

                    continue;
                }

                if (i > start)
                {
                    if (!IsWordOrNumber(text, start, i))
                    {
                        return false;
                    }

                    segments++;
                }

                start = i + 1;
            }

            return segments >= 3;
        }

        private static bool IsWordOrNumber(string text, int start, int end)
        {
            if (end - start <= 3)
            {
                return true;
            }

            var letters = false;
            var digits = false;
            for (var i = start; i < end; i++)
            {
                letters |= char.IsLetter(text[i]);
                digits |= char.IsDigit(text[i]);
            }

            return !(letters && digits);
        }

        private static string Compact(string name) => name.Replace("_", string.Empty).Replace("-", string.Empty).Replace(".", string.Empty);

        /// <summary>
        /// True when a configuration key (its last segment, or an environment variable name) names a secret. A bare
        /// generic name (<c>Key</c>, <c>Token</c>) is read with its <paramref name="section"/>: <c>Cache:Key</c> is a cache key.
        /// </summary>
        public static bool IsSecretName(string name, string? section)
        {
            var compact = Compact(name);
            var qualified = section != null && (compact.Equals("Key", StringComparison.OrdinalIgnoreCase) || compact.Equals("Token", StringComparison.OrdinalIgnoreCase))
                ? Compact(section) + compact
                : compact;
            foreach (var excluded in NonSecretNames)
            {
                if (qualified.EndsWith(excluded, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            foreach (var ending in SecretNameEndings)
            {
                if (compact.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The credential a configuration path holds by its name (<c>OpenAI:ApiKey</c>, <c>Aws:SecretAccessKey</c>), when its
        /// last segment names a secret (<see cref="IsSecretName"/>) and <paramref name="value"/> looks like one; null
        /// otherwise. The vendor comes from the path (for the fix's environment variable); a path naming none holds a
        /// <see cref="ConfiguredSecret"/>.
        /// </summary>
        public static CredentialKind? ForConfigurationPath(string path, string value)
        {
            var end = path.LastIndexOf(':');
            var name = end < 0 ? path : path.Substring(end + 1);
            var start = end <= 0 ? -1 : path.LastIndexOf(':', end - 1);
            var section = end <= 0 ? null : path.Substring(start + 1, end - start - 1);
            if (!IsSecretName(name, section) || !LooksLikeConfiguredSecret(value, name))
            {
                return null;
            }

            if (name.EndsWith("SecretAccessKey", StringComparison.OrdinalIgnoreCase))
            {
                return AwsSecretAccessKey;
            }

            if (name.EndsWith("AccessKeyId", StringComparison.OrdinalIgnoreCase) || name.EndsWith("AccessKey", StringComparison.OrdinalIgnoreCase))
            {
                return AwsAccessKeyId;
            }

            if (name.EndsWith("SessionToken", StringComparison.OrdinalIgnoreCase))
            {
                return AwsSessionToken;
            }

            return path.IndexOf("Anthropic", StringComparison.OrdinalIgnoreCase) >= 0 ? AnthropicKey
                : path.IndexOf("Azure", StringComparison.OrdinalIgnoreCase) >= 0 ? AzureOpenAIKey
                : path.IndexOf("OpenAI", StringComparison.OrdinalIgnoreCase) >= 0 ? OpenAIKey
                : ConfiguredSecret;
        }

        /// <summary>
        /// Empty, a template marker (<c>&lt;…&gt;</c>, <c>${…}</c>, <c>{{…}}</c>, <c>#{…}#</c>, <c>__…__</c>, <c>%…%</c>), an
        /// environment variable name, a masked or elided key, a run of one character, or a value with a placeholder word.
        /// </summary>
        public static bool IsPlaceholder(string value)
        {
            var text = value.Trim();
            if (text.Length == 0 || AllSame(text, 0))
            {
                return true;
            }

            if (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("{{", StringComparison.Ordinal)
                || (text.StartsWith("#{", StringComparison.Ordinal) && text.EndsWith("}#", StringComparison.Ordinal))
                || (text.Length > 4 && text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal))
                || (text[0] == '<' && text[text.Length - 1] == '>') || (text.Length > 1 && text[0] == '%' && text[text.Length - 1] == '%'))
            {
                return true;
            }

            // Masked or elided keys shown in docs and logs ("sk-proj-****", "sk-abc...xyz"): real keys never hold '*' or an ellipsis.
            if (IsEnvironmentVariableName(text) || text.IndexOf('*') >= 0 || text.IndexOf("...", StringComparison.Ordinal) >= 0 || text.IndexOf('\u2026') >= 0)
            {
                return true;
            }

            var compact = text.Replace("-", string.Empty).Replace("_", string.Empty);
            foreach (var word in PlaceholderWords)
            {
                if (compact.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Text that names where a secret is rather than holding it: a URL, an App Service Key Vault reference
        /// (<c>@Microsoft.KeyVault(…)</c>), an ARN or KMS alias, a file path.
        /// </summary>
        private static bool IsReference(string text)
            => text.IndexOf("://", StringComparison.Ordinal) >= 0 || text[0] is '@' or '/' or '~' or '.'
               || text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("alias/", StringComparison.OrdinalIgnoreCase)
               || (text.Length > 2 && text[1] == ':' && text[2] is '\\' or '/')
               || IsRelativePath(text);

        /// <summary>
        /// A relative path or object key (<c>models/classifier-v2.onnx</c> under an S3 <c>Key</c>): a '/' beside a '.' or
        /// '-'. Base64 secrets hold '/' but never '.' or '-'; secrets that hold '.' or '-' (JWTs, client secrets) hold no '/'.
        /// </summary>
        private static bool IsRelativePath(string text)
            => text.IndexOf('/') > 0 && (text.IndexOf('.') >= 0 || text.IndexOf('-') >= 0);

        private static bool IsKeyBody(string text, int start, int minimum)
        {
            if (text.Length - start < minimum)
            {
                return false;
            }

            for (var i = start; i < text.Length; i++)
            {
                var c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
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

        /// <summary>Only digits (a port, an account id), or only separators: no secret.</summary>
        private static bool IsAllOneCharacterClass(string text)
        {
            var letters = false;
            foreach (var c in text)
            {
                letters |= char.IsLetter(c);
            }

            return !letters;
        }

        private static bool HasWhiteSpace(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
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
