using System.ComponentModel;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;

namespace AiSecure.Samples.Vulnerable;

/// <summary>
/// The service's MCP server (mapped at /mcp): notes on disk and a link fetcher. Any MCP client, and any model behind
/// one, chooses these arguments.
/// </summary>
[McpServerToolType]
public sealed class NoteServerTools(HttpClient http)
{
    private const string NotesRoot = "/srv/notes";

    [McpServerTool, Description("Reads one note.")]
    public static string ReadNote([Description("The note's path under the notes folder.")] string path)
        // AISEC003: "../../etc/passwd" walks out of the notes folder (path traversal).
        => File.ReadAllText(Path.Combine(NotesRoot, path));

    [McpServerTool, Description("Fetches a web page the note links to.")]
    public async Task<string> FetchLink(string url, CancellationToken cancellationToken)
        // AISEC003: the caller picks the host, cloud metadata endpoints included (server-side request forgery).
        => await http.GetStringAsync(url, cancellationToken);

    [McpServerTool, Description("Reads one day's note.")]
    public static string ReadDailyNote(DateOnly day)
        // Silent: a date cannot carry a path.
        => File.ReadAllText(Path.Combine(NotesRoot, $"{day:yyyy-MM-dd}.md"));

    [McpServerTool, Description("Looks a term up in the wiki.")]
    public async Task<string> LookUp(string term, CancellationToken cancellationToken)
        // Silent: fixed https host, the argument only in an escaped query.
        => await http.GetStringAsync("https://en.wikipedia.org/w/index.php?search=" + Uri.EscapeDataString(term), cancellationToken);

    /// <summary>The same operations as tools for an in-process agent (Microsoft.Extensions.AI / Agent Framework).</summary>
    public static IList<AITool> AgentTools() =>
    [
        // AISEC003: the model deletes any file it names; the fix wraps the tool in ApprovalRequiredAIFunction.
        AIFunctionFactory.Create((string path) => File.Delete(Path.Combine(NotesRoot, path)), "delete_note"),
        new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string path) => File.Delete(Path.Combine(NotesRoot, path)), "delete_note_approved")),
    ];
}
