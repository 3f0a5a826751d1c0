using System.Linq;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSecure.Analyzers.Tests.Knowledge
{
    /// <summary>A lazily looked-up catalog type answers as the looked-up symbol would, and is looked up only for a candidate of its name.</summary>
    public class LazyTypeTests
    {
        private const string Source = """
            public class MyCommand : System.Data.Common.DbCommand { }
            public abstract class Process { }
            public class Plain { }
            """;

        private static (CSharpCompilation Compilation, INamedTypeSymbol MyCommand, INamedTypeSymbol OwnProcess, INamedTypeSymbol Plain) Create()
        {
            var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(Source) }, ReferenceCatalog.All.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            INamedTypeSymbol Declared(string name) => compilation.Assembly.GetTypeByMetadataName(name)!;
            return (compilation, Declared("MyCommand"), Declared("Process"), Declared("Plain"));
        }

        [Fact]
        public void OtherNamesAreAnsweredWithoutALookup()
        {
            var (compilation, _, _, plain) = Create();
            var dbCommand = new LazyType(compilation, "System.Data.Common.DbCommand");

            Assert.False(dbCommand.Is(plain));
            Assert.False(dbCommand.IsBaseOrSelfOf(plain));
            Assert.False(dbCommand.IsImplementedBy(plain));
            Assert.False(dbCommand.IsResolved);
        }

        [Fact]
        public void BaseTypeIsFoundThroughTheChain()
        {
            var (compilation, myCommand, _, _) = Create();
            var dbCommand = new LazyType(compilation, "System.Data.Common.DbCommand");

            Assert.True(dbCommand.IsBaseOrSelfOf(myCommand));
            Assert.True(dbCommand.IsResolved);
            Assert.False(dbCommand.Is(myCommand));
            Assert.True(dbCommand.Is(myCommand.BaseType));
        }

        [Fact]
        public void SameNameInAnotherNamespaceIsNotTheType()
        {
            var (compilation, _, ownProcess, _) = Create();
            var process = new LazyType(compilation, "System.Diagnostics.Process");

            Assert.False(process.Is(ownProcess));
            Assert.False(process.IsBaseOrSelfOf(ownProcess));
            Assert.False(process.IsResolved);
            Assert.NotNull(process.Resolve());
        }

        [Fact]
        public void InterfaceIsFoundAmongAllInterfaces()
        {
            var (compilation, myCommand, _, plain) = Create();
            var idbCommand = new LazyType(compilation, "System.Data.IDbCommand");

            Assert.True(idbCommand.IsImplementedBy(myCommand));
            Assert.False(idbCommand.IsImplementedBy(plain));
            Assert.True(idbCommand.Is(myCommand.AllInterfaces.Single(i => i.Name == "IDbCommand")));
        }

        [Fact]
        public void MissingTypeMatchesNothing()
        {
            var (compilation, _, ownProcess, _) = Create();
            var missing = new LazyType(compilation, "No.Such.Process");

            Assert.False(missing.Is(ownProcess));
            Assert.Null(missing.Resolve());
            Assert.True(missing.IsResolved);
        }
    }
}
