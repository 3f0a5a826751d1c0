using System;
using System.IO;
using System.Linq;
using AiSecure.Analyzers.Benchmarks.Corpus;

namespace AiSecure.Analyzers.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            var command = args.Length > 0 ? args[0] : "help";
            var options = CommandLine.Parse(args.Skip(1).ToArray());
            switch (command)
            {
                case "generate":
                    CorpusWriter.Write(options.Output ?? Path.Combine(RepoPaths.Artifacts, $"corpus-{options.Files}"), options.Files, options.Seed, AnalyzerDirectory());
                    return 0;
                case "e2e":
                    return EndToEnd.EndToEndCommand.RunE2e(options, AnalyzerDirectory());
                case "scale":
                    return EndToEnd.EndToEndCommand.RunScale(options, AnalyzerDirectory());
                case "project":
                    return EndToEnd.ProjectCommand.Run(options, AnalyzerDirectory());
                case "report":
                    return EndToEnd.EndToEndCommand.RunReport(options);
                case "micro":
                    return Micro.MicroCommand.Run(options.Rest);
                case "firstuse":
                    return Micro.FirstUseCommand.Run(options);
                case "scan":
                    return Micro.ScanCommand.Run(options);
                default:
                    Console.WriteLine("usage: generate|e2e|report|scale|project|micro|firstuse|scan [--files N] [--seed S] [--runs R] [--out DIR] [--no-compare] [--baseline DIR] [--dir PROJECT]");
                    return command == "help" ? 0 : 2;
            }
        }

        /// <summary>The analyzer DLLs of this build (what the package ships), copied where the corpus project reads them.</summary>
        internal static string AnalyzerDirectory()
        {
            var target = Path.Combine(RepoPaths.Artifacts, "analyzers");
            Copy(AppContext.BaseDirectory, target);
            return target;
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var name in new[] { "AiSecure.Analyzers.dll", "AiSecure.Analyzers.CodeFixes.dll" })
            {
                File.Copy(Path.Combine(from, name), Path.Combine(to, name), overwrite: true);
            }
        }
    }

    public sealed class CommandLine
    {
        public int Files { get; private set; } = 200;
        public int Seed { get; private set; } = 20261126;
        public int Runs { get; private set; } = 3;
        public string? Output { get; private set; }
        public bool Compare { get; private set; } = true;
        public string? Baseline { get; private set; }
        public string? Directory { get; private set; }
        public string[] Rest { get; private set; } = Array.Empty<string>();

        public static CommandLine Parse(string[] args)
        {
            var result = new CommandLine();
            var rest = new System.Collections.Generic.List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--files": result.Files = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--seed": result.Seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--runs": result.Runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--out": result.Output = args[++i]; break;
                    case "--no-compare": result.Compare = false; break;
                    case "--baseline": result.Baseline = Path.GetFullPath(args[++i]); break;
                    case "--dir": result.Directory = Path.GetFullPath(args[++i]); break;
                    default: rest.Add(args[i]); break;
                }
            }

            result.Rest = rest.ToArray();
            return result;
        }
    }
}
