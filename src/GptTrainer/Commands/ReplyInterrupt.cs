namespace GptTrainer.Commands;

/// <summary>
/// Lets Ctrl+C stop one reply instead of the whole command. While a reply streams in the chat, the console
/// delivers Ctrl+C as a key (TreatControlCAsInput) instead of stopping the pipeline, and this watches the
/// keyboard for it; between replies the console is back to normal, so Ctrl+C at the prompt leaves the chat.
/// </summary>
internal sealed class ReplyInterrupt : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private readonly CancellationTokenSource _reply;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _watcher;
    private readonly ControlCAsKey _controlC;

    private ReplyInterrupt(CancellationTokenSource reply, ControlCAsKey controlC)
    {
        _reply = reply;
        _controlC = controlC;
        _watcher = new Thread(Watch) { IsBackground = true, Name = "GptTrainer Ctrl+C watcher" };
        _watcher.Start();
    }

    /// <summary>Starts watching, or returns null where there is no console keyboard to watch (Ctrl+C then stops the command as usual).</summary>
    public static ReplyInterrupt? Start(CancellationTokenSource reply)
        => ControlCAsKey.Start() is ControlCAsKey controlC ? new ReplyInterrupt(reply, controlC) : null;

    private void Watch()
    {
        // KeyAvailable cannot be waited on, so it is polled; ReadKey would block and keep the next key the
        // user types at the chat's prompt.
        while (!_stop.IsSet)
        {
            try
            {
                while (Console.KeyAvailable)
                {
                    ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                    if (key.KeyChar == '\u0003' || (key.Key == ConsoleKey.C && (key.Modifiers & ConsoleModifiers.Control) != 0))
                    {
                        _reply.Cancel();
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                return;
            }

            _stop.Wait(PollInterval);
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _watcher.Join();
        _controlC.Dispose();
        _stop.Dispose();
    }
}
