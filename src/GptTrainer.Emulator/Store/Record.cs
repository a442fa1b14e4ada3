namespace GptTrainer.Emulator;

/// <summary>What every object of the API carries, made in one place so all resources answer uuids and timestamps alike.</summary>
public abstract class Record
{
    private static long s_created;

    public string Uuid { get; } = Store.NewUuid();

    /// <summary>Creation order, for orders that must not depend on a dictionary's or a clock's resolution.</summary>
    public long Sequence { get; } = Interlocked.Increment(ref s_created);

    public string CreatedAt { get; set; } = Store.Now();

    public string ModifiedAt { get; set; } = Store.Now();

    public void Touch() => ModifiedAt = Store.Now();
}
