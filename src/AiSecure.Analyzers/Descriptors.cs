using System;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers
{
    /// <summary>Every descriptor of the package. Ids and titles are fixed: docs/rules, README.md and users rely on them.</summary>
    internal static class Descriptors
    {
        public const string Category = "Security";
        public const string HelpLinkBase = "https://github.com/aisecure-analyzers/AiSecure.Analyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        // AISEC001, AISEC002 and AISEC003 have two descriptors each, with the same id, title and text: a finding inside
        // one method is reported from a per-method action and shows live in the editor; one that needs other methods
        // (a caller's argument, a helper's return value) is reported at the end of the compilation, so its descriptor
        // carries the CompilationEnd tag (RS1037) and IDEs show it in full-solution analysis (README).
        private const string ModelOutputTitle = "LLM output reaches a dangerous sink unvalidated";
        private const string ModelOutputMessage = "Model output from {0} reaches {1} unvalidated; {2}";
        private const string ModelOutputDescription = "Text a model returns, and every argument of a tool it calls, is shaped by whoever controls its input, a prompt injection included; an MCP server's tools may be called by any client. Used as SQL text, a command line, raw HTML, a file path or an outbound URL, it becomes SQL injection, command injection, cross-site scripting, path traversal or server-side request forgery. Parameterize SQL, map commands to an allow-list, HTML-encode markup, confine paths to a root, keep URL hosts constant, require approval for tools that act, or validate with a method marked [OutputValidator].";

        // AISEC010, AISEC011, AISEC030, AISEC031 and AISEC041 judge a request where it is sent. A request (or nested
        // SageMaker config) that a helper builds and returns is judged with each caller that sends it, at the end of the
        // compilation: reported on the creation in the helper with a second descriptor of the same id, tagged
        // CompilationEnd (RS1037), whose message is the rule's own message and the caller (docs/rules/AISEC010.md).
        private const string HelperMessage = "{0} (returned by this helper and sent by '{1}')";

        public static readonly DiagnosticDescriptor ModelOutputToDangerousSink = Create(
            DiagnosticIds.ModelOutputToDangerousSink, ModelOutputTitle, ModelOutputMessage, DiagnosticSeverity.Warning, ModelOutputDescription);

        public static readonly DiagnosticDescriptor ModelOutputToDangerousSinkAcrossMethods = Create(
            DiagnosticIds.ModelOutputToDangerousSink, ModelOutputTitle, ModelOutputMessage, DiagnosticSeverity.Warning, ModelOutputDescription, WellKnownDiagnosticTags.CompilationEnd);

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

        private const string PromptInjectionTitle = "Untrusted input is concatenated into an LLM prompt";
        private const string PromptInjectionMessage = "Untrusted input from {0} is built into the prompt passed to {1}{2}; sanitize it, or pass it to the model separately from the instructions";
        private const string PromptInjectionDescription = "Text from a request, the console, a file or a web page is concatenated, interpolated or formatted into a prompt, or reaches a prompt template. Whoever controls that text can write instructions the model follows (prompt injection, OWASP LLM01, CWE-1427): ignore the task, leak the system prompt or data, or call tools. Pass untrusted text whole as its own user message or template variable, or run it through a method marked [PromptSanitizer].";

        public static readonly DiagnosticDescriptor PromptInjection = Create(
            DiagnosticIds.PromptInjection, PromptInjectionTitle, PromptInjectionMessage, DiagnosticSeverity.Warning, PromptInjectionDescription);

        public static readonly DiagnosticDescriptor PromptInjectionAcrossMethods = Create(
            DiagnosticIds.PromptInjection, PromptInjectionTitle, PromptInjectionMessage, DiagnosticSeverity.Warning, PromptInjectionDescription, WellKnownDiagnosticTags.CompilationEnd);

        private const string SystemPromptInjectionTitle = "Untrusted input is placed in a system or developer instruction";
        private const string SystemPromptInjectionMessage = "Untrusted input from {0} is placed in the system instruction passed to {1}{2}; keep instructions constant and send the input as a user message";
        private const string SystemPromptInjectionDescription = "A system or developer message carries the highest trust in a conversation. Untrusted text placed there, whole or in part, can rewrite the model's rules for every later turn (prompt injection, OWASP LLM01, CWE-1427). Keep system instructions constant and pass untrusted text in a separate user-role message.";

        public static readonly DiagnosticDescriptor SystemPromptInjection = Create(
            DiagnosticIds.SystemPromptInjection, SystemPromptInjectionTitle, SystemPromptInjectionMessage, DiagnosticSeverity.Warning, SystemPromptInjectionDescription);

        public static readonly DiagnosticDescriptor SystemPromptInjectionAcrossMethods = Create(
            DiagnosticIds.SystemPromptInjection, SystemPromptInjectionTitle, SystemPromptInjectionMessage, DiagnosticSeverity.Warning, SystemPromptInjectionDescription, WellKnownDiagnosticTags.CompilationEnd);

        private const string S3Title = "S3 object is written without a customer-managed KMS key";
        private const string S3Description = "S3 writes (PutObject, CopyObject, multipart uploads, TransferUtility uploads) and bucket default encryption should use SSE-KMS with a customer-managed key id. Without encryption settings the object gets whatever the bucket default is; SSE-S3 (AES256) and the AWS-managed 'aws/s3' key cannot be restricted by key policy, audited per key or revoked, so anyone with S3 read access to the object can read model artifacts and training data.";

        public static readonly DiagnosticDescriptor S3ObjectWithoutKmsKey = Create(
            DiagnosticIds.S3ObjectWithoutKmsKey, S3Title, "'{0}' {1}", DiagnosticSeverity.Warning, S3Description);

        /// <summary>The same finding on a request or config a helper returns, judged with a caller at the end of the compilation.</summary>
        public static readonly DiagnosticDescriptor S3ObjectWithoutKmsKeyAcrossMethods = Create(
            DiagnosticIds.S3ObjectWithoutKmsKey, S3Title, HelperMessage, DiagnosticSeverity.Warning, S3Description, WellKnownDiagnosticTags.CompilationEnd);

        private const string SageMakerKmsTitle = "SageMaker resource is created without a KMS key";
        private const string SageMakerKmsDescription = "SageMaker jobs, endpoints, notebooks and domains write model artifacts, training data, captured inference data and ML storage volumes. Without the KMS key properties of the request, SageMaker encrypts them with AWS-managed keys that cannot be restricted by key policy, audited per key or revoked.";

        public static readonly DiagnosticDescriptor SageMakerWithoutKmsKey = Create(
            DiagnosticIds.SageMakerWithoutKmsKey, SageMakerKmsTitle, "'{0}' {1}; set a customer-managed KMS key id", DiagnosticSeverity.Warning, SageMakerKmsDescription);

        /// <summary>The same finding on a request or config a helper returns, judged with a caller at the end of the compilation.</summary>
        public static readonly DiagnosticDescriptor SageMakerWithoutKmsKeyAcrossMethods = Create(
            DiagnosticIds.SageMakerWithoutKmsKey, SageMakerKmsTitle, HelperMessage, DiagnosticSeverity.Warning, SageMakerKmsDescription, WellKnownDiagnosticTags.CompilationEnd);

        private const string InterContainerTitle = "SageMaker inter-container traffic encryption is disabled";
        private const string InterContainerDescription = "Distributed SageMaker training, tuning, processing, AutoML and model-monitoring jobs exchange data between their instances. Unless EnableInterContainerTrafficEncryption is true, that traffic travels unencrypted inside the VPC. An explicit false is always reported; an unset flag is reported unless the job's instance count is the constant 1.";

        public static readonly DiagnosticDescriptor InterContainerEncryptionDisabled = Create(
            DiagnosticIds.InterContainerEncryptionDisabled, InterContainerTitle, "{0}: traffic between the job's instances (model parameters, gradients, training data) is not encrypted; set EnableInterContainerTrafficEncryption = true", DiagnosticSeverity.Warning, InterContainerDescription);

        /// <summary>The same finding on a request or config a helper returns, judged with a caller at the end of the compilation.</summary>
        public static readonly DiagnosticDescriptor InterContainerEncryptionDisabledAcrossMethods = Create(
            DiagnosticIds.InterContainerEncryptionDisabled, InterContainerTitle, HelperMessage, DiagnosticSeverity.Warning, InterContainerDescription, WellKnownDiagnosticTags.CompilationEnd);

        private const string NetworkIsolationTitle = "SageMaker workload is not network-isolated";
        private const string NetworkIsolationDescription = "SageMaker training, processing and model containers without EnableNetworkIsolation = true can open outbound connections, and without a VpcConfig they run on the service's shared network; a notebook with DirectInternetAccess or RootAccess enabled can reach the internet or be changed by anyone with a terminal. Malicious or compromised code, models and dependencies can then exfiltrate data.";

        public static readonly DiagnosticDescriptor NetworkIsolationMissing = Create(
            DiagnosticIds.NetworkIsolationMissing, NetworkIsolationTitle, "{0}", DiagnosticSeverity.Info, NetworkIsolationDescription);

        /// <summary>The same finding on a request or config a helper returns, judged with a caller at the end of the compilation.</summary>
        public static readonly DiagnosticDescriptor NetworkIsolationMissingAcrossMethods = Create(
            DiagnosticIds.NetworkIsolationMissing, NetworkIsolationTitle, HelperMessage, DiagnosticSeverity.Info, NetworkIsolationDescription, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor HardcodedCredential = Create(
            DiagnosticIds.HardcodedCredential,
            "Cloud or LLM credential is hard-coded",
            "{0} is hard-coded; read it at run time, for example from the {1} environment variable, and rotate the exposed key",
            DiagnosticSeverity.Warning,
            "An AWS access key, secret key or session token, or an OpenAI, Azure OpenAI or Anthropic API key is written as a string literal and passed to the SDK. Keys in source leak through repositories, builds, logs and decompiled binaries. A value with a known key format (sk-…, sk-proj-…, sk-ant-…, AKIA/ASIA…) is always reported; any other only when it looks like a key: at least 16 characters, no white space, letters and digits both, and no placeholder (empty, <…>, ${…}, or words like test, dummy, fake, placeholder, invalid, changeme, your…, xxx).");

        /// <summary>AISEC040 in a configuration file (appsettings*.json, a launch profile's environment variables).</summary>
        public static readonly DiagnosticDescriptor HardcodedCredentialInConfiguration = Create(
            DiagnosticIds.HardcodedCredential,
            "Cloud or LLM credential is hard-coded",
            "{0} at '{1}' in {2} is committed with the project; keep it in user secrets, an environment variable or a key vault, and rotate the exposed key",
            DiagnosticSeverity.Warning,
            "A configuration file the project carries (appsettings*.json, Properties/launchSettings.json) holds a credential: a value with a known key format (sk-…, sk-proj-…, sk-ant-…, AKIA/ASIA…), or a value under a key named like a secret (ApiKey, Key, SecretAccessKey, AccessKeyId, SessionToken, Token, ClientSecret) that looks like one. Configuration files are committed, copied into build output and container images, and leak with them. Placeholders (empty, <…>, ${…}, #{…}#, __…__, changeme, your…, xxx, todo) are not reported.");

        /// <summary>
        /// AISEC020 in a configuration file: an http:// value that code reads into an endpoint sink. Found at the end of
        /// the compilation (the reads are anywhere in the project), so tagged CompilationEnd.
        /// </summary>
        public static readonly DiagnosticDescriptor CleartextEndpointInConfiguration = Create(
            DiagnosticIds.CleartextEndpoint,
            "Endpoint uses cleartext HTTP",
            "The endpoint '{0}' at '{1}' in {2} is read into {3}: requests and responses, credentials and prompts included, travel unencrypted; use HTTPS",
            DiagnosticSeverity.Warning,
            "A configuration file sets an 'http://' address that code in the project reads into a client endpoint (IConfiguration indexers, GetValue, GetSection, bound options). Everything the client sends and receives can be read and changed on the network path. Loopback hosts and hosts listed in 'aisecure.allowed_http_hosts' are allowed; listen addresses (Urls, Kestrel endpoints) and values no code sends anywhere are not reported.",
            WellKnownDiagnosticTags.CompilationEnd);

        private const string GuardrailTitle = "Bedrock model call has no guardrail";
        private const string GuardrailDescription = "Amazon Bedrock Guardrails screen model input and output for prompt attacks, denied topics, harmful content and sensitive information. A ConverseRequest or ConverseStreamRequest without GuardrailConfig, or an InvokeModelRequest or InvokeModelWithResponseStreamRequest without GuardrailIdentifier, is sent to the model unscreened.";

        public static readonly DiagnosticDescriptor BedrockGuardrailMissing = Create(
            DiagnosticIds.BedrockGuardrailMissing, GuardrailTitle, "{0} is sent without a guardrail ({1}); prompts and completions are not screened for prompt attacks, harmful content or sensitive data", DiagnosticSeverity.Info, GuardrailDescription);

        /// <summary>The same finding on a request or config a helper returns, judged with a caller at the end of the compilation.</summary>
        public static readonly DiagnosticDescriptor BedrockGuardrailMissingAcrossMethods = Create(
            DiagnosticIds.BedrockGuardrailMissing, GuardrailTitle, HelperMessage, DiagnosticSeverity.Info, GuardrailDescription, WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>The custom tag that marks every rule of the package as a security rule (GitHub code scanning reads it from SARIF).</summary>
        public const string SecurityTag = "security";

        /// <summary>
        /// The weakness each rule reports, as the custom tag SARIF consumers read (<c>external/cwe/cwe-NNN</c>; GitHub code
        /// scanning shows it on the alert). Keyed by id, so every descriptor of a rule carries it. See docs/use-in-ci.md.
        /// </summary>
        public static string CweTag(string id) => "external/cwe/cwe-" + id switch
        {
            DiagnosticIds.PromptInjection or DiagnosticIds.SystemPromptInjection => "1427",
            DiagnosticIds.ModelOutputToDangerousSink => "1426",
            DiagnosticIds.S3ObjectWithoutKmsKey or DiagnosticIds.SageMakerWithoutKmsKey => "311",
            DiagnosticIds.CleartextEndpoint or DiagnosticIds.InterContainerEncryptionDisabled => "319",
            DiagnosticIds.CertificateValidationDisabled => "295",
            DiagnosticIds.NetworkIsolationMissing => "668",
            DiagnosticIds.HardcodedCredential => "798",
            DiagnosticIds.BedrockGuardrailMissing => "693",
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "A rule id without a weakness: add it to Descriptors.CweTag."),
        };

        /// <summary>
        /// Every descriptor is made here: category, help link, <see cref="SecurityTag"/> and the rule's <see cref="CweTag"/>,
        /// then <paramref name="customTags"/> (<see cref="WellKnownDiagnosticTags.CompilationEnd"/> for a descriptor whose
        /// diagnostics come from a compilation-end action).
        /// </summary>
        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] customTags)
            => new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink(id), Tags(id, customTags));

        private static string[] Tags(string id, string[] customTags)
        {
            var tags = new string[2 + customTags.Length];
            tags[0] = SecurityTag;
            tags[1] = CweTag(id);
            customTags.CopyTo(tags, 2);
            return tags;
        }
    }
}
