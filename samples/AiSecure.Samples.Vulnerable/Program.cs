using AiSecure.Samples.Vulnerable;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ModelGateway>();
var app = builder.Build();

app.MapGet("/health", () => Results.Ok("ok"));
app.MapAssistantEndpoints();

app.Run();
