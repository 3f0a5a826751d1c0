using System.Collections.Generic;

namespace AiSecure.Analyzers.Knowledge
{
    internal static class CollectionExtensions
    {
        /// <summary>Adds <paramref name="value"/> to the list kept under <paramref name="key"/>, starting the list if there is none.</summary>
        public static void AddToList<TKey, TValue>(this Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<TValue>();
                map[key] = list;
            }

            list.Add(value);
        }
    }
}
