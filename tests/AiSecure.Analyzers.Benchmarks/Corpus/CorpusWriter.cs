using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace AiSecure.Analyzers.Benchmarks.Corpus
{
    /// <summary>Writes a generated corpus as a buildable project on disk.</summary>
    public static class CorpusWriter
    {
        public const string ProjectName = "Contoso.Platform.csproj";

        /// <summary>Writes <paramref name="files"/> source files into <paramref name="directory"/> (wiped first) and returns the project path.</summary>
        public static string Write(string directory, int files, int seed, string analyzerDirectory)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);

            // The corpus stands alone: the repository's Directory.Build.* and central versions do not apply.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");

            var stubs = Path.Combine(RepoPaths.Root, "tests", "AiSecure.Analyzers.TestSupport", "Stubs");
            File.WriteAllText(Path.Combine(directory, ProjectName), CorpusGenerator.ProjectFile(stubs, analyzerDirectory, ReadCentralVersions()));
            File.WriteAllText(Path.Combine(directory, "Program.cs"), CorpusGenerator.Program() + "\n");

            var generated = new CorpusGenerator(seed).Generate(files);
            foreach (var file in generated)
            {
                var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text + "\n");
            }

            var lines = generated.Sum(f => f.Text.Split('\n').Length);
            Console.WriteLine($"Corpus: {generated.Count} files ({generated.Count(f => f.HasFlaw)} with a flaw), {lines} lines, seed {seed} -> {directory}");
            return Path.Combine(directory, ProjectName);
        }

        /// <summary>The versions of Directory.Packages.props, so the corpus uses what the repository pins.</summary>
        public static IReadOnlyDictionary<string, string> ReadCentralVersions()
        {
            var document = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
            var properties = document.Descendants("PropertyGroup").Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
            var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var element in document.Descendants("PackageVersion"))
            {
                var id = (string?)element.Attribute("Include");
                var version = (string?)element.Attribute("Version");
                if (id == null || version == null)
                {
                    continue;
                }

                if (version.StartsWith("$(", StringComparison.Ordinal) && properties.TryGetValue(version.Substring(2, version.Length - 3), out var resolved))
                {
                    version = resolved;
                }

                versions[id] = version;
            }

            return versions;
        }
    }

    /// <summary>Where the repository is (the folder with AiSecure.Analyzers.sln), from the current or the app folder.</summary>
    public static class RepoPaths
    {
        private static string? _root;

        public static string Root => _root ??= Find();

        public static string Artifacts => Path.Combine(Root, "artifacts", "bench");

        private static string Find()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "AiSecure.Analyzers.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("Run from inside the AiSecure.Analyzers repository (no AiSecure.Analyzers.sln found above the current folder).");
        }
    }
}
