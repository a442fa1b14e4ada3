using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

/// <summary>
/// A PowerShell host with a console window of a given width that records everything written to it, as
/// a console host would receive it: what -Show and the chat write goes through the host's Write, which a
/// runspace without a host never calls. For a test, the text is kept to be read back; for a benchmark,
/// only counted, so that the host itself holds nothing while the module's own memory is measured.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly RecordingUI _ui;

    public RecordingHost(int width, bool keepText)
    {
        _ui = new RecordingUI(width, keepText);
    }

    /// <summary>Everything written so far (empty when the text is not kept).</summary>
    public string Text => _ui.Text;

    /// <summary>Characters written so far, line breaks included.</summary>
    public long Written => _ui.Written;

    /// <summary>The most characters any one Write call carried.</summary>
    public int LongestWrite => _ui.LongestWrite;

    /// <summary>Lines for ReadLine to return, as if typed, in order; once they run out, input has ended (null).</summary>
    public void Type(params string[] lines)
    {
        foreach (string line in lines)
        {
            _ui.Typed.Enqueue(line);
        }
    }

    public override string Name => "RecordingHost";

    public override Version Version => new Version(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    private sealed class RecordingUI : PSHostUserInterface
    {
        private readonly object _gate = new object();
        private readonly StringBuilder _text = new StringBuilder();
        private readonly bool _keepText;
        private readonly WindowUI _raw;
        private long _written;
        private int _longestWrite;

        public RecordingUI(int width, bool keepText)
        {
            _raw = new WindowUI(width);
            _keepText = keepText;
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public long Written
        {
            get
            {
                lock (_gate)
                {
                    return _written;
                }
            }
        }

        public int LongestWrite
        {
            get
            {
                lock (_gate)
                {
                    return _longestWrite;
                }
            }
        }

        public override PSHostRawUserInterface RawUI => _raw;

        public System.Collections.Concurrent.ConcurrentQueue<string> Typed { get; } = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // A terminal, as far as PowerShell's own formatting can tell: it leaves escape sequences in place.
        public override bool SupportsVirtualTerminal => true;

        private void Record(string value)
        {
            lock (_gate)
            {
                _written += value.Length;
                _longestWrite = Math.Max(_longestWrite, value.Length);
                if (_keepText)
                {
                    _text.Append(value);
                }
            }
        }

        public override void Write(string value) => Record(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Record(value);

        public override void WriteLine(string value) => Record(value + "\n");

        public override void WriteErrorLine(string value) => Record(value + "\n");

        public override void WriteDebugLine(string message) => Record("DEBUG: " + message + "\n");

        public override void WriteVerboseLine(string message) => Record("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Record("WARNING: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record) => Record("PROGRESS: " + record.Activity + " " + record.StatusDescription + "\n");

        public override string ReadLine() => Typed.TryDequeue(out string line) ? line : null;

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("nobody types here");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException("nobody types here");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException("nobody types here");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("nobody types here");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException("nobody types here");
    }

    private sealed class WindowUI : PSHostRawUserInterface
    {
        private readonly Size _window;

        public WindowUI(int width)
        {
            _window = new Size(width, 50);
        }

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override Coordinates CursorPosition { get; set; }

        public override Coordinates WindowPosition { get; set; }

        public override int CursorSize { get; set; }

        public override Size BufferSize
        {
            get => _window;
            set { }
        }

        public override Size WindowSize
        {
            get => _window;
            set { }
        }

        public override Size MaxWindowSize => _window;

        public override Size MaxPhysicalWindowSize => _window;

        public override bool KeyAvailable => false;

        public override string WindowTitle { get; set; } = string.Empty;

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("nobody types here");

        public override void FlushInputBuffer()
        {
        }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
        {
        }

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
        {
        }
    }
}
