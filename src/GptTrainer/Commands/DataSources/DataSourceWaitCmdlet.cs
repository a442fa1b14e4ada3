using GptTrainer.Operations;

namespace GptTrainer.Commands;

/// <summary>
/// Base of the cmdlets that wait for data sources to be processed (Wait- and New-GptTrainerDataSource); the
/// waiting itself is the engine's <see cref="ProcessingWait"/>.
/// </summary>
public abstract class DataSourceWaitCmdlet : ChatbotScopedCmdlet
{
    /// <summary>Waits for the sources, then writes each as last listed and an error for each that did not succeed.</summary>
    private protected void WaitAndWrite(IReadOnlyList<DataSource> sources, int timeoutSec, string timeoutParameter)
    {
        if (sources.Count == 0)
        {
            return;
        }

        List<WaitedDataSource> waits = Await(new ProcessingWait(Api, this).RunAsync(sources, TimeSpan.FromSeconds(timeoutSec), timeoutParameter, s => s, ProcessingWait.Describe, StopToken));
        foreach (WaitedDataSource wait in waits)
        {
            if (wait.Listed)
            {
                WriteObject(wait.Source);
            }

            if (wait.Error is not null)
            {
                WriteError(ToErrorRecord(wait.Error));
            }
        }
    }
}
