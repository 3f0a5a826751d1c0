namespace AiSecure.Analyzers
{
    /// <summary>The rule ids, named by intent. The catalog is docs/rules and ../README.md.</summary>
    internal static class DiagnosticIds
    {
        /// <summary>AISEC003: model output reaches SQL, a process or raw HTML unvalidated.</summary>
        public const string ModelOutputToDangerousSink = "AISEC003";

        /// <summary>AISEC020: an endpoint is reached over cleartext HTTP.</summary>
        public const string CleartextEndpoint = "AISEC020";

        /// <summary>AISEC021: TLS server certificate validation is disabled.</summary>
        public const string CertificateValidationDisabled = "AISEC021";

        /// <summary>AISEC001: untrusted input is concatenated into an LLM prompt.</summary>
        public const string PromptInjection = "AISEC001";

        /// <summary>AISEC002: untrusted input is placed in a system or developer instruction.</summary>
        public const string SystemPromptInjection = "AISEC002";

        /// <summary>AISEC010: an S3 object is written without a customer-managed KMS key.</summary>
        public const string S3ObjectWithoutKmsKey = "AISEC010";

        /// <summary>AISEC011: a SageMaker resource is created without a KMS key.</summary>
        public const string SageMakerWithoutKmsKey = "AISEC011";

        /// <summary>AISEC030: SageMaker inter-container traffic encryption is disabled.</summary>
        public const string InterContainerEncryptionDisabled = "AISEC030";

        /// <summary>AISEC031: a SageMaker workload is not network-isolated.</summary>
        public const string NetworkIsolationMissing = "AISEC031";

        /// <summary>AISEC040: a cloud or LLM credential is hard-coded.</summary>
        public const string HardcodedCredential = "AISEC040";

        /// <summary>AISEC041: a Bedrock model call has no guardrail.</summary>
        public const string BedrockGuardrailMissing = "AISEC041";
    }
}
