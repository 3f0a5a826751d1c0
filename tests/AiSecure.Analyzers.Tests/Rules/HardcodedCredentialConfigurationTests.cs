using System;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.HardcodedCredentialAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.HardcodedCredentialFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC040 in configuration files: appsettings*.json and launch profiles' environment variables.</summary>
    public class HardcodedCredentialConfigurationTests
    {
        private const string Program = """
            class Program
            {
                static void Main() { }
            }
            """;

        private static Task AnalyzeAsync(params (string Path, string Text)[] files)
        {
            var test = new Verify.Test { TestCode = Program, References = ReferenceCatalog.Net };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test.RunWithStubsAsync();
        }

        [Fact]
        public Task KnownKeyFormatsAnywhere()
            => AnalyzeAsync(("/0/appsettings.json", """
                {
                  "OpenAI": { "Model": "gpt-4o", "Credential": {|AISEC040:"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|} },
                  "Claude": [ {|AISEC040:"sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|} ],
                  "Aws": { "Profile": "default", "Id": {|AISEC040:"AKIAJ6RF3M4XKQ7Z2LPA"|} }
                }
                """));

        [Fact]
        public Task SecretNamedKeysWithSecretLookingValues()
            => AnalyzeAsync(("/0/appsettings.json", """
                {
                  "OpenAI": { "ApiKey": {|AISEC040:"Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|}, "Model": "gpt-4o-2024-08-06-long-model" },
                  "AzureOpenAI": { "Endpoint": "https://contoso.openai.azure.com/", "Key": {|AISEC040:"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|} },
                  "Aws": {
                    "AccessKeyId": {|AISEC040:"AKIAJ6RF3M4XKQ7Z2LPA"|},
                    "SecretAccessKey": {|AISEC040:"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"|},
                    "SessionToken": {|AISEC040:"FwoGZXIvYXdzEJr9Lk3Mn0Pq8Rs7Tu6Vw5Xy4Za3"|}
                  },
                  "Jwt": { "Token": {|AISEC040:"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl"|} },
                  "AzureAd": { "ClientSecret": {|AISEC040:"Hj7Q~Kl9Zx1Cv3Bn5Mq7We9Rt1Yu3Io5Pa"|} },
                  "Signing": { "Key": {|AISEC040:"ThisIsTheSigningKeyForOurTokens"|} },
                  "Search": { "AdminApiKey": {|AISEC040:"Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc2Vb4Nm6Q"|} },
                  "Storage": { "EncryptionKey": {|AISEC040:"q8Vt3Lw9Zr2Ny6Kp4Hs7Jd1Fg5Xc0Bm8Qa3We6Rt="|} }
                }
                """));

        [Fact]
        public Task PlaceholdersAndNonSecretsAreSilent()
            => AnalyzeAsync(("/0/appsettings.json", """
                {
                  "OpenAI": {
                    "ApiKey": "",
                    "Key": "<your-openai-api-key>",
                    "Token": "${OPENAI_API_KEY}",
                    "ClientSecret": "#{ClientSecret}#",
                    "SessionToken": "__SESSION_TOKEN__",
                    "SecretAccessKey": "changeme-0123456789",
                    "AccessKeyId": "your-access-key-id-here",
                    "Secret": "xxxxxxxxxxxxxxxxxxxxxxxx",
                    "SubscriptionKey": "TODO-set-in-user-secrets",
                    "ServiceKey": "OPENAI_API_KEY",
                    "BackupKey": "sk-proj-********",
                    "ShortKey": "Ab12Cd34",
                    "SpacedKey": "set this in user secrets 123",
                    "VaultKey": "@Microsoft.KeyVault(SecretUri=https://vault.vault.azure.net/secrets/openai)",
                    "KeyVaultUrl": "https://contoso-vault.vault.azure.net/"
                  },
                  "Cosmos": { "PartitionKey": "/tenantId/customerId/2024", "Database": "Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6" },
                  "Model": "anthropic.claude-3-5-sonnet-20240620-v1:0",
                  "Ports": { "Key": "12345678901234567890" },
                  "Keys": [ "Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga" ],
                  "Aws": { "KmsKey": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd", "SigningKey": "/run/secrets/signing_key_v2", "AliasKey": "alias/model-artifacts-key" },
                  "ApplicationInsights": { "InstrumentationKey": "5f1a9e3c-2b7d-4c8e-9a6f-0d1e2f3a4b5c" },
                  "Files": { "CertificateKey": "C:\\certs\\service-key-2024.pem" }
                }
                """));

        [Fact]
        public Task MessageNamesThePathTheFileAndWhereTheKeyBelongs()
        {
            var test = new Verify.Test { TestCode = Program, References = ReferenceCatalog.Net };
            test.TestState.AdditionalFiles.Add(("/0/appsettings.Production.json", """
                {
                  "OpenAI": { "ApiKey": {|#0:"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|} },
                  "Llm": { "ApiKey": {|#1:"Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|} }
                }
                """));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedCredentialInConfiguration).WithLocation(0)
                .WithArguments("The OpenAI API key", "OpenAI:ApiKey", "appsettings.Production.json"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.HardcodedCredentialInConfiguration).WithLocation(1)
                .WithArguments("A secret", "Llm:ApiKey", "appsettings.Production.json"));
            return test.RunWithStubsAsync();
        }

        [Fact]
        public void MessageTextSaysWhereTheKeyBelongs()
        {
            var message = Descriptors.HardcodedCredentialInConfiguration.MessageFormat.ToString();
            Assert.Contains("user secrets", message, StringComparison.Ordinal);
            Assert.Contains("environment variable", message, StringComparison.Ordinal);
            Assert.Contains("key vault", message, StringComparison.Ordinal);
        }

        [Fact]
        public Task EnvironmentFilesCommentsAndTrailingCommas()
            => AnalyzeAsync(
                ("/0/appsettings.Development.json", """
                    {
                      // Local development keys. /* not a block */
                      "OpenAI": {
                        /* the key */ "ApiKey": {|AISEC040:"sk-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU0123"|}, // trailing comment
                      },
                      "Anthropic": { "ApiKey": {|AISEC040:"sk-ant-api03-Zq8Xv2Lm5Nw9Rt3Yk7Pb1Hc6Jd4Fs0Ga"|}, },
                    }
                    """),
                ("/0/appsettings.json", """
                    { "OpenAI": { "ApiKey": "" } }
                    """));

        [Fact]
        public Task LaunchSettingsEnvironmentVariables()
            => AnalyzeAsync(("/0/Properties/launchSettings.json", """
                {
                  "$schema": "http://json.schemastore.org/launchsettings.json",
                  "profiles": {
                    "http": {
                      "commandName": "Project",
                      "applicationUrl": "http://localhost:5080",
                      "environmentVariables": {
                        "ASPNETCORE_ENVIRONMENT": "Development",
                        "OPENAI_API_KEY": {|AISEC040:"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU"|},
                        "AWS_SECRET_ACCESS_KEY": {|AISEC040:"Qv8c2XkJm4Rt7Wn1Pz9Ls3Df6Gh0Jk5Bn8Mq2Vx4"|},
                        "AzureOpenAI__ApiKey": {|AISEC040:"4b2c8e1f9a3d47e6b5c0d8f2a7e1c3b9"|},
                        "ANTHROPIC_API_KEY": "",
                        "OpenAI__Endpoint": "https://api.openai.com/v1"
                      }
                    },
                    "docker": { "commandName": "Docker", "launchUrl": "{Scheme}://{ServiceHost}:{ServicePort}" }
                  }
                }
                """));

        [Fact]
        public Task LaunchSettingsOutsideEnvironmentVariablesAreSilent()
            => AnalyzeAsync(("/0/Properties/launchSettings.json", """
                { "profiles": { "web": { "commandName": "Project", "commandLineArgs": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" } } }
                """));

        [Fact]
        public Task OtherJsonFilesAreNotRead()
            => AnalyzeAsync(
                ("/0/secrets.json", """{ "OpenAI": { "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" } }"""),
                ("/0/settings/app.json", """{ "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" }"""),
                ("/0/appsettings.txt", """{ "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" }"""));

        [Theory]
        [InlineData("""{ "OpenAI": { "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" """)]
        [InlineData("""{ "OpenAI": { "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU }""")]
        [InlineData("""{ "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" } /* unterminated""")]
        [InlineData("""{ "ApiKey" "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" }""")]
        [InlineData("""{ "ApiKey": "sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" } }""")]
        [InlineData("""<configuration><add key="ApiKey" value="sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6EaU" /></configuration>""")]
        [InlineData("")]
        [InlineData("""{ "ApiKey": "\u00" }""")]
        public Task FilesThatDoNotParseAreSkipped(string text)
            => AnalyzeAsync(("/0/appsettings.json", text));

        [Fact]
        public Task AProjectWithoutConfigurationFiles()
            => AnalyzeAsync();

        [Fact]
        public Task EscapedValuesAreReadAsTheProviderReadsThem()
            => AnalyzeAsync(("/0/appsettings.json", """
                { "OpenAI": { "Api\u004Bey": {|AISEC040:"sk-proj-4fJq9XtR2mVb7LwZ1cKd8NsY3pHg6E\u0061U"|}, "Note": "a \"quoted\" sk-proj- word" } }
                """));
    }
}
