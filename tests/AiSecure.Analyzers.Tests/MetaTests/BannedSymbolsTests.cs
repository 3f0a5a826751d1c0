using System;
using System.Linq;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSecure.Analyzers.Tests.MetaTests
{
    /// <summary>src/BannedSymbols.txt names only symbols that exist: a misspelt entry would ban nothing, silently.</summary>
    public class BannedSymbolsTests
    {
        [Fact]
        public void EveryEntryNamesASymbolOfTheCompilerApi()
        {
            var entries = Repository.Read("src", "BannedSymbols.txt").Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
                .Select(line => line.Split(';')[0].Trim())
                .ToList();
            Assert.NotEmpty(entries);

            // The compiler API the analyzers are written against, as metadata.
            var compilation = CSharpCompilation.Create(
                "BannedSymbolsCheck",
                references: ReferenceCatalog.Net.References.Add(MetadataReference.CreateFromFile(typeof(Compilation).Assembly.Location)));
            Assert.All(entries, id => Assert.True(DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation).Length > 0, $"'{id}' names no symbol"));
        }
    }
}
