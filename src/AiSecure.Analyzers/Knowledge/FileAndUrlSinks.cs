using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// The file system and outbound-request sinks of AISEC003 (docs/rules/AISEC003.md): path arguments of <c>File</c>,
    /// <c>Directory</c>, <c>FileInfo</c>/<c>DirectoryInfo</c> and the file stream, reader and writer constructors (path
    /// traversal); URL arguments of <c>HttpClient</c> verbs and their JSON extensions, <c>HttpRequestMessage</c>,
    /// <c>HttpClient.BaseAddress</c> and <c>WebRequest.Create</c> (server-side request forgery). Parameters are picked by
    /// name (<c>path</c>, <c>…FileName</c>, <c>…DirName</c>, <c>requestUri</c>), so a member added to these types later is
    /// covered, and file contents, search patterns and request bodies never are.
    /// </summary>
    internal sealed class FileAndUrlSinks
    {
        private readonly LazyType _file;
        private readonly LazyType _directory;
        private readonly LazyType _fileInfo;
        private readonly LazyType _directoryInfo;
        private readonly LazyType _fileStream;
        private readonly LazyType _streamReader;
        private readonly LazyType _streamWriter;
        private readonly LazyType _httpClient;
        private readonly LazyType _httpRequestMessage;
        private readonly LazyType _webRequest;

        public FileAndUrlSinks(Compilation compilation)
        {
            _file = new LazyType(compilation, "System.IO.File");
            _directory = new LazyType(compilation, "System.IO.Directory");
            _fileInfo = new LazyType(compilation, "System.IO.FileInfo");
            _directoryInfo = new LazyType(compilation, "System.IO.DirectoryInfo");
            _fileStream = new LazyType(compilation, "System.IO.FileStream");
            _streamReader = new LazyType(compilation, "System.IO.StreamReader");
            _streamWriter = new LazyType(compilation, "System.IO.StreamWriter");
            _httpClient = new LazyType(compilation, "System.Net.Http.HttpClient");
            _httpRequestMessage = new LazyType(compilation, "System.Net.Http.HttpRequestMessage");
            _webRequest = new LazyType(compilation, "System.Net.WebRequest");
        }

        /// <summary>The path or URL argument a call passes, with its kind and how the message names the member; or none.</summary>
        public void FindInInvocation(IInvocationOperation invocation, List<DangerousSink> sinks)
        {
            var method = invocation.TargetMethod;
            var definition = method.ReducedFrom ?? method;
            var type = method.ContainingType;
            if (type == null)
            {
                return;
            }

            DangerousSinkKind kind;
            string owner;
            if (method.IsStatic && !definition.IsExtensionMethod && (_file.Is(type) || _directory.Is(type)))
            {
                kind = DangerousSinkKind.Path;
                owner = type.Name;
            }
            else if (!method.IsStatic && (_fileInfo.Is(type) || _directoryInfo.Is(type)))
            {
                kind = DangerousSinkKind.Path;
                owner = type.Name;
            }
            else if (method.IsStatic && !definition.IsExtensionMethod && _webRequest.IsBaseOrSelfOf(type))
            {
                kind = DangerousSinkKind.Url;
                owner = "WebRequest";
            }
            else if (!method.IsStatic && _httpClient.IsBaseOrSelfOf(type))
            {
                kind = DangerousSinkKind.Url;
                owner = "HttpClient";
            }
            else if (definition.IsExtensionMethod && definition.Parameters.Length > 0 && definition.Parameters[0].Type.Name == "HttpClient" && _httpClient.IsBaseOrSelfOf(definition.Parameters[0].Type))
            {
                // GetFromJsonAsync, PostAsJsonAsync and the other System.Net.Http.Json extensions.
                kind = DangerousSinkKind.Url;
                owner = "HttpClient";
            }
            else
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsSinkParameter(parameter, kind))
                {
                    sinks.Add(new DangerousSink(argument.Value, kind, owner + "." + method.Name));
                }
            }
        }

        /// <summary><c>new FileStream(path, …)</c>, <c>new StreamReader(path)</c>, <c>new FileInfo(name)</c>, <c>new HttpRequestMessage(method, url)</c>.</summary>
        public void FindInCreation(IObjectCreationOperation creation, List<DangerousSink> sinks)
        {
            if (creation.Type is not INamedTypeSymbol type || creation.Arguments.IsEmpty)
            {
                return;
            }

            DangerousSinkKind kind;
            if (_fileStream.IsBaseOrSelfOf(type) || _streamReader.IsBaseOrSelfOf(type) || _streamWriter.IsBaseOrSelfOf(type) || _fileInfo.Is(type) || _directoryInfo.Is(type))
            {
                kind = DangerousSinkKind.Path;
            }
            else if (_httpRequestMessage.IsBaseOrSelfOf(type))
            {
                kind = DangerousSinkKind.Url;
            }
            else
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && IsSinkParameter(parameter, kind))
                {
                    sinks.Add(new DangerousSink(argument.Value, kind, "new " + type.Name));
                }
            }
        }

        /// <summary><c>client.BaseAddress = …</c>, <c>request.RequestUri = …</c>.</summary>
        public void FindInAssignment(IPropertySymbol property, IOperation value, List<DangerousSink> sinks)
        {
            if ((property.Name == "BaseAddress" && _httpClient.IsBaseOrSelfOf(property.ContainingType))
                || (property.Name == "RequestUri" && _httpRequestMessage.IsBaseOrSelfOf(property.ContainingType)))
            {
                sinks.Add(new DangerousSink(value, DangerousSinkKind.Url, property.ContainingType.Name + "." + property.Name));
            }
        }

        /// <summary>A path parameter (<c>path</c>, <c>sourceFileName</c>, <c>destDirName</c>, …) or a URL one (<c>requestUri</c>, <c>requestUriString</c>), of text or <c>Uri</c>.</summary>
        private static bool IsSinkParameter(IParameterSymbol parameter, DangerousSinkKind kind)
        {
            var type = parameter.Type;
            if (kind == DangerousSinkKind.Path)
            {
                var name = parameter.Name;
                return type.SpecialType == SpecialType.System_String
                    && (name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0
                        || name.EndsWith("FileName", StringComparison.OrdinalIgnoreCase)
                        || name.EndsWith("DirName", StringComparison.OrdinalIgnoreCase));
            }

            return parameter.Name.StartsWith("requestUri", StringComparison.Ordinal)
                && (type.SpecialType == SpecialType.System_String || type.Name == "Uri");
        }
    }
}
