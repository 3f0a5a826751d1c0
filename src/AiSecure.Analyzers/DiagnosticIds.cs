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
    }
}
