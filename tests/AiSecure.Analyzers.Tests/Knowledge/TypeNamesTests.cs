using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSecure.Analyzers.Tests.Knowledge
{
    /// <summary>Full metadata names read from a symbol's own names, as catalog rows spell them.</summary>
    public class TypeNamesTests
    {
        private const string Source = """
            namespace OpenAI.Chat { public class ChatClient { public class Options { } } public class Reply<T> { } }
            namespace XOpenAI.Chat { public class ChatClient { } }
            namespace Chat { public class ChatClient { } }
            public class ChatClient { }
            """;

        private static INamedTypeSymbol Type(string metadataName)
        {
            var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(Source) }, ReferenceCatalog.All.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return compilation.Assembly.GetTypeByMetadataName(metadataName)!;
        }

        [Theory]
        [InlineData("OpenAI.Chat.ChatClient", "OpenAI.Chat.ChatClient", true)]
        [InlineData("OpenAI.Chat.ChatClient+Options", "OpenAI.Chat.ChatClient+Options", true)]
        [InlineData("OpenAI.Chat.Reply`1", "OpenAI.Chat.Reply`1", true)]
        [InlineData("ChatClient", "ChatClient", true)]
        [InlineData("XOpenAI.Chat.ChatClient", "OpenAI.Chat.ChatClient", false)]
        [InlineData("Chat.ChatClient", "OpenAI.Chat.ChatClient", false)]
        [InlineData("ChatClient", "OpenAI.Chat.ChatClient", false)]
        [InlineData("OpenAI.Chat.ChatClient", "Chat.ChatClient", false)]
        [InlineData("OpenAI.Chat.ChatClient+Options", "OpenAI.Chat.Options", false)]
        [InlineData("OpenAI.Chat.ChatClient+Options", "OpenAI.Chat.ChatClient.Options", false)]
        [InlineData("OpenAI.Chat.Reply`1", "OpenAI.Chat.Reply", false)]
        public void MatchesOnlyTheWholeName(string declared, string asked, bool expected)
            => Assert.Equal(expected, TypeNames.HasMetadataName(Type(declared), asked));

        [Fact]
        public void ConstructedGenericHasItsDefinitionsName()
        {
            var reply = Type("OpenAI.Chat.Reply`1");
            var constructed = reply.Construct(reply.ContainingAssembly.GetTypeByMetadataName("ChatClient")!);

            Assert.True(TypeNames.HasMetadataName(constructed, "OpenAI.Chat.Reply`1"));
        }
    }
}
