namespace AiSecure.Analyzers
{
    /// <summary>The rule ids, named by intent. The catalog is docs/rules and ../README.md.</summary>
    internal static class DiagnosticIds
    {
        /// <summary>AISEC020: an endpoint is reached over cleartext HTTP.</summary>
        public const string CleartextEndpoint = "AISEC020";

        /// <summary>AISEC021: TLS server certificate validation is disabled.</summary>
        public const string CertificateValidationDisabled = "AISEC021";
    }
}
