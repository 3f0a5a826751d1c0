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
    /// <c>project --dir DIR</c>: builds a real project (the user's own code, or a library cloned for it) with and without
    /// the analyzers, <c>--runs</c> times each, rounds interleaved, and prints medians and our share of the Csc task.
    /// The project is not edited: the analyzers come in through <c>CustomAfterMicrosoftCommonTargets</c>, a targets file
    /// this command writes under artifacts/bench. Arguments it does not know (<c>-p:TargetFrameworks=net8.0</c>) go to
    /// every build.
    /// </summary>
    public static class ProjectCommand
    {
        public static int Run(CommandLine options, string analyzerDirectory)
        {
            if (options.Directory == null)
            {
                Console.Error.WriteLine("usage: project --dir <project directory or project file> [--runs R] [msbuild arguments]");
                return 2;
            }

            var project = options.Directory;
            if (Directory.Exists(project))
            {
                var files = Directory.GetFiles(project, "*.csproj");
                if (files.Length != 1)
                {
                    Console.Error.WriteLine($"{project} holds {files.Length} .csproj files; pass the one to build with --dir.");
                    return 2;
                }

                project = files[0];
            }

            var name = Path.GetFileNameWithoutExtension(project);
            var hook = Path.Combine(RepoPaths.Artifacts, "project-analyzers.targets");
            Directory.CreateDirectory(RepoPaths.Artifacts);
            File.WriteAllText(hook, $"""
                <Project>
                  <!-- Written by AiSecure.Analyzers.Benchmarks (project): the analyzers under test, added to the measured project's build. -->
                  <ItemGroup>
                    <Analyzer Include="{Path.Combine(analyzerDirectory, "AiSecure.Analyzers.dll")}" />
                    <Analyzer Include="{Path.Combine(analyzerDirectory, "AiSecure.Analyzers.CodeFixes.dll")}" />
                  </ItemGroup>
                </Project>
                """);

            var without = new BuildConfiguration("no extra analyzers", options.Rest, null);
            var with = new BuildConfiguration(EndToEndCommand.Ours, options.Rest.Append("-p:CustomAfterMicrosoftCommonTargets=" + hook).ToArray(), EndToEndCommand.Ours);
            var configurations = new List<BuildConfiguration> { without, with };
            if (options.Baseline != null)
            {
                var baselineHook = Path.Combine(RepoPaths.Artifacts, "project-analyzers-baseline.targets");
                File.WriteAllText(baselineHook, File.ReadAllText(hook).Replace(analyzerDirectory, options.Baseline, StringComparison.Ordinal));
                configurations.Add(new BuildConfiguration(EndToEndCommand.Ours + " (baseline)", options.Rest.Append("-p:CustomAfterMicrosoftCommonTargets=" + baselineHook).ToArray(), EndToEndCommand.Ours));
            }

            var label = "project-" + EndToEndCommand.Slug(name);
            var results = EndToEndCommand.Measure(project, configurations.ToArray(), options.Runs, label);
            var report = new StringBuilder();
            report.AppendLine($"## {name}: {options.Runs} runs per configuration (medians; share range over runs)");
            report.AppendLine();
            report.AppendLine($"`{project}`{(options.Rest.Length > 0 ? " with " + string.Join(' ', options.Rest) : "")}");
            report.AppendLine();
            report.AppendLine("| configuration | Csc task (s) | all analyzers (s) | ours (s) | share of Csc (median of runs) | share range |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var configuration in configurations)
            {
                var runs = results[configuration];
                var csc = EndToEndCommand.Median(runs.Select(m => m.CscMilliseconds)) / 1000;
                var all = EndToEndCommand.Median(runs.Select(m => m.TotalAnalyzerSeconds));
                string own = "—", share = "—", range = "—";
                if (configuration.AssemblyPrefix != null)
                {
                    var shares = runs.Select(m => EndToEndCommand.OwnSeconds(m, configuration.AssemblyPrefix) / (m.CscMilliseconds / 1000)).ToList();
                    own = EndToEndCommand.Median(runs.Select(m => EndToEndCommand.OwnSeconds(m, configuration.AssemblyPrefix))).ToString("0.000", CultureInfo.InvariantCulture);
                    share = EndToEndCommand.Median(shares).ToString("0.00%", CultureInfo.InvariantCulture);
                    range = string.Create(CultureInfo.InvariantCulture, $"{shares.Min():0.00%}–{shares.Max():0.00%}");
                }

                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {configuration.Name} | {csc:0.00} | {all:0.000} | {own} | {share} | {range} |"));
            }

            report.AppendLine();
            EndToEndCommand.AppendPerAnalyzer(report, results[with], EndToEndCommand.Ours, with.Name);
            EndToEndCommand.AppendWarnings(report, results[with], "AISEC");
            EndToEndCommand.Write(report.ToString(), label + ".md");
            return 0;
        }
    }
}
