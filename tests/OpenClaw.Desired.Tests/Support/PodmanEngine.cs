using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace OpenClaw.Desired.Tests.Support;

/// <summary>
/// A private Podman engine for the tests (scripts/podman-test-engine.sh): its own storage and a
/// Docker-compatible socket in a temp folder, a busybox test image, stopped and wiped afterwards.
/// </summary>
public sealed class PodmanEngine : IAsyncLifetime
{
    public const string TestImage = "localhost/openclaw-desired-test:1";

    public string Folder { get; } = Directory.CreateTempSubdirectory("ocd-podman-").FullName;

    public string Endpoint { get; private set; } = string.Empty;

    public DockerClient Client { get; private set; } = null!;

    private static string Script => Path.Combine(RepoPaths.Root, "scripts", "podman-test-engine.sh");

    public async Task InitializeAsync()
    {
        var (code, stdout, stderr) = await RunScriptAsync("start");
        if (code != 0)
        {
            throw new InvalidOperationException($"podman test engine did not start: {stdout}{stderr}");
        }

        Endpoint = stdout.Trim().Split('\n')[^1];
        Client = new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).Build();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await RunScriptAsync("stop");
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs a shell command in a running container: exit code, stdout and stderr.</summary>
    public async Task<(long ExitCode, string Stdout, string Stderr)> ExecAsync(string containerId, string script)
    {
        var exec = await Client.Exec.CreateContainerExecAsync(containerId, new ContainerExecCreateParameters
        {
            Cmd = ["sh", "-c", script],
            AttachStdout = true,
            AttachStderr = true,
        });
        using var stream = await Client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters { Detach = false });
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        var inspect = await Client.Exec.InspectContainerExecAsync(exec.ID);
        return (inspect.ExitCode ?? -1, stdout, stderr);
    }

    public async Task<IList<ContainerListResponse>> ContainersAsync(string? label = null) =>
        await Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = label is null ? null : new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
        });

    /// <summary>Removes every container, so each test starts from an empty engine.</summary>
    public async Task ClearAsync()
    {
        foreach (var container in await ContainersAsync())
        {
            await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunScriptAsync(string verb)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(Folder);
        info.Environment["TEST_IMAGE"] = TestImage;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}

[CollectionDefinition(Name)]
public sealed class PodmanCollection : ICollectionFixture<PodmanEngine>
{
    public const string Name = "podman";
}
