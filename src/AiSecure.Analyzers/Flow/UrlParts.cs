using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// A URL as the sequence of its parts, constant text and values, read through conversions, <c>new Uri(…)</c>,
    /// interpolation, concatenation, <c>string.Concat</c> and a local written once; and whether a value placed after
    /// some constant text is inside the URL's scheme or host (docs/rules/AISEC003.md: an escaped value decides
    /// nothing but the path or query it sits in, unless it forms the host).
    /// </summary>
    internal static class UrlParts
    {
        private const int MaxDepth = 8;

        /// <summary>
        /// The parts of <paramref name="url"/> in order: a string for constant text, an operation for a value. A local is read
        /// through its one write only when <paramref name="expandLocal"/> allows it: a read a guard checked stays whole, so the
        /// guard still counts.
        /// </summary>
        public static List<object> Of(IOperation url, Func<ILocalReferenceOperation, bool> expandLocal)
        {
            var parts = new List<object>();
            Add(url, parts, 0, expandLocal);
            return parts;
        }

        /// <summary>A part that starts the URL anew: the relative part of <c>new Uri(baseUri, relative)</c>, which may be absolute itself.</summary>
        public static readonly object Restart = new();

        /// <summary>
        /// Whether <paramref name="prefix"/> fixes the URL's scheme and host: a scheme and host closed by <c>/</c>, <c>?</c> or
        /// <c>#</c> (<c>https://api.example.com/</c>), or a relative reference that cannot become absolute (<c>/issues/</c>,
        /// <c>?q=</c>, <c>notes/</c>), resolved against the client's base address.
        /// </summary>
        public static bool FixesOrigin(string prefix)
        {
            if (prefix.Length == 0)
            {
                return false;
            }

            if (prefix[0] is '?' or '#' || (prefix[0] == '/' && !prefix.StartsWith("//", System.StringComparison.Ordinal)))
            {
                return true;
            }

            var end = prefix.IndexOfAny(AuthorityEnd);
            var colon = prefix.IndexOf(':');
            if (colon < 0 || (end >= 0 && end < colon))
            {
                // notes/…: a first segment without a scheme.
                return end > 0;
            }

            return !IsInAuthority(prefix) && prefix.IndexOf("://", System.StringComparison.Ordinal) > 0 && prefix.IndexOfAny(AuthorityEnd, prefix.IndexOf("://", System.StringComparison.Ordinal) + 3) > 0;
        }

        /// <summary>
        /// Whether text appended after <paramref name="prefix"/> lands in the URL's authority (<c>https://</c>,
        /// <c>https://api.example.com</c>, <c>//</c>): there it decides the host, escaped or not.
        /// </summary>
        public static bool IsInAuthority(string prefix)
        {
            int start;
            if (prefix.StartsWith("//", System.StringComparison.Ordinal))
            {
                start = 2;
            }
            else
            {
                var scheme = prefix.IndexOf("://", System.StringComparison.Ordinal);
                if (scheme <= 0 || !IsScheme(prefix, scheme))
                {
                    return false;
                }

                start = scheme + 3;
            }

            return prefix.IndexOfAny(AuthorityEnd, start) < 0;
        }

        private static readonly char[] AuthorityEnd = { '/', '?', '#', '\\' };

        private static bool IsScheme(string text, int length)
        {
            for (var i = 0; i < length; i++)
            {
                var c = text[i];
                var valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c is '+' or '-' or '.'));
                if (!valid)
                {
                    return false;
                }
            }

            return true;
        }

        private static void Add(IOperation operation, List<object> parts, int depth, Func<ILocalReferenceOperation, bool> expandLocal)
        {
            while (operation is IConversionOperation { OperatorMethod: null } conversion)
            {
                operation = conversion.Operand;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                parts.Add(text);
                return;
            }

            if (depth > MaxDepth)
            {
                parts.Add(operation);
                return;
            }

            switch (operation)
            {
                case IParenthesizedOperation parenthesized:
                    Add(parenthesized.Operand, parts, depth + 1, expandLocal);
                    return;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string literal } }:
                                parts.Add(literal);
                                break;
                            case IInterpolationOperation interpolation:
                                Add(interpolation.Expression, parts, depth + 1, expandLocal);
                                break;
                            default:
                                parts.Add(part);
                                break;
                        }
                    }

                    return;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    Add(binary.LeftOperand, parts, depth + 1, expandLocal);
                    Add(binary.RightOperand, parts, depth + 1, expandLocal);
                    return;
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } concat
                    when concat.Arguments.Length > 1 && AllText(concat.Arguments):
                    foreach (var argument in concat.Arguments)
                    {
                        Add(argument.Value, parts, depth + 1, expandLocal);
                    }

                    return;
                case IObjectCreationOperation { Type: { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } uri when uri.Arguments.Length > 0:
                    // new Uri(text[, kind]) is its text; new Uri(baseUri, relative) is the base, then the relative part, which
                    // replaces the base when it is absolute.
                    Add(uri.Arguments[0].Value, parts, depth + 1, expandLocal);
                    if (uri.Arguments.Length > 1 && uri.Arguments[1].Value.Type?.SpecialType == SpecialType.System_String)
                    {
                        parts.Add(Restart);
                        Add(uri.Arguments[1].Value, parts, depth + 1, expandLocal);
                    }

                    return;
                case ILocalReferenceOperation local when local.SingleWrite() is { } written && expandLocal(local):
                    Add(written, parts, depth + 1, expandLocal);
                    return;
                default:
                    parts.Add(operation);
                    return;
            }
        }

        private static bool AllText(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Type.SpecialType != SpecialType.System_String)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
