using System.Runtime.CompilerServices;

namespace GptTrainer.Assertions;

/// <summary>
/// Offers Should -CiteSource to Pester 5 without making Pester a dependency: nothing happens unless Pester
/// is loaded. Pester keeps its operators inside its own module, and a binary module has no import script,
/// so the operator is registered in each runspace whose Pester lacks it: when GptTrainer is imported after
/// Pester, and otherwise when a command that returns messages runs after Pester was imported (or imported
/// again with -Force, which forgets every operator added before).
/// </summary>
internal static class ShouldOperator
{
    public const string Name = "CiteSource";

    // Pester accepts an operator again only when its text is identical, so the text must never vary.
    private const string TestText = @"param($ActualValue, $ExpectedValue, [switch] $Negate, [string] $Because)
[GptTrainer.Assertions.CiteSourceAssertion]::Test($ActualValue, $ExpectedValue, $Negate.IsPresent, $Because)";

    private const string FindPester = "@(Get-Module -Name Pester | Where-Object { $_.Version.Major -ge 5 -and $_.ExportedCommands.ContainsKey('Add-ShouldOperator') })[0]";

    private const string Register = "param($Pester, $Name, $Test) & $Pester.ExportedCommands['Add-ShouldOperator'] -Name $Name -Test $Test -SupportsArrayInput";

    // Each import of Pester, in each runspace, is a module of its own; these already have the operator.
    private static readonly ConditionalWeakTable<PSModuleInfo, object> Registered = new();

    private static volatile bool _pesterLoaded;

    static ShouldOperator()
    {
        AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) =>
        {
            if (IsPester(loaded.LoadedAssembly))
            {
                _pesterLoaded = true;
            }
        };
        _pesterLoaded = AppDomain.CurrentDomain.GetAssemblies().Any(IsPester);
    }

    /// <summary>Pester 5 loads an assembly of its own: until one is loaded, no runspace of this process has Pester, and checking costs nothing.</summary>
    private static bool IsPester(System.Reflection.Assembly assembly) => string.Equals(assembly.GetName().Name, "Pester", StringComparison.Ordinal);

    /// <summary>Registers the operator in this runspace's Pester if it lacks it. A failure is a warning, never the command's.</summary>
    public static void Offer(PSCmdlet cmdlet, Action<string> warn)
    {
        if (!_pesterLoaded)
        {
            return;
        }

        try
        {
            RegisterWith((script, arguments) => cmdlet.InvokeCommand.InvokeScript(script, arguments));
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            warn($"Should -{Name} could not be added to Pester: {ex.Message}");
        }
    }

    /// <summary>The same when GptTrainer is imported: in the importing runspace, if it has Pester.</summary>
    public static void OfferAtImport()
    {
        if (!_pesterLoaded || System.Management.Automation.Runspaces.Runspace.DefaultRunspace is null)
        {
            return;
        }

        try
        {
            RegisterWith((script, arguments) =>
            {
                using var pwsh = PowerShell.Create(RunspaceMode.CurrentRunspace);
                pwsh.AddScript(script);
                foreach (object argument in arguments)
                {
                    pwsh.AddArgument(argument);
                }

                return pwsh.Invoke();
            });
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            // An import never fails over an optional extra; the next command that returns messages offers it again.
        }
    }

    private static void RegisterWith(Func<string, object[], ICollection<PSObject>> run)
    {
        if (run(FindPester, Array.Empty<object>()).Select(o => o?.BaseObject).OfType<PSModuleInfo>().FirstOrDefault() is not PSModuleInfo pester
            || Registered.TryGetValue(pester, out _))
        {
            return;
        }

        // A script block of its own for each Pester: each keeps it as a function in its own runspace.
        run(Register, new object[] { pester, Name, ScriptBlock.Create(TestText) });
        Registered.GetValue(pester, _ => new object());
    }
}
