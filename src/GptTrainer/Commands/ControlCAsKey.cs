namespace GptTrainer.Commands;

/// <summary>
/// While it lasts, the console delivers Ctrl+C as a key instead of as a signal that stops the pipeline, and
/// a Ctrl+C typed meanwhile waits in the input for whoever reads keys next. Null where there is no console
/// keyboard (input redirected, a host without a console): Ctrl+C then works as the host makes it work.
/// </summary>
internal sealed class ControlCAsKey : IDisposable
{
    private readonly bool _previous;

    private ControlCAsKey(bool previous) => _previous = previous;

    public static ControlCAsKey? Start()
    {
        try
        {
            if (Console.IsInputRedirected)
            {
                return null;
            }

            bool previous = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = true;
            return new ControlCAsKey(previous);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            Console.TreatControlCAsInput = _previous;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // The console went away; there is nothing to restore.
        }
    }
}
