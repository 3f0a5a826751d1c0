using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// One string value of a configuration file: its configuration path (<c>OpenAI:ApiKey</c>, keys joined with
    /// <c>:</c> and array items by index, as the JSON configuration provider names them) and where its token is.
    /// </summary>
    internal sealed class ConfigurationValue
    {
        public ConfigurationValue(string path, string value, TextSpan token, int contentStart, string? environmentVariable)
        {
            Path = path;
            Value = value;
            Token = token;
            ContentStart = contentStart;
            EnvironmentVariable = environmentVariable;
        }

        /// <summary>The JSON path, keys joined with <c>:</c>.</summary>
        public readonly string Path;

        /// <summary>The decoded string.</summary>
        public readonly string Value;

        /// <summary>The string token, quotes included: where diagnostics go.</summary>
        public readonly TextSpan Token;

        /// <summary>Where the string's content starts in the file (after the opening quote).</summary>
        public readonly int ContentStart;

        /// <summary>In <c>launchSettings.json</c>, the environment variable a launch profile sets to this value; else null.</summary>
        public readonly string? EnvironmentVariable;

        /// <summary>
        /// The configuration key the value ends up under at run time: the JSON path in <c>appsettings*.json</c>; for a
        /// launch profile's environment variable, its name with <c>__</c> read as <c>:</c> (as the environment
        /// variables provider does).
        /// </summary>
        public string ConfigurationKey => EnvironmentVariable == null ? Path : EnvironmentVariable.Replace("__", ":");

        /// <summary>The segment before <see cref="Name"/> (<c>Cache</c> in <c>Cache:Key</c>); null for a top-level value.</summary>
        public string? Section
        {
            get
            {
                var key = ConfigurationKey;
                var last = key.LastIndexOf(':');
                if (last <= 0)
                {
                    return null;
                }

                var previous = key.LastIndexOf(':', last - 1);
                return key.Substring(previous + 1, last - previous - 1);
            }
        }

        /// <summary>The last segment of the key: the name the value is stored under.</summary>
        public string Name
        {
            get
            {
                var key = EnvironmentVariable ?? Path;
                var colon = key.LastIndexOf(':');
                return colon < 0 ? key : key.Substring(colon + 1);
            }
        }
    }

    /// <summary>A parsed configuration file (<c>appsettings*.json</c> or <c>Properties/launchSettings.json</c>).</summary>
    internal sealed class ConfigurationFile
    {
        public ConfigurationFile(AdditionalText file, SourceText text, ImmutableArray<ConfigurationValue> values, bool isLaunchSettings)
        {
            File = file;
            Text = text;
            Values = values;
            IsLaunchSettings = isLaunchSettings;
        }

        public readonly AdditionalText File;

        public readonly SourceText Text;

        /// <summary>Every string value; in <c>launchSettings.json</c> only the profiles' <c>environmentVariables</c>.</summary>
        public readonly ImmutableArray<ConfigurationValue> Values;

        public readonly bool IsLaunchSettings;

        public string FileName => Path.GetFileName(File.Path);

        public Location LocationOf(TextSpan span) => Location.Create(File.Path, span, Text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>
    /// The project's configuration files among its additional files (docs/rules/AISEC040.md, "Configuration files";
    /// the package's build props add them). Files are picked by name before anything is read, and read once per text.
    /// <para>
    /// JSON is read by <see cref="TolerantJson"/>, a small reader in this assembly, not by System.Text.Json: analyzers
    /// run inside compilers and IDEs that load netstandard2.0 analyzers without their dependencies, and a
    /// System.Text.Json the host does not carry (or carries in another version) fails to load. The reader also needs
    /// what a DOM does not keep: each value's position, for diagnostics and the fix.
    /// </para>
    /// </summary>
    internal static class ConfigurationFiles
    {
        private static readonly ConditionalWeakTable<SourceText, ParsedText> Cache = new();

        /// <summary>True for <c>appsettings.json</c>, <c>appsettings.{Environment}.json</c> and <c>launchSettings.json</c>.</summary>
        public static bool IsConfigurationFile(string path) => IsAppSettings(path) || IsLaunchSettings(path);

        public static bool IsAppSettings(string path)
        {
            var name = Path.GetFileName(path);
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        }

        public static bool IsLaunchSettings(string path) => string.Equals(Path.GetFileName(path), "launchSettings.json", StringComparison.OrdinalIgnoreCase);

        /// <summary>The configuration files among <paramref name="files"/>, by name only (nothing is read).</summary>
        public static ImmutableArray<AdditionalText> Find(ImmutableArray<AdditionalText> files)
        {
            if (files.IsEmpty)
            {
                return ImmutableArray<AdditionalText>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<AdditionalText>();
            foreach (var file in files)
            {
                if (IsConfigurationFile(file.Path))
                {
                    builder.Add(file);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The file's values; null when it is no configuration file, cannot be read, or is not JSON (skipped, never an error).</summary>
        public static ConfigurationFile? Read(AdditionalText file, CancellationToken cancellationToken)
        {
            if (!IsConfigurationFile(file.Path) || file.GetText(cancellationToken) is not { } text)
            {
                return null;
            }

            var isLaunchSettings = IsLaunchSettings(file.Path);
            var parsed = Cache.GetValue(text, t => new ParsedText(TolerantJson.Read(t.ToString())));
            if (parsed.Values == null)
            {
                return null;
            }

            var values = parsed.Values.Value;
            if (isLaunchSettings)
            {
                values = EnvironmentVariables(values);
            }

            return new ConfigurationFile(file, text, values, isLaunchSettings);
        }

        /// <summary><c>profiles:{name}:environmentVariables:{VARIABLE}</c>: what a launch profile puts in the environment.</summary>
        private static ImmutableArray<ConfigurationValue> EnvironmentVariables(ImmutableArray<ConfigurationValue> values)
        {
            var builder = ImmutableArray.CreateBuilder<ConfigurationValue>();
            foreach (var value in values)
            {
                var parts = value.Path.Split(':');
                if (parts.Length == 4 && string.Equals(parts[0], "profiles", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(parts[2], "environmentVariables", StringComparison.OrdinalIgnoreCase))
                {
                    builder.Add(new ConfigurationValue(value.Path, value.Value, value.Token, value.ContentStart, parts[3]));
                }
            }

            return builder.ToImmutable();
        }

        private sealed class ParsedText
        {
            public ParsedText(ImmutableArray<ConfigurationValue>? values) => Values = values;

            public readonly ImmutableArray<ConfigurationValue>? Values;
        }
    }

    /// <summary>
    /// Reads the string values of a JSON document with their paths and positions. Accepts what the .NET JSON
    /// configuration provider accepts: <c>//</c> and <c>/* */</c> comments and trailing commas. Returns null for text
    /// that is not JSON. No recursion: nesting is an explicit stack, so no document can overflow the thread's stack.
    /// </summary>
    internal static class TolerantJson
    {
        public static ImmutableArray<ConfigurationValue>? Read(string text)
        {
            var reader = new Reader(text);
            return reader.ReadDocument() ? reader.Values.ToImmutable() : null;
        }

        private sealed class Frame
        {
            public Frame(bool isArray, string path)
            {
                IsArray = isArray;
                Path = path;
            }

            public readonly bool IsArray;

            public readonly string Path;

            public int Index;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private readonly List<Frame> _stack = new();
            private int _position;

            public Reader(string text)
            {
                _text = text;
                _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            }

            public readonly ImmutableArray<ConfigurationValue>.Builder Values = ImmutableArray.CreateBuilder<ConfigurationValue>();

            public bool ReadDocument()
            {
                var path = string.Empty;
                var expectValue = true;
                while (true)
                {
                    if (!SkipTrivia())
                    {
                        return false;
                    }

                    if (expectValue)
                    {
                        if (!ReadValue(path, out var opened))
                        {
                            return false;
                        }

                        if (opened == null)
                        {
                            expectValue = false;
                            continue;
                        }

                        // An object or array was opened: an empty one closes at once, else its first member or item follows.
                        if (!SkipTrivia())
                        {
                            return false;
                        }

                        if (Peek() == (opened.IsArray ? ']' : '}'))
                        {
                            _position++;
                            _stack.RemoveAt(_stack.Count - 1);
                            expectValue = false;
                        }
                        else if (!Next(opened, out path))
                        {
                            return false;
                        }

                        continue;
                    }

                    if (_stack.Count == 0)
                    {
                        return _position == _text.Length;
                    }

                    var frame = _stack[_stack.Count - 1];
                    var c = Peek();
                    if (c == (frame.IsArray ? ']' : '}'))
                    {
                        _position++;
                        _stack.RemoveAt(_stack.Count - 1);
                        continue;
                    }

                    if (c != ',')
                    {
                        return false;
                    }

                    _position++;
                    if (!SkipTrivia())
                    {
                        return false;
                    }

                    if (Peek() == (frame.IsArray ? ']' : '}'))
                    {
                        // A trailing comma.
                        _position++;
                        _stack.RemoveAt(_stack.Count - 1);
                        continue;
                    }

                    frame.Index++;
                    if (!Next(frame, out path))
                    {
                        return false;
                    }

                    expectValue = true;
                }
            }

            /// <summary>The path of the next item of an array, or reads the next member's key and colon.</summary>
            private bool Next(Frame frame, out string path)
            {
                if (frame.IsArray)
                {
                    path = Join(frame.Path, frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return true;
                }

                path = string.Empty;
                if (Peek() != '"' || !ReadString(out var key, out _) || !SkipTrivia() || Peek() != ':')
                {
                    return false;
                }

                _position++;
                path = Join(frame.Path, key);
                return true;
            }

            /// <summary>Reads a scalar (recording strings), or opens an object or array (<paramref name="opened"/>).</summary>
            private bool ReadValue(string path, out Frame? opened)
            {
                opened = null;
                var c = Peek();
                switch (c)
                {
                    case '{':
                    case '[':
                        _position++;
                        opened = new Frame(c == '[', path);
                        _stack.Add(opened);
                        return true;
                    case '"':
                        var start = _position;
                        if (!ReadString(out var value, out var contentStart))
                        {
                            return false;
                        }

                        Values.Add(new ConfigurationValue(path, value, TextSpan.FromBounds(start, _position), contentStart, null));
                        return true;
                    default:
                        // A number, true, false or null.
                        var begin = _position;
                        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
                        {
                            _position++;
                        }

                        return _position > begin;
                }
            }

            private bool ReadString(out string value, out int contentStart)
            {
                value = string.Empty;
                _position++;
                contentStart = _position;
                var builder = new System.Text.StringBuilder();
                while (_position < _text.Length)
                {
                    var c = _text[_position++];
                    if (c == '"')
                    {
                        value = builder.ToString();
                        return true;
                    }

                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }

                    if (_position >= _text.Length)
                    {
                        return false;
                    }

                    var escaped = _text[_position++];
                    switch (escaped)
                    {
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_position + 4 > _text.Length
                                || !int.TryParse(_text.Substring(_position, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                            {
                                return false;
                            }

                            builder.Append((char)code);
                            _position += 4;
                            break;
                        default:
                            builder.Append(escaped);
                            break;
                    }
                }

                return false;
            }

            /// <summary>Skips white space and comments; false for a comment that never ends.</summary>
            private bool SkipTrivia()
            {
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (char.IsWhiteSpace(c))
                    {
                        _position++;
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                    {
                        while (_position < _text.Length && _text[_position] != '\n')
                        {
                            _position++;
                        }
                    }
                    else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                    {
                        var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            return false;
                        }

                        _position = end + 2;
                    }
                    else
                    {
                        break;
                    }
                }

                return true;
            }

            private char Peek() => _position < _text.Length ? _text[_position] : '\0';

            private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + ":" + key;
        }
    }
}
