using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// A location and a text (a rule id, a message) as a set key, so that one finding is reported once. A class, not
    /// a value tuple: a set of it runs on the runtime's shared generic code instead of code compiled for the tuple.
    /// </summary>
    internal sealed class LocatedKey
    {
        public LocatedKey(Location location, string text)
        {
            Location = location;
            Text = text;
        }

        public readonly Location Location;

        public readonly string Text;

        public override bool Equals(object? obj)
            => obj is LocatedKey other && Location.Equals(other.Location) && Text == other.Text;

        public override int GetHashCode() => (Location.GetHashCode() * 31) + Text.GetHashCode();
    }
}
