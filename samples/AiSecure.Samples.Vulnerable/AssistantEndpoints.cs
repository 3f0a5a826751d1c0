using System.Text;
using System.Text.Json;
using Amazon.BedrockRuntime;
using Amazon.BedrockRuntime.Model;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OpenAI.Chat;
using BedrockContentBlock = Amazon.BedrockRuntime.Model.ContentBlock;
using BedrockMessage = Amazon.BedrockRuntime.Model.Message;

namespace AiSecure.Samples.Vulnerable;

/// <summary>The assistant's HTTP API: every endpoint builds a prompt from what the caller sent.</summary>
public static class AssistantEndpoints
{
    public static WebApplication MapAssistantEndpoints(this WebApplication app)
    {
        var assistant = app.MapGroup("/assistant");

        assistant.MapPost("/summarize", async (SummarizeRequest request, ChatClient chat) =>
        {
            ChatCompletion completion = await chat.CompleteChatAsync(
                // AISEC002: the caller chooses the audience written into the system message.
                new SystemChatMessage($"You summarize articles for {request.Audience}."),
                // AISEC001: the article text is concatenated into the user prompt.
                new UserChatMessage("Summarize this article in three bullet points:\n" + request.Article));
            return Results.Ok(completion.Content[0].Text);
        });

        assistant.MapPost("/translate", async (TranslateRequest request, IChatClient chat) =>
        {
            // AISEC002: the caller's glossary becomes part of the instructions.
            var options = new ChatOptions { Instructions = $"Translate into {request.Language}. Glossary: {request.Glossary}" };
            // AISEC001: the text is interpolated into the prompt instead of being sent as its own message.
            var response = await chat.GetResponseAsync($"Translate the following text: {request.Text}", options);
            return Results.Ok(response.Text);
        });

        assistant.MapPost("/poem", async (string topic, Kernel kernel) =>
        {
            // AISEC001: the topic is concatenated into a Semantic Kernel prompt template (not encoded).
            var result = await kernel.InvokePromptAsync($"Write a short poem about {topic}.");
            return Results.Ok(result.ToString());
        });

        assistant.MapPost("/support", SupportAsync);
        assistant.MapPost("/explain", ExplainAsync);
        return app;
    }

    private static async Task<IResult> SupportAsync(SupportRequest request, AnthropicClient client, IChatCompletionService chat)
    {
        var parameters = new MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 1024,
            // AISEC002: the product name comes from the request and lands in the system prompt.
            System = $"You are the support assistant for {request.Product}.",
            Messages = new List<MessageParam> { new UserMessageParam { Content = request.Question } },
        };
        var message = await client.Messages.Create(parameters);

        var history = new ChatHistory("You answer support questions.");
        // AISEC002: the customer's name is added as a system message.
        history.AddSystemMessage("The customer is called " + request.CustomerName);
        history.AddUserMessage(request.Question);
        var reply = await chat.GetChatMessageContentAsync(history);
        return Results.Ok(message.ToString() + reply.Content);
    }

    private static async Task<IResult> ExplainAsync(string question, string audience, IAmazonBedrockRuntime bedrock)
    {
        var body = JsonSerializer.Serialize(new
        {
            anthropic_version = "bedrock-2023-05-31",
            max_tokens = 512,
            // AISEC002 (below, at Body): the audience is serialized into the system member.
            system = "Explain things to " + audience,
            messages = new[] { new { role = "user", content = question } },
        });
        var response = await bedrock.InvokeModelAsync(new InvokeModelRequest
        {
            ModelId = "anthropic.claude-3-haiku-20240307-v1:0",
            ContentType = "application/json",
            Body = new MemoryStream(Encoding.UTF8.GetBytes(body)),
        });

        var converse = await bedrock.ConverseAsync(new ConverseRequest
        {
            ModelId = "anthropic.claude-3-haiku-20240307-v1:0",
            Messages = new List<BedrockMessage>
            {
                // AISEC001: the question is composed into the user content block.
                new BedrockMessage { Role = ConversationRole.User, Content = new List<BedrockContentBlock> { new BedrockContentBlock { Text = $"Explain for {audience}: {question}" } } },
            },
        });
        return Results.Ok(response.ContentType + converse.ToString());
    }
}

public sealed record SummarizeRequest(string Article, string Audience);

public sealed record TranslateRequest(string Text, string Language, string Glossary);

public sealed record SupportRequest(string Product, string CustomerName, string Question);
