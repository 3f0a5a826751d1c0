using System;
using System.IO;

namespace AiSecure.Analyzers.Tests.MetaTests
{
    /// <summary>Finds the repository root from the test output folder.</summary>
    public static class Repository
    {
        private static readonly Lazy<string> LazyRoot = new(() =>
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AiSecure.Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("AiSecure.Analyzers.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => LazyRoot.Value;

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
    }
}
