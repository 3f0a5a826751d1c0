using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AiSecure.Analyzers.Benchmarks.EndToEnd
{
    /// <summary>One way to build the corpus: which analyzer packages are on, and whose analyzer time we report.</summary>
    public sealed record BuildConfiguration(string Name, string[] Properties, string? AssemblyPrefix);

    /// <summary>What one build of the corpus reported.</summary>
    public sealed class BuildMeasurement
    {
        public double CscMilliseconds { get; set; }
        public double TotalAnalyzerSeconds { get; set; }
        public Dictionary<string, double> AssemblySeconds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, double> AnalyzerSeconds { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> WarningsById { get; } = new(StringComparer.Ordinal);
        public int ErrorCount { get; set; }
    }

    /// <summary>
    /// Builds a project with <c>-p:ReportAnalyzer=true</c> and a detailed file log with the performance summary,
    /// then reads the Csc task time and the compiler's analyzer report (per assembly and per analyzer).
    /// </summary>
    public static class BuildRunner
    {
        private static readonly Regex CscLine = new(@"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline);
        private static readonly Regex ReportLine = new(@"^\s*(<?[\d.]+)\s+(<?\d+)(\s+)(\S.*)$");
        private static readonly Regex WarningId = new(@"\b(warning|error) ([A-Z]+[0-9]+)\s*:");

        public static BuildMeasurement Build(string project, BuildConfiguration configuration, string logPath)
        {
            Run("dotnet", new[] { "build-server", "shutdown" }, quiet: true);
            var args = new List<string>
            {
                "build", project, "-c", "Release", "--no-incremental", "-nodeReuse:false", "-nologo", "-v:q",
                "-p:ReportAnalyzer=true", $"-flp:v=detailed;logfile={logPath};performancesummary",
            };
            args.AddRange(configuration.Properties);
            var exit = Run("dotnet", args, quiet: true);
            var log = File.ReadAllText(logPath);
            var measurement = Parse(log);
            if (exit != 0 || measurement.ErrorCount > 0)
            {
                throw new InvalidOperationException($"The corpus build ({configuration.Name}) failed with exit code {exit}; see {logPath}.");
            }

            return measurement;
        }

        /// <summary>Reads a detailed MSBuild log of one Csc invocation with /reportanalyzer.</summary>
        public static BuildMeasurement Parse(string log)
        {
            var result = new BuildMeasurement();
            var csc = CscLine.Matches(log);
            if (csc.Count > 0)
            {
                result.CscMilliseconds = double.Parse(csc[csc.Count - 1].Groups[1].Value, CultureInfo.InvariantCulture);
            }

            var lines = log.Split('\n');
            string? assembly = null;
            var inReport = false;
            var seenWarnings = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in lines)
            {
                var line = raw.TrimEnd('\r');
                var total = line.IndexOf("Total analyzer execution time:", StringComparison.Ordinal);
                if (total >= 0)
                {
                    var value = line.Substring(total + "Total analyzer execution time:".Length).Trim().Split(' ')[0];
                    result.TotalAnalyzerSeconds = ParseSeconds(value);
                    inReport = true;
                    continue;
                }

                if (line.Contains("Total generator execution time:", StringComparison.Ordinal))
                {
                    inReport = false;
                    continue;
                }

                if (inReport)
                {
                    var match = ReportLine.Match(line);
                    if (!match.Success || line.Contains("Time (s)", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var seconds = ParseSeconds(match.Groups[1].Value);
                    var name = match.Groups[4].Value.Trim();
                    if (match.Groups[3].Value.Length <= 3)
                    {
                        assembly = name.Split(',')[0];
                        result.AssemblySeconds[assembly] = result.AssemblySeconds.GetValueOrDefault(assembly) + seconds;
                    }
                    else if (assembly != null)
                    {
                        var key = assembly + "|" + name;
                        result.AnalyzerSeconds[key] = result.AnalyzerSeconds.GetValueOrDefault(key) + seconds;
                    }

                    continue;
                }

                var warning = WarningId.Match(line);
                if (warning.Success && seenWarnings.Add(line.Trim()))
                {
                    if (warning.Groups[1].Value == "error")
                    {
                        result.ErrorCount++;
                    }
                    else
                    {
                        var id = warning.Groups[2].Value;
                        result.WarningsById[id] = result.WarningsById.GetValueOrDefault(id) + 1;
                    }
                }
            }

            return result;
        }

        private static double ParseSeconds(string value)
            => value.StartsWith('<') ? 0.0005 : double.Parse(value, CultureInfo.InvariantCulture);

        public static int Run(string fileName, IEnumerable<string> arguments, bool quiet)
        {
            var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + fileName);
            if (quiet)
            {
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(fileName + " " + string.Join(' ', arguments) + " took more than 20 minutes.");
            }

            return process.ExitCode;
        }
    }
}
