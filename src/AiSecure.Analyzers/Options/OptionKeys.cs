namespace AiSecure.Analyzers.Options
{
    /// <summary>The <c>.editorconfig</c> / <c>.globalconfig</c> keys README.md lists under "Configuration".</summary>
    internal static class OptionKeys
    {
        public const string UntrustedParameters = "aisecure.untrusted_parameters";
        public const string UntrustedSources = "aisecure.untrusted_sources";
        public const string PromptSinks = "aisecure.prompt_sinks";
        public const string PromptSanitizers = "aisecure.prompt_sanitizers";
        public const string PromptValidators = "aisecure.prompt_validators";
        public const string OutputValidators = "aisecure.output_validators";
        public const string EndpointSinks = "aisecure.endpoint_sinks";
        public const string AllowedHttpHosts = "aisecure.allowed_http_hosts";
        public const string KmsKeyId = "aisecure.kms_key_id";
        public const string S3BucketDefaultEncryption = "aisecure.s3_bucket_default_encryption";
        public const string BedrockGuardrailId = "aisecure.bedrock_guardrail_id";
        public const string BedrockGuardrailVersion = "aisecure.bedrock_guardrail_version";

        /// <summary>Every key above (a test checks that none is missing).</summary>
        public static readonly string[] All =
        {
            UntrustedParameters, UntrustedSources, PromptSinks, PromptSanitizers, PromptValidators, OutputValidators,
            EndpointSinks, AllowedHttpHosts, KmsKeyId, S3BucketDefaultEncryption, BedrockGuardrailId, BedrockGuardrailVersion,
        };
    }
}
