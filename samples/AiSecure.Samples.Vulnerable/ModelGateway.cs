using System.Net.Http.Json;
using System.Net.Security;
using Amazon.S3;

namespace AiSecure.Samples.Vulnerable;

/// <summary>Talks to the model gateway, the object store and a self-hosted inference box.</summary>
public sealed class ModelGateway
{
    // AISEC020: the gateway's base address is cleartext HTTP.
    private const string GatewayUrl = "http://llm-gateway.corp.example.com/";

    private readonly HttpClient _http;

    public ModelGateway()
    {
        var handler = new HttpClientHandler
        {
            // AISEC021: every server certificate is accepted.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(GatewayUrl) };
    }

    public AmazonS3Client CreateStorageClient() => new(new AmazonS3Config
    {
        // AISEC020: S3 requests go to a cleartext endpoint.
        ServiceURL = "http://s3.eu-west-1.amazonaws.com",
        // AISEC020: the AWS client is told to use HTTP.
        UseHttp = true,
    });

    public async Task<string?> EmbedAsync(string text)
    {
        // AISEC020: the embedding call names a cleartext URL.
        var response = await _http.PostAsJsonAsync("http://embeddings.corp.example.com/v1/embed", new { text });
        return await response.Content.ReadAsStringAsync();
    }

    public SocketsHttpHandler CreateInferenceHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            // AISEC021: a callback that returns true on every path.
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true,
        },
    };
}
