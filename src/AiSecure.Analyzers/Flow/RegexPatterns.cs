namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Whether a constant regular expression validates a whole value: anchored at both ends (<c>^…$</c>, <c>\A…\z</c>)
    /// for every alternative, and not able to match arbitrary text. <c>^.*$</c>, <c>^[\s\S]+$</c>, <c>^[^;]*$</c> and
    /// <c>^\S+$</c> are anchored but let almost anything through, so they do not validate (docs/rules/AISEC001.md).
    /// Multiline mode makes <c>^</c> and <c>$</c> match at every line, so only <c>\A</c> and <c>\z</c> anchor there.
    /// </summary>
    internal static class RegexPatterns
    {
        public static bool Validates(string pattern, bool multiline, bool ignoreWhitespace)
        {
            if (ignoreWhitespace)
            {
                // Comments and free spacing change what the text means: not checked, so not trusted.
                return false;
            }

            var start = pattern.StartsWith("\\A", System.StringComparison.Ordinal) || (!multiline && pattern.StartsWith("^", System.StringComparison.Ordinal));
            if (!start || !EndsAnchored(pattern, multiline))
            {
                return false;
            }

            return !HasTopLevelAlternation(pattern) && !MatchesArbitraryText(pattern);
        }

        private static bool EndsAnchored(string pattern, bool multiline)
        {
            if (pattern.EndsWith("\\z", System.StringComparison.Ordinal) || pattern.EndsWith("\\Z", System.StringComparison.Ordinal))
            {
                return !IsEscaped(pattern, pattern.Length - 2);
            }

            return !multiline && pattern.EndsWith("$", System.StringComparison.Ordinal) && !IsEscaped(pattern, pattern.Length - 1);
        }

        /// <summary>The character at <paramref name="index"/> follows an odd number of backslashes.</summary>
        private static bool IsEscaped(string pattern, int index)
        {
            var backslashes = 0;
            for (var i = index - 1; i >= 0 && pattern[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        /// <summary><c>^a$|b</c>: an alternative outside every group escapes the anchors.</summary>
        private static bool HasTopLevelAlternation(string pattern)
        {
            var depth = 0;
            var inClass = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\')
                {
                    i++;
                    continue;
                }

                if (inClass)
                {
                    inClass = c != ']';
                    continue;
                }

                switch (c)
                {
                    case '[':
                        inClass = true;
                        if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                        {
                            i++;
                        }

                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        depth--;
                        break;
                    case '|' when depth == 0:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An atom that matches (nearly) any character — <c>.</c>, <c>\S</c>, <c>\W</c>, <c>\D</c>, <c>\P{…}</c>, a class with
        /// both halves of a shorthand (<c>[\s\S]</c>) or a negated class — repeated without bound (<c>*</c>, <c>+</c>, <c>{n,}</c>).
        /// </summary>
        private static bool MatchesArbitraryText(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                int end;
                bool anything;
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    var next = pattern[i + 1];
                    anything = next is 'S' or 'W' or 'D' or 'P';
                    end = i + 2;
                    if (next is 'P' or 'p' && end < pattern.Length && pattern[end] == '{')
                    {
                        var close = pattern.IndexOf('}', end);
                        end = close < 0 ? pattern.Length : close + 1;
                    }
                }
                else if (c == '[')
                {
                    var close = ClassEnd(pattern, i);
                    var body = pattern.Substring(i + 1, System.Math.Max(0, close - i - 1));
                    anything = body.StartsWith("^", System.StringComparison.Ordinal)
                               || (body.Contains("\\s") && body.Contains("\\S")) || (body.Contains("\\w") && body.Contains("\\W"))
                               || (body.Contains("\\d") && body.Contains("\\D")) || body.Contains("\\S") || body.Contains("\\W") || body.Contains("\\D");
                    end = close + 1;
                }
                else
                {
                    anything = c == '.';
                    end = i + 1;
                }

                if (anything && IsUnbounded(pattern, end))
                {
                    return true;
                }

                if (c == '[')
                {
                    i = end - 1;
                }
                else if (c == '\\')
                {
                    i = end - 1;
                }
            }

            return false;
        }

        private static int ClassEnd(string pattern, int open)
        {
            var i = open + 1;
            if (i < pattern.Length && pattern[i] == '^')
            {
                i++;
            }

            if (i < pattern.Length && pattern[i] == ']')
            {
                i++;
            }

            for (; i < pattern.Length; i++)
            {
                if (pattern[i] == '\\')
                {
                    i++;
                }
                else if (pattern[i] == ']')
                {
                    return i;
                }
            }

            return pattern.Length;
        }

        private static bool IsUnbounded(string pattern, int index)
        {
            if (index >= pattern.Length)
            {
                return false;
            }

            var q = pattern[index];
            if (q is '*' or '+')
            {
                return true;
            }

            if (q != '{')
            {
                return false;
            }

            var close = pattern.IndexOf('}', index);
            if (close < 0)
            {
                return false;
            }

            var body = pattern.Substring(index + 1, close - index - 1);
            var comma = body.IndexOf(',');
            return comma >= 0 && comma == body.Length - 1;
        }
    }
}
