namespace GptTrainer.Operations;

/// <summary>
/// What long engine work (a sync, a wait for processing) tells the person running it and asks of them. In the
/// module every cmdlet is one: its streams and ShouldProcess. Callable from any thread; the module hands each
/// call to the pipeline thread, the only one allowed to write to PowerShell.
/// </summary>
internal interface IOperationHost : IApiLog
{
    /// <summary>Changes are only described (-WhatIf): nothing is changed, and each change is still offered to <see cref="ConfirmAsync"/>, which says what it would do.</summary>
    bool WhatIf { get; }

    /// <summary>-WhatIf and -Confirm for one change: true to go ahead.</summary>
    Task<bool> ConfirmAsync(string target, string action);

    /// <summary>A result, in order.</summary>
    void Output(object item);

    void Warning(string message);

    /// <summary>A failure about one item; the work goes on (a non-terminating error).</summary>
    void Error(OperationError error);

    /// <summary>A line for the person watching, such as a summary, tagged so that a script can find or drop it.</summary>
    void Information(string message, string tag);
}
