using Microsoft.Extensions.Options;

namespace AiSecure.Samples.Vulnerable;

/// <summary>The reranking service's settings, bound from the "Rerank" section of appsettings.json.</summary>
public sealed class RerankOptions
{
    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";
}

/// <summary>Calls the reranking model whose address appsettings.json configures.</summary>
public sealed class RerankClient
{
    private readonly HttpClient _http;

    public RerankClient(IOptions<RerankOptions> options)
    {
        // AISEC020 (in appsettings.json): Rerank:Endpoint is http:// and is read into the client's base address here.
        _http = new HttpClient { BaseAddress = new Uri(options.Value.Endpoint) };
    }

    public Task<HttpResponseMessage> RerankAsync(string query) => _http.PostAsync("rerank", new StringContent(query));
}
