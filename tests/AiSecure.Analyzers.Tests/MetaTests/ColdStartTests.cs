using System.Linq;
using System.Reflection;

namespace AiSecure.Analyzers.Tests.MetaTests
{
    /// <summary>
    /// Shapes that cost a cold build: every method of the analyzer assembly that runs is compiled by the runtime on first
    /// use, in every build that starts a compiler process.
    /// </summary>
    public class ColdStartTests
    {
        [Fact]
        public void InternalTypesExposeFieldsNotGetOnlyAutoProperties()
        {
            // An auto-property's getter is one more method to compile; about 150 of them ran on the benchmark corpus. A
            // property stays where an interface or a base class needs it.
            var offenders = typeof(Descriptors).Assembly.GetTypes()
                .Where(t => !t.IsPublic && !t.IsNestedPublic || t.DeclaringType is { IsPublic: false })
                .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(f => f.Name.EndsWith(">k__BackingField", System.StringComparison.Ordinal))
                    .Select(f => (Type: t, Name: f.Name.Substring(1, f.Name.IndexOf('>') - 1))))
                .Where(p => !IsRequiredProperty(p.Type, p.Name))
                .Select(p => $"{p.Type.FullName}.{p.Name}")
                .ToList();

            Assert.True(offenders.Count == 0, "auto-properties on internal types: " + string.Join(", ", offenders));
        }

        private static bool IsRequiredProperty(System.Type type, string name)
        {
            var property = type.GetProperty(name, BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            var getter = property?.GetMethod;
            if (getter == null)
            {
                return false;
            }

            // Overrides and interface implementations cannot be fields; a private setter keeps its property.
            return getter.GetBaseDefinition() != getter
                || type.GetInterfaces().Any(i => type.GetInterfaceMap(i).TargetMethods.Contains(getter))
                || property!.SetMethod != null;
        }
    }
}
