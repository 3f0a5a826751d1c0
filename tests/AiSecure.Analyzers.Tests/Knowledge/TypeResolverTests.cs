using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiSecure.Analyzers.Tests.Knowledge
{
    /// <summary>The resolver's shortcuts (platform homes, SDK families) find what a lookup over every reference finds.</summary>
    public class TypeResolverTests
    {
        [Theory]
        [InlineData("System.Console")]
        [InlineData("System.Uri")]
        [InlineData("System.Text.StringBuilder")]
        [InlineData("System.Text.RegularExpressions.Regex")]
        [InlineData("System.Text.Json.JsonSerializer")]
        [InlineData("System.BinaryData")]
        [InlineData("System.ClientModel.ApiKeyCredential")]
        [InlineData("System.Data.IDbCommand")]
        [InlineData("System.Data.Common.DbCommand")]
        [InlineData("System.Diagnostics.Process")]
        [InlineData("System.Diagnostics.ProcessStartInfo")]
        [InlineData("System.Net.HttpWebRequest")]
        [InlineData("System.Net.WebRequest")]
        [InlineData("System.Net.ServicePointManager")]
        [InlineData("System.Net.Http.HttpClientHandler")]
        [InlineData("System.Net.Http.Headers.AuthenticationHeaderValue")]
        [InlineData("System.Net.Http.WinHttpHandler")]
        [InlineData("System.Web.HttpUtility")]
        [InlineData("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions")]
        [InlineData("Microsoft.AspNetCore.Http.HttpRequestJsonExtensions")]
        [InlineData("Microsoft.AspNetCore.Http.IFormFile")]
        [InlineData("Microsoft.AspNetCore.Http.HttpRequest")]
        [InlineData("Microsoft.AspNetCore.Http.Results")]
        [InlineData("Microsoft.AspNetCore.Http.TypedResults")]
        [InlineData("Microsoft.AspNetCore.Mvc.ControllerBase")]
        [InlineData("Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper")]
        [InlineData("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute")]
        [InlineData("Azure.AzureKeyCredential")]
        [InlineData("Amazon.S3.AmazonS3Client")]
        [InlineData("OpenAI.Chat.ChatClient")]
        [InlineData("Microsoft.Extensions.AI.ChatMessage")]
        [InlineData("Microsoft.SemanticKernel.Kernel")]
        [InlineData("No.Such.Type")]
        public void FindsWhatTheFullLookupFinds(string metadataName)
        {
            var compilation = CSharpCompilation.Create("Probe", references: ReferenceCatalog.All.References);
#pragma warning disable RS0030 // The reference answer.
            var expected = compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030

            Assert.Equal(expected, TypeResolver.Get(compilation, metadataName), SymbolEqualityComparer.Default);
        }

        [Fact]
        public void SourceDeclaredPlatformTypeWins()
        {
            var tree = CSharpSyntaxTree.ParseText("namespace System.Net.Http { public class WinHttpHandler { } }");
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, ReferenceCatalog.All.References);

            var found = TypeResolver.Get(compilation, "System.Net.Http.WinHttpHandler");

            Assert.NotNull(found);
            Assert.Equal(compilation.Assembly, found!.ContainingAssembly, SymbolEqualityComparer.Default);
        }
    }
}
