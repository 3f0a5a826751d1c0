using AiSecure.Samples.Vulnerable;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ModelGateway>();
builder.Services.Configure<RerankOptions>(builder.Configuration.GetSection("Rerank"));
builder.Services.AddSingleton<RerankClient>();
builder.Services.AddHttpClient();
builder.Services.AddMcpServer().WithHttpTransport().WithTools<NoteServerTools>();
var app = builder.Build();

app.MapGet("/health", () => Results.Ok("ok"));
app.MapAssistantEndpoints();
app.MapMcp("/mcp");

app.Run();
