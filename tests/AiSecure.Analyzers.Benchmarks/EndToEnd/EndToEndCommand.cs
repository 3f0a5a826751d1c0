using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AiSecure.Analyzers.Benchmarks.Corpus;

namespace AiSecure.Analyzers.Benchmarks.EndToEnd
{
    /// <summary>
    /// <c>e2e</c>: builds the corpus <c>--runs</c> times per configuration (no extra analyzers, AiSecure, and unless
    /// <c>--no-compare</c> SonarAnalyzer.CSharp and SecurityCodeScan), rounds interleaved so a busy machine hurts
    /// every configuration alike, and prints medians. <c>scale</c>: the same for none / AiSecure at N and 2N.
    /// </summary>
    public static class EndToEndCommand
    {
        public const string Ours = "AiSecure.Analyzers";

        public static readonly BuildConfiguration Baseline = new("no extra analyzers", Array.Empty<string>(), null);
        public static readonly BuildConfiguration AiSecure = new("AiSecure.Analyzers", new[] { "-p:AiSecure=true" }, Ours);
        public static readonly BuildConfiguration Sonar = new("SonarAnalyzer.CSharp", new[] { "-p:Sonar=true" }, "SonarAnalyzer");
        public static readonly BuildConfiguration Scs = new("SecurityCodeScan.VS2019", new[] { "-p:Scs=true" }, "SecurityCodeScan");

        /// <summary>The package built elsewhere (<c>--baseline DIR</c>), compared in the same rounds as this build.</summary>
        public static BuildConfiguration OtherBuild(string directory)
            => new("AiSecure.Analyzers (baseline)", new[] { "-p:AiSecure=true", "-p:AiSecureAnalyzerDir=" + directory }, Ours);

        public static int RunE2e(CommandLine options, string analyzerDirectory)
        {
            var configurations = options.Compare ? new[] { Baseline, AiSecure, Sonar, Scs } : new[] { Baseline, AiSecure };
            if (options.Baseline != null)
            {
                // Another build of the package (its AiSecure.Analyzers*.dll in that folder), measured in the same rounds:
                // before/after differences of a few percent are lost in the spread between separate runs.
                configurations = configurations.Take(2).Append(OtherBuild(options.Baseline)).Concat(configurations.Skip(2)).ToArray();
            }

            var project = CorpusWriter.Write(Path.Combine(RepoPaths.Artifacts, $"corpus-{options.Files}"), options.Files, options.Seed, analyzerDirectory);
            var results = Measure(project, configurations, options.Runs, $"e2e-{options.Files}");
            Write(Report(options.Files, configurations, results), $"e2e-{options.Files}.md");
            return 0;
        }

        /// <summary><c>report</c>: the e2e report again, from the logs an earlier <c>e2e --files N</c> left in artifacts/bench/logs.</summary>
        public static int RunReport(CommandLine options)
        {
            var logs = Path.Combine(RepoPaths.Artifacts, "logs");
            var configurations = new[] { Baseline, AiSecure, Sonar, Scs };
            var results = new Dictionary<BuildConfiguration, List<BuildMeasurement>>();
            foreach (var configuration in configurations)
            {
                var runs = new List<BuildMeasurement>();
                for (var run = 1; File.Exists(Path.Combine(logs, $"e2e-{options.Files}-{Slug(configuration.Name)}-{run}.log")); run++)
                {
                    runs.Add(BuildRunner.Parse(File.ReadAllText(Path.Combine(logs, $"e2e-{options.Files}-{Slug(configuration.Name)}-{run}.log"))));
                }

                if (runs.Count > 0)
                {
                    results[configuration] = runs;
                }
            }

            if (!results.ContainsKey(Baseline) || !results.ContainsKey(AiSecure))
            {
                Console.Error.WriteLine($"No e2e logs for {options.Files} files in {logs}: run 'e2e --files {options.Files}' first.");
                return 1;
            }

            Write(Report(options.Files, configurations.Where(results.ContainsKey).ToArray(), results), $"e2e-{options.Files}.md");
            return 0;
        }

        private static string Report(int files, BuildConfiguration[] configurations, Dictionary<BuildConfiguration, List<BuildMeasurement>> results)
        {
            var report = new StringBuilder();
            var runCount = results[AiSecure].Count;
            report.AppendLine($"## End-to-end: {files} files, {runCount} runs per configuration (medians; share range over runs)");
            report.AppendLine();
            report.AppendLine("| configuration | Csc task (s) | all analyzers (s) | its analyzers (s) | share of Csc (median of runs) | share range | Csc vs none |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            var baseCsc = Median(results[Baseline].Select(m => m.CscMilliseconds)) / 1000;
            foreach (var configuration in configurations)
            {
                var runs = results[configuration];
                var csc = Median(runs.Select(m => m.CscMilliseconds)) / 1000;
                var all = Median(runs.Select(m => m.TotalAnalyzerSeconds));
                string own = "—", share = "—", range = "—";
                if (configuration.AssemblyPrefix != null)
                {
                    var shares = runs.Select(m => OwnSeconds(m, configuration.AssemblyPrefix) / (m.CscMilliseconds / 1000)).ToList();
                    own = Median(runs.Select(m => OwnSeconds(m, configuration.AssemblyPrefix))).ToString("0.000", CultureInfo.InvariantCulture);
                    share = Median(shares).ToString("0.0%", CultureInfo.InvariantCulture);
                    range = string.Create(CultureInfo.InvariantCulture, $"{shares.Min():0.0%}–{shares.Max():0.0%}");
                }

                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {configuration.Name} | {csc:0.00} | {all:0.000} | {own} | {share} | {range} | {(csc - baseCsc >= 0 ? "+" : "")}{csc - baseCsc:0.00} s |"));
            }

            report.AppendLine();
            report.AppendLine("Per run (Csc s / its analyzers s): " + string.Join("; ", configurations.Select(c =>
                c.Name + " " + string.Join(", ", results[c].Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.CscMilliseconds / 1000:0.0}/{(c.AssemblyPrefix == null ? m.TotalAnalyzerSeconds : OwnSeconds(m, c.AssemblyPrefix)):0.00}"))))));
            report.AppendLine();
            AppendPerAnalyzer(report, results[AiSecure], Ours, AiSecure.Name);
            AppendWarnings(report, results[AiSecure], "AISEC");
            foreach (var other in configurations.Where(c => c == Sonar || c == Scs))
            {
                AppendTop(report, results[other], other.AssemblyPrefix!, 5);
            }

            return report.ToString();
        }

        public static int RunScale(CommandLine options, string analyzerDirectory)
        {
            var configurations = new[] { Baseline, AiSecure };
            var ours = configurations.Skip(1).ToArray();
            var sizes = new[] { options.Files, options.Files * 2 };
            var medians = new Dictionary<(int, BuildConfiguration), (double Csc, double Ours)>();
            var report = new StringBuilder();
            report.AppendLine($"## Scaling: {sizes[0]} -> {sizes[1]} files, {options.Runs} runs (medians)");
            report.AppendLine();
            report.AppendLine("| files | configuration | Csc none (s) | Csc with it (s) | its analyzers (s) | share |");
            report.AppendLine("|---:|---|---:|---:|---:|---:|");
            foreach (var size in sizes)
            {
                var project = CorpusWriter.Write(Path.Combine(RepoPaths.Artifacts, $"corpus-{size}"), size, options.Seed, analyzerDirectory);
                var results = Measure(project, configurations, options.Runs, $"scale-{size}");
                var cscNone = Median(results[Baseline].Select(m => m.CscMilliseconds)) / 1000;
                foreach (var configuration in ours)
                {
                    var csc = Median(results[configuration].Select(m => m.CscMilliseconds)) / 1000;
                    var own = Median(results[configuration].Select(m => OwnSeconds(m, Ours)));
                    medians[(size, configuration)] = (csc, own);
                    report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {size} | {configuration.Name} | {cscNone:0.00} | {csc:0.00} | {own:0.000} | {own / csc:0.0%} |"));
                }
            }

            report.AppendLine();
            foreach (var configuration in ours)
            {
                var small = medians[(sizes[0], configuration)];
                var large = medians[(sizes[1], configuration)];
                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"Ratio {sizes[1]}/{sizes[0]}, {configuration.Name}: analyzer time x{large.Ours / Math.Max(small.Ours, 1e-6):0.00}, Csc time x{large.Csc / small.Csc:0.00} (linear = x2.00)."));
            }
            Write(report.ToString(), $"scale-{sizes[0]}.md");
            return 0;
        }

        internal static Dictionary<BuildConfiguration, List<BuildMeasurement>> Measure(string project, BuildConfiguration[] configurations, int runs, string label)
        {
            var logs = Path.Combine(RepoPaths.Artifacts, "logs");
            Directory.CreateDirectory(logs);
            var results = configurations.ToDictionary(c => c, _ => new List<BuildMeasurement>());

            // A first build per configuration restores its packages and is not counted.
            foreach (var configuration in configurations)
            {
                Console.WriteLine($"[{label}] warm-up: {configuration.Name}");
                BuildRunner.Build(project, configuration, Path.Combine(logs, $"{label}-{Slug(configuration.Name)}-warmup.log"));
            }

            for (var run = 1; run <= runs; run++)
            {
                foreach (var configuration in configurations)
                {
                    var measurement = BuildRunner.Build(project, configuration, Path.Combine(logs, $"{label}-{Slug(configuration.Name)}-{run}.log"));
                    results[configuration].Add(measurement);
                    var own = configuration.AssemblyPrefix == null ? 0 : OwnSeconds(measurement, configuration.AssemblyPrefix);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{label}] run {run}: {configuration.Name,-24} Csc {measurement.CscMilliseconds / 1000:0.00} s, analyzers {measurement.TotalAnalyzerSeconds:0.000} s, its own {own:0.000} s"));
                }
            }

            return results;
        }

        internal static double OwnSeconds(BuildMeasurement measurement, string prefix)
            => measurement.AssemblySeconds.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.Value);

        internal static void AppendPerAnalyzer(StringBuilder report, List<BuildMeasurement> runs, string prefix, string title)
        {
            report.AppendLine($"### {title}, per analyzer (median s; share of the Csc task)");
            report.AppendLine();
            report.AppendLine("| analyzer | time (s) | share of Csc |");
            report.AppendLine("|---|---:|---:|");
            var csc = Median(runs.Select(m => m.CscMilliseconds)) / 1000;
            var names = runs.SelectMany(m => m.AnalyzerSeconds.Keys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Distinct().OrderBy(k => k, StringComparer.Ordinal);
            foreach (var key in names)
            {
                var seconds = Median(runs.Select(m => m.AnalyzerSeconds.GetValueOrDefault(key)));
                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {key.Substring(key.IndexOf('|') + 1)} | {seconds:0.000} | {seconds / csc:0.00%} |"));
            }

            report.AppendLine();
        }

        internal static void AppendWarnings(StringBuilder report, List<BuildMeasurement> runs, string idPrefix)
        {
            var last = runs[runs.Count - 1];
            var found = last.WarningsById.Where(p => p.Key.StartsWith(idPrefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}");
            report.AppendLine("Warnings reported on the corpus: " + string.Join(", ", found.DefaultIfEmpty("none")));
            report.AppendLine();
        }

        private static void AppendTop(StringBuilder report, List<BuildMeasurement> runs, string prefix, int count)
        {
            var names = runs.SelectMany(m => m.AnalyzerSeconds.Keys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Distinct();
            var top = names.Select(k => (Key: k, Seconds: Median(runs.Select(m => m.AnalyzerSeconds.GetValueOrDefault(k))))).OrderByDescending(t => t.Seconds).Take(count);
            report.AppendLine($"Slowest {prefix} analyzers: " + string.Join("; ", top.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key.Substring(t.Key.IndexOf('|') + 1)} {t.Seconds:0.000} s"))));
            report.AppendLine();
        }

        internal static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return 0;
            }

            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        internal static string Slug(string name) => new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

        internal static void Write(string report, string fileName)
        {
            Console.WriteLine();
            Console.WriteLine(report);
            var path = Path.Combine(RepoPaths.Artifacts, fileName);
            File.WriteAllText(path, report);
            Console.WriteLine("Written to " + path);
        }
    }
}
