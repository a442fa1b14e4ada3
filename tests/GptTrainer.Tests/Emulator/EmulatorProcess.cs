using System.Diagnostics;
using GptTrainer.Emulator;

namespace GptTrainer.Tests;

/// <summary>The emulator as the console program users run, for what only a process shows: help, exit codes, environment variables.</summary>
public sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process) => _process = process;

    public static EmulatorProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (string name in info.Environment.Keys.Where(k => k.StartsWith(EmulatorOption.EnvironmentPrefix, StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        info.ArgumentList.Add("--parent-pid");
        info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new EmulatorProcess(Process.Start(info)!);
    }

    /// <summary>For a run that ends by itself: its exit code and everything it wrote.</summary>
    public async Task<(int ExitCode, string Out, string Error)> WaitForExitAsync()
    {
        Task<string> output = _process.StandardOutput.ReadToEndAsync();
        Task<string> error = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await output, await error);
    }

    /// <summary>For a run that serves: the lines it prints once listening, by name.</summary>
    public async Task<Dictionary<string, string>> ReadReadyLinesAsync()
    {
        var lines = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!lines.ContainsKey("GPTTRAINER_EMULATOR_KEY"))
        {
            string line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("the emulator ended before it was ready: " + await _process.StandardError.ReadToEndAsync());
            int equals = line.IndexOf('=');
            if (equals > 0)
            {
                lines[line[..equals]] = line[(equals + 1)..];
            }
        }

        return lines;
    }

    /// <summary>
    /// The most memory the process has held at once so far (its peak working set): what a request that
    /// made it balloon leaves behind even after the memory is given back.
    /// </summary>
    public long PeakWorkingSetBytes()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
