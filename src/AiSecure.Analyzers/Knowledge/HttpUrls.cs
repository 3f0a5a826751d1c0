using System;
using System.Collections.Immutable;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>What an <c>http://</c> URL says about its host.</summary>
    internal static class HttpUrls
    {
        public const string CleartextScheme = "http://";

        /// <summary>
        /// True when <paramref name="text"/> starts with <c>http://</c> (any case, after leading white space)
        /// and the host is neither loopback nor allowed. <paramref name="schemeIndex"/> is where the scheme starts.
        /// A host that is not known (the text stops before it) is not allowed.
        /// </summary>
        public static bool IsCleartext(string text, ImmutableHashSet<string> allowedHosts, out int schemeIndex)
        {
            schemeIndex = 0;
            while (schemeIndex < text.Length && char.IsWhiteSpace(text[schemeIndex]))
            {
                schemeIndex++;
            }

            if (string.Compare(text, schemeIndex, CleartextScheme, 0, CleartextScheme.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            var host = GetHost(text, schemeIndex + CleartextScheme.Length);
            return host.Length == 0 || !(IsLoopback(host) || IsLinkLocal(host) || IsAllowed(host, allowedHosts));
        }

        /// <summary>The host of an authority that starts at <paramref name="start"/>; empty when it is not in the text.</summary>
        public static string GetHost(string text, int start)
        {
            var end = start;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#' && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var authority = text.Substring(start, end - start);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                return close > 0 ? authority.Substring(0, close + 1) : string.Empty;
            }

            var colon = authority.IndexOf(':');
            return colon >= 0 ? authority.Substring(0, colon) : authority;
        }

        public static bool IsLoopback(string host)
        {
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || host.Equals("[::1]", StringComparison.Ordinal)
                || host.Equals("[0:0:0:0:0:0:0:1]", StringComparison.Ordinal))
            {
                return true;
            }

            // 127.0.0.0/8: four decimal octets, the first 127.
            var parts = host.Split('.');
            if (parts.Length != 4 || parts[0] != "127")
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, out var octet) || octet > 255)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Link-local hosts (169.254.0.0/16, fe80::/10) and the AWS instance metadata IPv6 address never leave the
        /// machine's link: cloud instance and task metadata services (169.254.169.254, 169.254.170.2) serve HTTP only.
        /// </summary>
        public static bool IsLinkLocal(string host)
        {
            if (host.StartsWith("[fe8", StringComparison.OrdinalIgnoreCase) || host.StartsWith("[fe9", StringComparison.OrdinalIgnoreCase)
                || host.StartsWith("[fea", StringComparison.OrdinalIgnoreCase) || host.StartsWith("[feb", StringComparison.OrdinalIgnoreCase)
                || host.Equals("[fd00:ec2::254]", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var parts = host.Split('.');
            if (parts.Length != 4 || parts[0] != "169" || parts[1] != "254")
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, out var octet) || octet > 255)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAllowed(string host, ImmutableHashSet<string> allowedHosts)
        {
            if (allowedHosts.Contains(host))
            {
                return true;
            }

            // "*.internal.example" allows every subdomain.
            foreach (var allowed in allowedHosts)
            {
                if (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed.Substring(1), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
