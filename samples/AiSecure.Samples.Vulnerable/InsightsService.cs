using System.Data.Common;
using System.Diagnostics;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace AiSecure.Samples.Vulnerable;

/// <summary>Answers analysts' questions with generated SQL, runs suggested fixes, renders summaries.</summary>
public sealed class InsightsService(ChatClient chat, IChatClient assistant)
{
    public async Task<int> RunGeneratedQueryAsync(DbConnection connection, string question)
    {
        ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage("Write one SQL query for: " + question));
        await using var command = connection.CreateCommand();
        // AISEC003: SQL text written by the model is executed as is.
        command.CommandText = completion.Content[0].Text;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task RunSuggestedFixAsync(string incident)
    {
        var response = await assistant.GetResponseAsync($"Suggest one shell command that fixes: {incident}");
        // AISEC003: the model's answer becomes a command line.
        Process.Start("/bin/sh", $"-c \"{response.Text}\"");
    }

    public async Task<IHtmlContent> SummaryAsync(string report)
    {
        var response = await assistant.GetResponseAsync("Summarize as HTML: " + report);
        // AISEC003: model output is rendered as raw HTML.
        return new HtmlString(response.Text);
    }
}
