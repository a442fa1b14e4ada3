using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

/// <summary>
/// A program running in a real pseudo-terminal, driven as a person would: keys typed, the screen read.
/// The pty comes from util-linux's script(1), present on every Debian system. What a terminal emulator
/// would do is done here: a program asking where the cursor is (ESC [6n) gets an answer, without which
/// .NET's console waits for ever.
/// </summary>
public sealed class TerminalSession : IDisposable
{
    private static readonly Regex Escapes = new(@"\x1B\[[0-9;?<>=]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(\x07|\x1B\\)|\x1B[()][0-9A-Za-z]|\x1B[=>78DEHM]", RegexOptions.Compiled);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private readonly Thread _reader;
    private int _queriesAnswered;
    private int _scannedForQueries;
    private bool _exited;

    public TerminalSession(string command, string workingDirectory, int columns, int rows, System.Collections.IDictionary environment, IEnumerable<string> removeFromEnvironment)
    {
        var info = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in new[] { "-q", "-e", "-c", $"stty cols {columns} rows {rows}; exec {command}", "/dev/null" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (string name in removeFromEnvironment)
        {
            info.Environment.Remove(name);
        }

        foreach (System.Collections.DictionaryEntry pair in environment)
        {
            info.Environment[(string)pair.Key] = (string)pair.Value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("script(1) did not start");
        _reader = new Thread(Read) { IsBackground = true, Name = "terminal reader" };
        _reader.Start();
    }

    /// <summary>Everything shown so far, escape sequences removed.</summary>
    public string Screen
    {
        get
        {
            lock (_gate)
            {
                return Clean(_output.ToString());
            }
        }
    }

    /// <summary>Waits until the program has asked where the cursor is more than <paramref name="seen"/> times.</summary>
    public void WaitForCursorQuery(int seen, double timeoutSeconds = 30)
        => WaitUntil(() => _queriesAnswered > seen, timeoutSeconds, "ask for the cursor position");

    private void WaitUntil(Func<bool> condition, double timeoutSeconds, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        lock (_gate)
        {
            while (!condition())
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (_exited || left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"The program did not {what} within {timeoutSeconds} s.");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }

    /// <summary>Where the bytes the terminal received end now, escape sequences and all.</summary>
    public int RawMark
    {
        get
        {
            lock (_gate)
            {
                return _output.Length;
            }
        }
    }

    /// <summary>Everything the terminal received since <paramref name="rawMark"/>, exactly: what a terminal would act on.</summary>
    public string RawSince(int rawMark)
    {
        lock (_gate)
        {
            return _output.ToString(rawMark, _output.Length - rawMark);
        }
    }

    /// <summary>Where the screen text ends now; WaitFor can look only at what comes after.</summary>
    public int Mark => Screen.Length;

    public static string Clean(string raw) => Escapes.Replace(raw, string.Empty).Replace("\r", string.Empty);

    public void Type(string keys)
    {
        _process.StandardInput.Write(keys);
        _process.StandardInput.Flush();
    }

    /// <summary>Waits until the screen after <paramref name="since"/> matches, on what the reader sees, not on guessed delays.</summary>
    public Match WaitFor(string pattern, double timeoutSeconds = 30, int since = 0)
    {
        var regex = new Regex(pattern, RegexOptions.Singleline);
        DateTime deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        lock (_gate)
        {
            while (true)
            {
                string screen = Clean(_output.ToString());
                Match match = regex.Match(screen, Math.Min(since, screen.Length));
                if (match.Success)
                {
                    return match;
                }

                TimeSpan left = deadline - DateTime.UtcNow;
                if (_exited || left <= TimeSpan.Zero)
                {
                    string tail = screen.Length > 3000 ? screen.Substring(screen.Length - 3000) : screen;
                    throw new TimeoutException($"The terminal did not show /{pattern}/ within {timeoutSeconds} s{(_exited ? " (the program exited)" : string.Empty)}. The screen ends with:\n{tail}");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }

    private void Read()
    {
        var stream = _process.StandardOutput.BaseStream;
        Decoder decoder = Encoding.UTF8.GetDecoder();
        byte[] bytes = new byte[8192];
        char[] chars = new char[16384];
        int read;
        while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
        {
            int count = decoder.GetChars(bytes, 0, read, chars, 0);
            lock (_gate)
            {
                _output.Append(chars, 0, count);
                AnswerCursorQueries();
                Monitor.PulseAll(_gate);
            }
        }

        lock (_gate)
        {
            _exited = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void AnswerCursorQueries()
    {
        const string Query = "\x1B[6n";

        // Only what arrived since the last look, from a little before it: a query split across two reads
        // starts there. Too short to hold a whole query, that overlap never counts one twice.
        int from = Math.Max(0, _scannedForQueries - (Query.Length - 1));
        string fresh = _output.ToString(from, _output.Length - from);
        _scannedForQueries = _output.Length;
        for (int i = fresh.IndexOf(Query, StringComparison.Ordinal); i >= 0; i = fresh.IndexOf(Query, i + 1, StringComparison.Ordinal))
        {
            _process.StandardInput.Write("\x1B[1;1R");
            _queriesAnswered++;
        }

        _process.StandardInput.Flush();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
