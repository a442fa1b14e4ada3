namespace GptTrainer.Assertions;

/// <summary>
/// PowerShell calls this when GptTrainer is imported. A binary module has no script that runs at import, and
/// this is its stand-in: it offers Should -CiteSource to a Pester already loaded in the importing runspace.
/// </summary>
public sealed class ModuleImport : IModuleAssemblyInitializer
{
    public void OnImport() => ShouldOperator.OfferAtImport();
}
