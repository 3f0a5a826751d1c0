using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiSecure.Analyzers.Tests.Options
{
    /// <summary>Files without <c>aisecure.*</c> options share the defaults; a file that sets any one option gets its own.</summary>
    public class AiSecureOptionsTests
    {
        public static IEnumerable<object[]> Keys()
            => typeof(OptionKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => new object[] { (string)f.GetRawConstantValue()! });

        [Fact]
        public void FileWithoutOptionsSharesTheDefaults()
        {
            var options = Get(ImmutableDictionary<string, string>.Empty.Add("dotnet_diagnostic.CA1000.severity", "none"));
            Assert.Same(AiSecureOptions.Default, options);
        }

        [Theory]
        [MemberData(nameof(Keys))]
        public void EveryOptionKeyIsRead(string key)
        {
            var options = Get(ImmutableDictionary<string, string>.Empty.Add(key, "true"));
            Assert.NotSame(AiSecureOptions.Default, options);
        }

        private static AiSecureOptions Get(ImmutableDictionary<string, string> values)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { }", path: "/0/Test0.cs");
            var provider = new Provider(new Options(values));
            return AiSecureOptions.Get(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider), tree);
        }

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }

        private sealed class Provider(AnalyzerConfigOptions options) : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions => options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
        }
    }
}
