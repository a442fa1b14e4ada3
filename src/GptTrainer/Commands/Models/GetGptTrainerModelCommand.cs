namespace GptTrainer.Commands;

/// <summary>Lists the models agents can use and what a message costs with each. Undocumented endpoints; see the help.</summary>
[Cmdlet(VerbsCommon.Get, "GptTrainerModel")]
[OutputType(typeof(ModelInfo))]
public sealed class GetGptTrainerModelCommand : ApiCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string[]? Name { get; set; }

    protected override void ProcessApiRecord()
    {
        ErrorTarget = Name;
        var models = Call((api, token) => api.Models.ListAsync(token));
        WriteObject(NameFilter.Apply(this, models, Name, m => m.Model, "model"), enumerateCollection: true);
    }
}
