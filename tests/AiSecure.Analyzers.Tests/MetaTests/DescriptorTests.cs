using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSecure.Analyzers.Tests.MetaTests
{
    /// <summary>Every rule is documented, tracked, listed and linked; every fixer is tested.</summary>
    public class DescriptorTests
    {
        private static readonly Assembly AnalyzerAssembly = typeof(Descriptors).Assembly;
        private static readonly Assembly FixerAssembly = typeof(AiSecure.Analyzers.CodeFixes.Rules.CleartextEndpointFixer).Assembly;

        public static IEnumerable<DiagnosticAnalyzer> Analyzers()
            => AnalyzerAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

        public static IEnumerable<CodeFixProvider> Fixers()
            => FixerAssembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);

        public static IEnumerable<DiagnosticDescriptor> AllDescriptors()
            => Analyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id);

        public static TheoryData<string> Ids()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in AllDescriptors())
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        private static DiagnosticDescriptor Get(string id) => AllDescriptors().Single(d => d.Id == id);

        [Fact]
        public void ThereAreRules() => Assert.NotEmpty(AllDescriptors());

        [Fact]
        public void IdsAreUniqueAndWellFormed()
        {
            var descriptors = Analyzers().SelectMany(a => a.SupportedDiagnostics).ToList();
            foreach (var group in descriptors.GroupBy(d => d.Id))
            {
                Assert.Matches("^AISEC[0-9]{3}$", group.Key);
                Assert.Single(group.Select(d => (d.Title.ToString(), d.Category, d.DefaultSeverity)).Distinct());
            }

            var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
            Assert.Equal(constants.Count, constants.Distinct().Count());
            Assert.Equal(constants.OrderBy(c => c), descriptors.Select(d => d.Id).Distinct().OrderBy(c => c));
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void DescriptorFollowsTheCatalog(string id)
        {
            var descriptor = Get(id);
            Assert.Equal("Security", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal($"https://github.com/aisecure-analyzers/AiSecure.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.False(descriptor.Title.ToString().EndsWith(".", StringComparison.Ordinal));
        }

        /// <summary>The weakness of each rule (docs/rules, README), written out here, not read from the code under test.</summary>
        internal static readonly Dictionary<string, int> Weakness = new(StringComparer.Ordinal)
        {
            ["AISEC001"] = 1427, ["AISEC002"] = 1427, ["AISEC003"] = 1426, ["AISEC010"] = 311, ["AISEC011"] = 311,
            ["AISEC020"] = 319, ["AISEC021"] = 295, ["AISEC030"] = 319, ["AISEC031"] = 668, ["AISEC040"] = 798, ["AISEC041"] = 693,
        };

        /// <summary>Every descriptor object of the package: each analyzer's, and each field of <see cref="Descriptors"/>.</summary>
        public static IEnumerable<DiagnosticDescriptor> EveryDescriptor()
            => Analyzers().SelectMany(a => a.SupportedDiagnostics)
                .Concat(typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                    .Select(f => (DiagnosticDescriptor)f.GetValue(null)!))
                .Distinct(ReferenceEqualityComparer.Instance)
                .Cast<DiagnosticDescriptor>();

        [Fact]
        public void EveryDescriptorIsTaggedSecurityWithItsWeakness()
        {
            Assert.Equal(Weakness.Keys.OrderBy(k => k, StringComparer.Ordinal), AllDescriptors().Select(d => d.Id));
            foreach (var descriptor in EveryDescriptor())
            {
                var tags = descriptor.CustomTags.ToList();
                Assert.Contains("security", tags);
                Assert.Equal(new[] { $"external/cwe/cwe-{Weakness[descriptor.Id]}" }, tags.Where(t => t.StartsWith("external/", StringComparison.Ordinal)));
                Assert.Equal(tags.Count, tags.Distinct().Count());
                Assert.All(tags, t => Assert.Contains(t, new[] { "security", $"external/cwe/cwe-{Weakness[descriptor.Id]}", WellKnownDiagnosticTags.CompilationEnd }));
            }
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void DocsPageNamesTheWeakness(string id)
        {
            var text = Repository.Read("docs", "rules", id + ".md");
            var cwe = Weakness[id];
            Assert.Contains($"| Weakness | [CWE-{cwe}](https://cwe.mitre.org/data/definitions/{cwe}.html) |", text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void UseInCiListsTheWeakness(string id)
        {
            var rows = Repository.Read("docs", "use-in-ci.md").Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal)).ToList();
            var row = Assert.Single(rows);
            Assert.Contains($"[CWE-{Weakness[id]}](https://cwe.mitre.org/data/definitions/{Weakness[id]}.html)", row, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void DocsPageSaysWhichFixComesFirst(string id)
        {
            var text = Repository.Read("docs", "rules", id + ".md");
            var hasFix = Fixers().Any(f => f.FixableDiagnosticIds.Contains(id));
            Assert.Equal(hasFix, text.Contains("| Fix offered first | \"", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void HasADocsPageThatFollowsTheTemplate(string id)
        {
            var descriptor = Get(id);
            var path = Repository.PathOf("docs", "rules", id + ".md");
            Assert.True(File.Exists(path), $"{path} is missing");
            var text = File.ReadAllText(path);
            Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
            foreach (var heading in new[] { "## Cause", "## Why it matters", "## How to fix", "## Options", "## When to suppress", "## How to suppress", "## Related rules" })
            {
                Assert.Contains(heading, text, StringComparison.Ordinal);
            }

            var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString();
            Assert.Contains($"| Default severity | {severity}", text, StringComparison.Ordinal);
            Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void HasAReleaseTrackingLine(string id)
        {
            var descriptor = Get(id);
            var releases = Repository.Read("src", "AiSecure.Analyzers", "AnalyzerReleases.Shipped.md") + Repository.Read("src", "AiSecure.Analyzers", "AnalyzerReleases.Unshipped.md");
            var line = releases.Split('\n').SingleOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
            Assert.NotNull(line);
            Assert.Contains($"| Security | {descriptor.DefaultSeverity} |", line!, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void HasAReadmeRow(string id)
        {
            var descriptor = Get(id);
            var readme = Repository.Read("README.md");
            var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Info ? "Info" : descriptor.DefaultSeverity.ToString();
            var hasFix = Fixers().Any(f => f.FixableDiagnosticIds.Contains(id)) ? "Yes" : "No";
            var cwe = Weakness[id];
            Assert.Contains($"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {severity} | {hasFix} | [CWE-{cwe}](https://cwe.mitre.org/data/definitions/{cwe}.html) |", readme, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void EveryPresetSetsTheRule(string id)
        {
            foreach (var (file, severity) in new[] { ("aisecure_allwarnings.globalconfig", "warning"), ("aisecure_allerrors.globalconfig", "error"), ("aisecure_none.globalconfig", "none") })
            {
                var text = Repository.Read("src", "AiSecure.Analyzers.Package", "configuration", file);
                Assert.Contains($"dotnet_diagnostic.{id}.severity = {severity}", text, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void EveryFixerHasAnAnalyzerAndTests()
        {
            var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
            var testTypes = typeof(DescriptorTests).Assembly.GetTypes();
            foreach (var fixer in Fixers())
            {
                Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
                Assert.NotNull(fixer.GetFixAllProvider());
                var stem = fixer.GetType().Name.Substring(0, fixer.GetType().Name.Length - "Fixer".Length);
                var tests = testTypes.SingleOrDefault(t => t.Name == stem + "Tests");
                Assert.True(tests != null, $"{stem}Tests is missing for {fixer.GetType().Name}");
                Assert.Contains(tests!.GetMethods(), m => m.Name.StartsWith("Fix", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void EveryAnalyzerHasTests()
        {
            var testTypes = typeof(DescriptorTests).Assembly.GetTypes();
            foreach (var analyzer in Analyzers())
            {
                var stem = analyzer.GetType().Name.Substring(0, analyzer.GetType().Name.Length - "Analyzer".Length);
                Assert.Contains(testTypes, t => t.Name == stem + "Tests");
            }
        }
    }
}
