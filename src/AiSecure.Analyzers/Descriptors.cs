using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers
{
    /// <summary>Every descriptor of the package. Titles and ids are the contract of RULES.md.</summary>
    internal static class Descriptors
    {
        public const string Category = "Security";
        public const string HelpLinkBase = "https://github.com/aisecure-analyzers/AiSecure.Analyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        public static readonly DiagnosticDescriptor ModelOutputToDangerousSink = Create(
            DiagnosticIds.ModelOutputToDangerousSink,
            "LLM output reaches a dangerous sink unvalidated",
            "Model output from '{0}' reaches {1} unvalidated; {2}",
            DiagnosticSeverity.Warning,
            "Text a model returns is shaped by whoever controls its input, a prompt injection included. Used as SQL text, a command line or raw HTML, it becomes SQL injection, command injection or cross-site scripting. Parameterize SQL, map commands to an allow-list, HTML-encode markup, or validate it with a method marked [OutputValidator].");

        public static readonly DiagnosticDescriptor CleartextEndpoint = Create(
            DiagnosticIds.CleartextEndpoint,
            "Endpoint uses cleartext HTTP",
            "{0}: requests and responses, credentials and prompts included, travel unencrypted; use HTTPS",
            DiagnosticSeverity.Warning,
            "A client is pointed at an 'http://' endpoint, or told to use HTTP. Everything it sends and receives, API keys, signed requests, prompts and model output included, can be read and changed by anyone on the network path. Loopback hosts and hosts listed in 'aisecure.allowed_http_hosts' are allowed.");

        public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
            DiagnosticIds.CertificateValidationDisabled,
            "TLS server certificate validation is disabled",
            "{0} accepts every server certificate, so TLS no longer proves who the server is; remove it or check SslPolicyErrors",
            DiagnosticSeverity.Warning,
            "A certificate validation callback that returns true on every path, or DangerousAcceptAnyServerCertificateValidator, turns HTTPS into encryption with an unknown party: any machine on the path can present its own certificate and read or change the traffic.");

        public static readonly DiagnosticDescriptor S3ObjectWithoutKmsKey = Create(
            DiagnosticIds.S3ObjectWithoutKmsKey,
            "S3 object is written without a customer-managed KMS key",
            "'{0}' {1}",
            DiagnosticSeverity.Warning,
            "S3 writes (PutObject, CopyObject, multipart uploads, TransferUtility uploads) and bucket default encryption should use SSE-KMS with a customer-managed key id. Without encryption settings the object gets whatever the bucket default is; SSE-S3 (AES256) and the AWS-managed 'aws/s3' key cannot be restricted by key policy, audited per key or revoked, so anyone with S3 read access to the object can read model artifacts and training data.");

        public static readonly DiagnosticDescriptor SageMakerWithoutKmsKey = Create(
            DiagnosticIds.SageMakerWithoutKmsKey,
            "SageMaker resource is created without a KMS key",
            "'{0}' {1}; set a customer-managed KMS key id",
            DiagnosticSeverity.Warning,
            "SageMaker jobs, endpoints, notebooks and domains write model artifacts, training data, captured inference data and ML storage volumes. Without the KMS key properties of the request, SageMaker encrypts them with AWS-managed keys that cannot be restricted by key policy, audited per key or revoked.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
            => new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink(id));
    }
}
