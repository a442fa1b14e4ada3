namespace GptTrainer.Emulator;

/// <summary>What every object of the API carries, made in one place so all resources answer uuids and timestamps alike.</summary>
public abstract class Record
{
    public string Uuid { get; } = Store.NewUuid();

    public string CreatedAt { get; set; } = Store.Now();

    public string ModifiedAt { get; set; } = Store.Now();

    public void Touch() => ModifiedAt = Store.Now();
}
