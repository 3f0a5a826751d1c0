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

        public static readonly DiagnosticDescriptor PromptInjection = Create(
            DiagnosticIds.PromptInjection,
            "Untrusted input is concatenated into an LLM prompt",
            "Untrusted input from {0} is built into the prompt passed to {1}{2}; sanitize it, or pass it to the model separately from the instructions",
            DiagnosticSeverity.Warning,
            "Text from a request, the console, a file or a web page is concatenated, interpolated or formatted into a prompt, or reaches a prompt template. Whoever controls that text can write instructions the model follows (prompt injection, OWASP LLM01, CWE-1427): ignore the task, leak the system prompt or data, or call tools. Pass untrusted text whole as its own user message or template variable, or run it through a method marked [PromptSanitizer].");

        public static readonly DiagnosticDescriptor SystemPromptInjection = Create(
            DiagnosticIds.SystemPromptInjection,
            "Untrusted input is placed in a system or developer instruction",
            "Untrusted input from {0} is placed in the system instruction passed to {1}{2}; keep instructions constant and send the input as a user message",
            DiagnosticSeverity.Warning,
            "A system or developer message carries the highest trust in a conversation. Untrusted text placed there, whole or in part, can rewrite the model's rules for every later turn (prompt injection, OWASP LLM01, CWE-1427). Keep system instructions constant and pass untrusted text in a separate user-role message.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
            => new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink(id));
    }
}
