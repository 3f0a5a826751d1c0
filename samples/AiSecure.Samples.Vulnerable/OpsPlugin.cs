using System.ComponentModel;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.SemanticKernel;

namespace AiSecure.Samples.Vulnerable;

/// <summary>A Semantic Kernel plugin the operations agent calls: the model writes every argument.</summary>
public sealed class OpsPlugin(DbConnection connection)
{
    private static readonly HashSet<string> Services = new() { "nginx", "postgres" };

    [KernelFunction, Description("Runs a diagnostic command on the host.")]
    public string RunDiagnostic(Kernel kernel, [Description("The command line to run.")] string command)
    {
        // AISEC003: the model's argument is a shell command line (command injection).
        using var process = Process.Start("/bin/sh", $"-c \"{command}\"")!;
        return process.StandardOutput.ReadToEnd();
    }

    [KernelFunction, Description("Counts incidents matching a filter.")]
    public async Task<object?> CountIncidents(string filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // AISEC003: the model's argument becomes SQL text (SQL injection).
        command.CommandText = "SELECT count(*) FROM incidents WHERE " + filter;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [KernelFunction, Description("Restarts a known service.")]
    public void RestartService(string service)
    {
        // Silent: the argument passed an allow-list before it reaches the command line.
        if (!Services.Contains(service))
        {
            throw new ArgumentException("Unknown service: " + service);
        }

        Process.Start("systemctl", "restart " + service);
    }

    [KernelFunction, Description("Closes an incident.")]
    public async Task CloseIncident(int incidentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Silent: a number cannot carry SQL.
        command.CommandText = $"UPDATE incidents SET closed = true WHERE id = {incidentId}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
