# Starts, steers and stops the local GPT-trainer emulator (the gpttrainer-emulator .NET tool), so that
# a Pester suite tests scripts that use GptTrainer offline, from a known knowledge base, and can make
# the service misbehave on purpose. Written for Windows PowerShell 5.1 as well as PowerShell 7: no
# syntax or .NET API that only PowerShell 7 has.
Set-StrictMode -Version Latest

$script:ToolName = 'gpttrainer-emulator'

# The key is the emulator's own throwaway key, but a table on screen has no reason to show it either.
Update-TypeData -TypeName 'GptTrainer.Emulator' -DefaultDisplayPropertySet 'Uri', 'Process' -Force
Update-TypeData -TypeName 'GptTrainer.EmulatorRequest' -DefaultDisplayPropertySet 'sequence', 'method', 'path', 'authorizationValid' -Force

function New-EmulatorError {
    param([string] $Message, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category, $Target)
    New-Object System.Management.Automation.ErrorRecord -ArgumentList @(
        (New-Object System.InvalidOperationException -ArgumentList $Message), $ErrorId, $Category, $Target)
}

function ConvertTo-CommandLineArgument {
    <#
    Quotes one argument the way every .NET program (and the Windows C runtime) splits a command line:
    backslashes are literal except before a quote, where they are doubled. ProcessStartInfo.ArgumentList,
    which would spare this, does not exist in Windows PowerShell.
    #>
    param([string] $Text)
    if ($Text.Length -gt 0 -and $Text -notmatch '[\s"]') { return $Text }
    '"' + (($Text -replace '(\\*)"', '$1$1\"') -replace '(\\+)$', '$1$1') + '"'
}

function ConvertTo-PathPattern {
    <# The emulator matches fault rules by regular expression; users think in PowerShell wildcards. #>
    param([string] $Wildcard)
    '^' + (([regex]::Escape($Wildcard) -replace '\\\*', '.*') -replace '\\\?', '.') + '$'
}

function Resolve-EmulatorCommand {
    <# The program to start and its first arguments: a given executable or dll, else the tool on PATH. #>
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [string] $Path)
    if ($Path) {
        $full = $Cmdlet.GetUnresolvedProviderPathFromPSPath($Path)
        if (-not (Test-Path -LiteralPath $full -PathType Leaf)) {
            $Cmdlet.ThrowTerminatingError((New-EmulatorError "-Path '$Path' is not a file. Give the $script:ToolName program (where 'dotnet tool install' put it) or a built GptTrainer.Emulator.dll." 'EmulatorNotFound' ObjectNotFound $Path))
        }
        if ($full -notlike '*.dll') {
            return [pscustomobject]@{ FileName = $full; Arguments = @() }
        }
        $dotnet = @(Get-Command -Name dotnet -CommandType Application -ErrorAction Ignore)
        if (-not $dotnet) {
            $Cmdlet.ThrowTerminatingError((New-EmulatorError "-Path '$Path' is a .NET assembly, which runs with 'dotnet', and no dotnet is on PATH. Install the .NET runtime, or give the $script:ToolName program instead." 'DotnetNotFound' ObjectNotFound $Path))
        }
        return [pscustomobject]@{ FileName = $dotnet[0].Source; Arguments = @($full) }
    }

    $tool = @(Get-Command -Name $script:ToolName -CommandType Application -ErrorAction Ignore)
    if (-not $tool) {
        $Cmdlet.ThrowTerminatingError((New-EmulatorError "The $script:ToolName program is not on PATH. Install it with 'dotnet tool install --global $script:ToolName --add-source <folder>', where <folder> holds $script:ToolName.<version>.nupkg (the out folder of a GptTrainer build, ./build.ps1 -Task Package; it is not in the PowerShell repository the modules were published to), and make sure the .NET tools folder (~/.dotnet/tools) is on PATH, or give its location with -Path." 'EmulatorNotFound' ObjectNotFound $script:ToolName))
    }
    [pscustomobject]@{ FileName = $tool[0].Source; Arguments = @() }
}

function Send-ControlRequest {
    <# One call to the emulator's control API (/_emulator), bounded in time, failing as one clear error. #>
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $Emulator, [string] $Path, [string] $Method = 'Get', $Body)
    $route = '/_emulator/' + $Path.TrimStart('/')
    $parameters = @{ Method = $Method; Uri = $Emulator.Uri + $route; TimeoutSec = 30 }
    if ($null -ne $Body) {
        $parameters.ContentType = 'application/json'
        $parameters.Body = if ($Body -is [string]) { $Body } else { ConvertTo-Json -InputObject $Body -Depth 10 -Compress }
    }

    try {
        # Assigned first, so that a JSON array comes out as separate objects in Windows PowerShell too.
        $result = Invoke-RestMethod @parameters -ErrorAction Stop
    }
    catch {
        $status = 0
        $response = $_.Exception.PSObject.Properties['Response']
        if ($response -and $response.Value) { $status = [int]$response.Value.StatusCode }
        $reason = $_.Exception.Message
        if ($_.ErrorDetails -and $_.ErrorDetails.Message) {
            # The control API explains a refusal as {"error": "..."}; that sentence is the reason.
            $reason = $_.ErrorDetails.Message.Trim()
            try { $reason = [string](ConvertFrom-Json -InputObject $reason -ErrorAction Stop).error } catch { }
        }
        $category = if ($status -ge 400 -and $status -lt 500) { 'InvalidArgument' } else { 'ConnectionError' }
        $Cmdlet.ThrowTerminatingError((New-EmulatorError "The emulator at $($Emulator.Uri) did not do $($Method.ToUpperInvariant()) $($route): $reason" 'EmulatorControlFailed' $category $Path))
    }
    $result
}

function Invoke-ConfirmedControl {
    <# One state-changing control call, after ShouldProcess agrees: the body of Reset-, Clear-...Fault and Complete-. #>
    param([System.Management.Automation.PSCmdlet] $Cmdlet, $Emulator, [string] $Action, [string] $Path, [string] $Method = 'Post')
    if ($Cmdlet.ShouldProcess($Emulator.Uri, $Action)) {
        $null = Send-ControlRequest $Cmdlet $Emulator $Path -Method $Method
    }
}

function Get-OwnSessionLauncher {
    <#
    A terminal's Ctrl+C signals its whole foreground process group, which a child started with
    Process.Start shares with PowerShell: an emulator started at a prompt would die, with everything it
    held, at the first Ctrl+C meant for a later command. setsid(1) (util-linux, on every Linux) starts it
    in a session of its own instead, which no terminal signals; it still ends with Stop-GptTrainerEmulator,
    or with this PowerShell (--parent-pid). Not being a process group leader, the child setsid runs in
    execs the emulator in place, so the process started is the emulator itself. $null where no launcher
    is needed or none exists: on Windows, CreateNoWindow already gives the emulator a console of its own,
    which the user's Ctrl+C does not reach; a Unix without setsid (macOS) starts it as before.
    #>
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Unix) { return $null }
    $setsid = @(Get-Command -Name setsid -CommandType Application -ErrorAction Ignore)
    if ($setsid) { $setsid[0].Source } else { $null }
}

function Wait-EmulatorReady {
    <#
    Reads the lines a starting emulator prints until it names its URL and key: those, or $null with
    TimedOut saying whether the deadline passed (rather than the program ending). Waits in short slices so
    that Ctrl+C is noticed, and never longer than the deadline.
    #>
    param([System.Diagnostics.Process] $Process, [datetime] $Deadline)
    $ready = @{}
    while (-not ($ready.ContainsKey('GPTTRAINER_EMULATOR_URL') -and $ready.ContainsKey('GPTTRAINER_EMULATOR_KEY'))) {
        $read = $Process.StandardOutput.ReadLineAsync()
        while (-not $read.Wait(250)) {
            if ([DateTime]::UtcNow -ge $Deadline) { return [pscustomobject]@{ Lines = $null; TimedOut = $true } }
        }
        if ($null -eq $read.Result) { return [pscustomobject]@{ Lines = $null; TimedOut = $false } }
        if ($read.Result -match '^(GPTTRAINER_EMULATOR_(?:URL|KEY))=(.+)$') { $ready[$Matches[1]] = $Matches[2] }
    }
    [pscustomobject]@{ Lines = $ready; TimedOut = $false }
}

function Start-GptTrainerEmulator {
    <#
    .SYNOPSIS
    Starts a local GPT-trainer emulator, or attaches to one already running, and returns its address and key.

    .DESCRIPTION
    Without -Uri, starts the gpttrainer-emulator program (the .NET tool on PATH, or the one -Path names)
    on a free port of 127.0.0.1, waits until it is ready, and returns an object with its Uri, its ApiKey
    and its Process. The emulator holds nothing but the -Seed file's chatbots, keeps everything in memory,
    and exits when this PowerShell process does, so a crashed test run leaves nothing behind. Pass the
    object to Connect-GptTrainerEmulator, the other *-GptTrainerEmulator* commands and, at the end,
    Stop-GptTrainerEmulator.

    Started at an interactive prompt, the emulator is not stopped by Ctrl+C pressed for a later command:
    on Linux it runs in a session of its own (with setsid), on Windows in a console of its own. Only
    Stop-GptTrainerEmulator, or the end of this PowerShell session, ends it. On a Unix without setsid
    (macOS) Ctrl+C still reaches it.

    With -Uri and -ApiKey, attaches to an emulator started elsewhere, such as a CI service container
    started with GPTTRAINER_EMULATOR_HOST=0.0.0.0: waits until it answers, checks the key, and resets it
    to how it started (its seed), so a suite begins from the same state either way. Stop-GptTrainerEmulator
    leaves an attached emulator running.

    Pacing options the emulator has (-PieceDelayMs, -ProcessingMs, -TokenBudget) keep its own defaults
    unless given: 25 ms between the words of a reply and 3 s of processing per new data source, close to
    the service. Tests that do not measure time run faster with -PieceDelayMs 0 and -ProcessingMs 0.

    .PARAMETER Seed
    A seed file (JSON: chatbots with their agents, tags, files, web pages and Q&A pairs) to start from and
    to return to on Reset-GptTrainerEmulator. A relative path not found from the current location is
    looked for next to the program, so 'seed.sample.json' names the sample that ships with the tool.

    .PARAMETER PieceDelayMs
    The pause between two pieces (words) of a streamed reply. Default: the emulator's, 25.

    .PARAMETER ProcessingMs
    How long a new data source takes to reach the status 'success' and be used in answers. Default: the
    emulator's, 3000. Complete-GptTrainerEmulatorProcessing ends all processing at once.

    .PARAMETER TokenBudget
    The tokens a chatbot's processed sources may hold together; a source beyond it ends in 'error:token'.
    Default: the emulator's, 10000000.

    .PARAMETER Port
    The port to listen on. Default: 0, a free port chosen by the system.

    .PARAMETER Path
    The emulator to start: the gpttrainer-emulator program, or a built GptTrainer.Emulator.dll (run with
    dotnet). Default: gpttrainer-emulator found on PATH.

    .PARAMETER Uri
    The address of an emulator already running, such as http://gpttrainer-emulator:8080 for a CI service
    container. Attaches to it instead of starting one.

    .PARAMETER ApiKey
    The key the emulator requires. When starting: the key to give it (default: a random one it makes up).
    When attaching: the key it was started with (its GPTTRAINER_EMULATOR_API_KEY). Use only a made-up key:
    the emulator prints it, and it is never a GPT-trainer key.

    .PARAMETER TimeoutSec
    How long to wait for the emulator to be ready (or, when attaching, to answer) before giving up with an
    error. Default: 60.

    .EXAMPLE
    BeforeAll {
        $emulator = Start-GptTrainerEmulator -Seed "$PSScriptRoot/support-seed.json" -PieceDelayMs 0 -ProcessingMs 0
        $emulator | Connect-GptTrainerEmulator
    }
    AfterAll {
        $emulator | Stop-GptTrainerEmulator
    }

    A Pester suite's setup: one emulator for the file, started from the suite's own knowledge base.

    .EXAMPLE
    $emulator = if ($env:EMULATOR_URL) {
        Start-GptTrainerEmulator -Uri $env:EMULATOR_URL -ApiKey $env:EMULATOR_KEY
    } else {
        Start-GptTrainerEmulator -Seed ./support-seed.json
    }

    The same suite in CI, where the emulator runs as a service container, and on a workstation.

    .EXAMPLE
    Start-GptTrainerEmulator -Path ./src/GptTrainer.Emulator/bin/Release/net10.0/GptTrainer.Emulator.dll

    Starts an emulator built from source instead of the installed tool.

    .INPUTS
    Objects with Uri and ApiKey properties, to attach to the emulator they describe.

    .OUTPUTS
    GptTrainer.Emulator: Uri (no trailing slash), ApiKey, and Process ($null when attached).

    .LINK
    Stop-GptTrainerEmulator

    .LINK
    Connect-GptTrainerEmulator
    #>
    [CmdletBinding(DefaultParameterSetName = 'Start', SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType('GptTrainer.Emulator')]
    param(
        [Parameter(ParameterSetName = 'Start', Position = 0)]
        [ValidateNotNullOrEmpty()]
        [string] $Seed,

        # The defaults written here are the emulator's own, so that Get-Help shows them (a test compares them
        # with its --help); only a value given is passed on, so the emulator's defaults still decide.
        [Parameter(ParameterSetName = 'Start')]
        [ValidateRange(0, 60000)]
        [int] $PieceDelayMs = 25,

        [Parameter(ParameterSetName = 'Start')]
        [ValidateRange(0, 3600000)]
        [int] $ProcessingMs = 3000,

        [Parameter(ParameterSetName = 'Start')]
        [ValidateRange(1, 2147483647)]
        [int] $TokenBudget = 10000000,

        [Parameter(ParameterSetName = 'Start')]
        [ValidateRange(0, 65535)]
        [int] $Port = 0,

        [Parameter(ParameterSetName = 'Start')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [Parameter(ParameterSetName = 'Attach', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [uri] $Uri,

        [Parameter(ParameterSetName = 'Start')]
        [Parameter(ParameterSetName = 'Attach', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [ValidateNotNullOrEmpty()]
        [string] $ApiKey,

        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 60
    )

    process {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        if ($PSCmdlet.ParameterSetName -eq 'Attach') {
            if (-not $Uri.IsAbsoluteUri -or $Uri.Scheme -notin @('http', 'https')) {
                $PSCmdlet.ThrowTerminatingError((New-EmulatorError "-Uri '$Uri' is not an http or https address such as http://gpttrainer-emulator:8080." 'InvalidEmulatorUri' InvalidArgument $Uri))
            }
            $emulator = [pscustomobject]@{ PSTypeName = 'GptTrainer.Emulator'; Uri = $Uri.AbsoluteUri.TrimEnd('/'); ApiKey = $ApiKey; Process = $null }
            if (-not $PSCmdlet.ShouldProcess($emulator.Uri, 'Attach to the GPT-trainer emulator and reset it to its seed')) { return }

            # A service container may still be starting when the job's first step runs.
            while ($true) {
                try {
                    # Each try ends by the deadline too, even at an address that never answers.
                    $left = [int][Math]::Ceiling(($deadline - [DateTime]::UtcNow).TotalSeconds)
                    $null = Invoke-RestMethod -Uri "$($emulator.Uri)/_emulator/stats" -TimeoutSec ([Math]::Max(1, [Math]::Min(5, $left))) -ErrorAction Stop
                    break
                }
                catch {
                    if ([DateTime]::UtcNow -ge $deadline) {
                        $PSCmdlet.ThrowTerminatingError((New-EmulatorError "No GptTrainer emulator answered at $($emulator.Uri) within $TimeoutSec s: $($_.Exception.Message)" 'EmulatorUnreachable' ConnectionError $Uri))
                    }
                    Start-Sleep -Milliseconds 200
                }
            }

            try {
                $null = Invoke-RestMethod -Uri "$($emulator.Uri)/api/v1/chatbots" -Headers @{ Authorization = "Bearer $ApiKey" } -TimeoutSec 30 -ErrorAction Stop
            }
            catch {
                $PSCmdlet.ThrowTerminatingError((New-EmulatorError "The emulator at $($emulator.Uri) did not take the key given with -ApiKey: $($_.Exception.Message) Give the key it was started with (GPTTRAINER_EMULATOR_API_KEY, or the GPTTRAINER_EMULATOR_KEY line it printed)." 'EmulatorKeyRejected' AuthenticationError $Uri))
            }
            $null = Send-ControlRequest $PSCmdlet $emulator 'reset' -Method Post
            return $emulator
        }

        $command = Resolve-EmulatorCommand $PSCmdlet $Path
        $arguments = @($command.Arguments) + @('--port', $Port, '--parent-pid', $PID)
        if ($PSBoundParameters.ContainsKey('PieceDelayMs')) { $arguments += @('--piece-delay-ms', $PieceDelayMs) }
        if ($PSBoundParameters.ContainsKey('ProcessingMs')) { $arguments += @('--processing-ms', $ProcessingMs) }
        if ($PSBoundParameters.ContainsKey('TokenBudget')) { $arguments += @('--token-budget', $TokenBudget) }
        if ($Seed) {
            # Resolved against PowerShell's location, which the process does not share; a name found
            # nowhere goes as given, for the emulator to look for next to itself or report.
            $seedPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Seed)
            $arguments += @('--seed', $(if (Test-Path -LiteralPath $seedPath -PathType Leaf) { $seedPath } else { $Seed }))
        }
        $commandLine = (@($command.FileName) + $arguments | ForEach-Object { ConvertTo-CommandLineArgument ([string]$_) }) -join ' '
        if (-not $PSCmdlet.ShouldProcess($commandLine, 'Start the GPT-trainer emulator')) { return }

        $info = New-Object System.Diagnostics.ProcessStartInfo
        $info.FileName = $command.FileName
        $info.Arguments = (@($arguments) | ForEach-Object { ConvertTo-CommandLineArgument ([string]$_) }) -join ' '
        $launcher = Get-OwnSessionLauncher
        if ($launcher) {
            $info.FileName = $launcher
            $info.Arguments = $commandLine
        }
        $info.UseShellExecute = $false
        $info.CreateNoWindow = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.WorkingDirectory = $PSCmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath
        # The emulator reads GPTTRAINER_EMULATOR_* variables too: the caller's own must not make it start
        # otherwise than these parameters say. The key goes this way rather than on the command line,
        # where any user of the machine could read it.
        foreach ($name in @($info.EnvironmentVariables.Keys)) {
            if ($name -like 'GPTTRAINER_EMULATOR_*') { $info.EnvironmentVariables.Remove($name) }
        }
        if ($ApiKey) { $info.EnvironmentVariables['GPTTRAINER_EMULATOR_API_KEY'] = $ApiKey }

        $process = [System.Diagnostics.Process]::Start($info)
        $started = $false
        try {
            $errorText = $process.StandardError.ReadToEndAsync()
            $wait = Wait-EmulatorReady $process $deadline
            $ready = $wait.Lines
            if ($null -eq $ready) {
                # A program that closed its output is ending by itself; one that is silent is ended here.
                $exited = -not $wait.TimedOut -and $process.WaitForExit(2000)
                if (-not $exited) { try { $process.Kill() } catch { } }
                $said = if ($errorText.Wait(2000)) { $errorText.Result.Trim() } else { '' }
                if (-not $exited) {
                    $PSCmdlet.ThrowTerminatingError((New-EmulatorError "The emulator was not ready within $TimeoutSec s, so it was stopped. $said".Trim() 'EmulatorStartTimeout' OperationTimeout $commandLine))
                }
                $category = if ($process.ExitCode -eq 2) { 'InvalidArgument' } else { 'ResourceUnavailable' }
                $target = if ($process.ExitCode -eq 2 -and $Seed) { $Seed } else { $commandLine }
                $PSCmdlet.ThrowTerminatingError((New-EmulatorError "The emulator exited with code $($process.ExitCode) before it was ready: $said" 'EmulatorStartFailed' $category $target))
            }
            $started = $true
        }
        finally {
            # Also on Ctrl+C while waiting: no emulator is left running that nobody holds.
            if (-not $started -and -not $process.HasExited) { try { $process.Kill() } catch { } }
        }

        [pscustomobject]@{
            PSTypeName = 'GptTrainer.Emulator'
            Uri        = $ready['GPTTRAINER_EMULATOR_URL']
            ApiKey     = $ready['GPTTRAINER_EMULATOR_KEY']
            Process    = $process
        }
    }
}

function Stop-GptTrainerEmulator {
    <#
    .SYNOPSIS
    Stops an emulator that Start-GptTrainerEmulator started.

    .DESCRIPTION
    Asks the emulator to shut down, waits up to five seconds for it to exit, and ends the process if it
    has not. An emulator that Start-GptTrainerEmulator attached to (-Uri) is left running: it belongs to
    whoever started it, such as the CI service.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .EXAMPLE
    AfterAll { $emulator | Stop-GptTrainerEmulator }

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    None.

    .LINK
    Start-GptTrainerEmulator
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator
    )

    process {
        if ($null -eq $Emulator.Process) {
            Write-Verbose "Left the emulator at $($Emulator.Uri) running: it was attached to, not started here."
            return
        }
        if ($Emulator.Process.HasExited -or -not $PSCmdlet.ShouldProcess($Emulator.Uri, 'Stop the GPT-trainer emulator')) { return }

        try { $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/shutdown" -TimeoutSec 5 -ErrorAction Stop } catch { }
        if (-not $Emulator.Process.WaitForExit(5000)) {
            try { $Emulator.Process.Kill() } catch { }
            $null = $Emulator.Process.WaitForExit(5000)
        }
    }
}

function Connect-GptTrainerEmulator {
    <#
    .SYNOPSIS
    Connects the GptTrainer module to an emulator, as Connect-GptTrainer connects it to the service.

    .DESCRIPTION
    Calls Connect-GptTrainer with the emulator's Uri and ApiKey, and passes on every other parameter of
    Connect-GptTrainer it is given (-SkipCheck, -FirstRetryDelayMs, -IdleTimeoutSec, -PassThru...). Every
    GptTrainer command in this runspace then talks to the emulator.

    An emulator reached over plain http on another host (a CI service container) is connected with
    -AllowUnencryptedAuthentication: its key is its own, made up for the tests, never a GPT-trainer key.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .EXAMPLE
    $emulator | Connect-GptTrainerEmulator

    .EXAMPLE
    Connect-GptTrainerEmulator $emulator -FirstRetryDelayMs 10 -IdleTimeoutSec 5

    Short back-off waits between retries (a Retry-After is still honoured exactly), and a short idle
    timeout, for a suite that injects faults.

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    None, or with -PassThru what Connect-GptTrainer -PassThru returns.

    .LINK
    Connect-GptTrainer
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator
    )

    dynamicparam {
        # Connect-GptTrainer's own parameters, read from it, so that this command never lags behind it.
        $connect = Get-Command -Name 'Connect-GptTrainer' -Module 'GptTrainer' -CommandType Cmdlet -ErrorAction Ignore
        $dynamic = New-Object System.Management.Automation.RuntimeDefinedParameterDictionary
        if ($connect) {
            # Common parameters by the class that declares them, which Windows PowerShell has as well.
            $common = @([System.Management.Automation.Internal.CommonParameters].GetProperties().Name) + @('WhatIf', 'Confirm', 'UseTransaction')
            $skipped = @('ApiKey', 'BaseUri', 'AllowUnencryptedAuthentication') + $common
            foreach ($parameter in $connect.Parameters.Values) {
                if ($skipped -contains $parameter.Name) { continue }
                $attributes = New-Object 'System.Collections.ObjectModel.Collection[System.Attribute]'
                $attributes.Add((New-Object System.Management.Automation.ParameterAttribute))
                foreach ($attribute in $parameter.Attributes) {
                    if ($attribute -isnot [System.Management.Automation.ParameterAttribute]) { $attributes.Add($attribute) }
                }
                $dynamic.Add($parameter.Name, (New-Object System.Management.Automation.RuntimeDefinedParameter -ArgumentList $parameter.Name, $parameter.ParameterType, $attributes))
            }
        }
        $dynamic
    }

    process {
        $connection = @{}
        foreach ($entry in $PSBoundParameters.GetEnumerator()) {
            if ($entry.Key -ne 'Emulator') { $connection[$entry.Key] = $entry.Value }
        }
        $uri = [uri]$Emulator.Uri
        $connection.BaseUri = $uri
        $connection.ApiKey = $Emulator.ApiKey
        if ($uri.Scheme -eq 'http' -and -not $uri.IsLoopback) { $connection.AllowUnencryptedAuthentication = $true }
        GptTrainer\Connect-GptTrainer @connection
    }
}

function Reset-GptTrainerEmulator {
    <#
    .SYNOPSIS
    Returns an emulator to how it started: its seed's chatbots, or nothing, with no faults and no recorded requests.

    .DESCRIPTION
    Forgets every chatbot, session, message and data source, clears fault rules, scripted replies and the
    request log, and applies the seed file again. Use it in BeforeEach so that every test starts from the
    same knowledge base.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .EXAMPLE
    BeforeEach { $emulator | Reset-GptTrainerEmulator }

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    None.
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator
    )

    process {
        Invoke-ConfirmedControl $PSCmdlet $Emulator 'Reset the GPT-trainer emulator to its seed' 'reset'
    }
}

function Add-GptTrainerEmulatorFault {
    <#
    .SYNOPSIS
    Makes the emulator misbehave for the next matching API requests: an error status, a stall, a reply cut midway, a dropped connection.

    .DESCRIPTION
    Adds a fault rule to the emulator (POST /_emulator/faults). The next -Count requests under /api whose
    path matches -Path (and whose method is -Method, if given) get the fault instead of, or in the middle
    of, their normal answer; later ones are answered normally again. Rules apply in the order they were
    added, before the key is checked. Clear-GptTrainerEmulatorFault and Reset-GptTrainerEmulator remove
    them.

    The kinds, one per call:
    -StatusCode answers at once with that status (and -RetryAfterSec as a Retry-After header, and -Body).
    -StallSec waits before answering, or with -AfterBytes after that many bytes of the answer.
    -CutAfterBytes writes that many bytes of the answer, then breaks the connection.
    -DropConnection breaks the connection without answering.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .PARAMETER StatusCode
    The HTTP status to answer with, such as 429, 500 or 503.

    .PARAMETER RetryAfterSec
    With -StatusCode: the seconds the Retry-After header asks the client to wait.

    .PARAMETER Body
    With -StatusCode: the answer's body, JSON text or an object to send as JSON. Default: {"error": "emulated failure <status>"}.

    .PARAMETER StallSec
    How long the emulator stays silent, in seconds (fractions allowed).

    .PARAMETER AfterBytes
    With -StallSec: stall after this many bytes of the answer (midway through a streamed reply) instead of before the headers.

    .PARAMETER CutAfterBytes
    Break the connection after this many bytes of the answer, as when a reply is cut off midway.

    .PARAMETER DropConnection
    Break the connection before answering at all.

    .PARAMETER Path
    Which requests: a wildcard (* and ?) matched against the whole request path, such as
    '/api/v1/session/*/message/stream' or '*/message/stream'. Default: every API request.

    .PARAMETER Method
    Which requests: only those with this HTTP method. Default: any.

    .PARAMETER Count
    How many matching requests get the fault. Default: 1.

    .PARAMETER Always
    Every matching request from now on gets the fault, until it is cleared.

    .EXAMPLE
    $emulator | Add-GptTrainerEmulatorFault -StatusCode 429 -RetryAfterSec 2 -Path '*/message/stream'

    The next message is refused with 429 and "Retry-After: 2"; GptTrainer waits two seconds and sends it again.

    .EXAMPLE
    $emulator | Add-GptTrainerEmulatorFault -StatusCode 500 -Path '*/message/stream'

    .EXAMPLE
    $emulator | Add-GptTrainerEmulatorFault -StallSec 30 -Path '*/message/stream'

    The next message gets no answer for 30 seconds: long enough for an -IdleTimeoutSec of a few seconds to fire.

    .EXAMPLE
    $emulator | Add-GptTrainerEmulatorFault -CutAfterBytes 20 -Path '*/message/stream'

    The next reply stops after 20 bytes and the connection breaks: the pieces before it have arrived.

    .EXAMPLE
    $emulator | Add-GptTrainerEmulatorFault -StatusCode 503 -Method GET -Path '/api/v1/chatbots' -Always

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    None.

    .LINK
    Clear-GptTrainerEmulatorFault
    #>
    [CmdletBinding(DefaultParameterSetName = 'Status', SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator,

        [Parameter(ParameterSetName = 'Status', Mandatory = $true)]
        [ValidateRange(100, 599)]
        [int] $StatusCode,

        [Parameter(ParameterSetName = 'Status')]
        [ValidateRange(0, 86400)]
        [int] $RetryAfterSec,

        [Parameter(ParameterSetName = 'Status')]
        [ValidateNotNull()]
        [object] $Body,

        [Parameter(ParameterSetName = 'Stall', Mandatory = $true)]
        [ValidateRange(0.001, 3600)]
        [double] $StallSec,

        [Parameter(ParameterSetName = 'Stall')]
        [ValidateRange(0, 9223372036854775807)]
        [long] $AfterBytes,

        [Parameter(ParameterSetName = 'Cut', Mandatory = $true)]
        [ValidateRange(0, 9223372036854775807)]
        [long] $CutAfterBytes,

        [Parameter(ParameterSetName = 'Drop', Mandatory = $true)]
        [switch] $DropConnection,

        [ValidateNotNullOrEmpty()]
        [string] $Path = '*',

        [ValidateSet('GET', 'POST', 'DELETE', 'PUT', 'PATCH')]
        [string] $Method,

        [ValidateRange(1, 2147483647)]
        [int] $Count = 1,

        [switch] $Always
    )

    process {
        if ($Always -and $PSBoundParameters.ContainsKey('Count')) {
            $PSCmdlet.ThrowTerminatingError((New-EmulatorError '-Always and -Count contradict each other: give one.' 'ConflictingParameters' InvalidArgument $Count))
        }

        # times -1: the emulator's "until cleared".
        $rule = @{ path = ConvertTo-PathPattern $Path; times = $(if ($Always) { -1 } else { $Count }) }
        if ($Method) { $rule.method = $Method.ToUpperInvariant() }
        switch ($PSCmdlet.ParameterSetName) {
            'Status' {
                $rule.status = $StatusCode
                if ($PSBoundParameters.ContainsKey('RetryAfterSec')) { $rule.retryAfter = [string]$RetryAfterSec }
                if ($PSBoundParameters.ContainsKey('Body')) { $rule.body = $Body }
                $kind = "answer $StatusCode"
            }
            'Stall' {
                $milliseconds = [int][Math]::Ceiling($StallSec * 1000)
                if ($PSBoundParameters.ContainsKey('AfterBytes')) {
                    $rule.stallAfterBytes = $AfterBytes
                    $rule.stallMs = $milliseconds
                    $kind = "stall $StallSec s after $AfterBytes bytes"
                }
                else {
                    $rule.stallBeforeHeadersMs = $milliseconds
                    $kind = "stall $StallSec s before answering"
                }
            }
            'Cut' {
                $rule.cutAfterBytes = $CutAfterBytes
                $kind = "cut the answer after $CutAfterBytes bytes"
            }
            'Drop' {
                $rule.dropConnection = $true
                $kind = 'drop the connection'
            }
        }

        $which = "$(if ($Method) { $Method } else { 'any' }) request to $Path, $(if ($Always) { 'always' } else { "$Count time(s)" })"
        if ($PSCmdlet.ShouldProcess("$($Emulator.Uri): $which", "Add a fault: $kind")) {
            $null = Send-ControlRequest $PSCmdlet $Emulator 'faults' -Method Post -Body $rule
        }
    }
}

function Clear-GptTrainerEmulatorFault {
    <#
    .SYNOPSIS
    Removes every fault rule from an emulator, so that requests are answered normally again.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .EXAMPLE
    AfterEach { $emulator | Clear-GptTrainerEmulatorFault }

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    None.

    .LINK
    Add-GptTrainerEmulatorFault
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator
    )

    process {
        Invoke-ConfirmedControl $PSCmdlet $Emulator 'Remove every fault rule' 'faults' -Method Delete
    }
}

function Get-GptTrainerEmulatorRequest {
    <#
    .SYNOPSIS
    The API requests an emulator received, oldest first: what a script under test actually sent.

    .DESCRIPTION
    Each request has its sequence number, method, path, query, body (or form, for uploads), content type,
    user agent, connection id, and whether it carried a key and whether that key was right. The key itself
    is not recorded. Reset-GptTrainerEmulator empties the log.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .PARAMETER Path
    Only requests whose path matches this wildcard, such as '*/message/stream'. Default: all.

    .PARAMETER Method
    Only requests with this method (a wildcard). Default: all.

    .EXAMPLE
    @(Get-GptTrainerEmulatorRequest $emulator -Path '*/message/stream').Count | Should -Be 2

    The message was sent twice: once refused, once answered.

    .EXAMPLE
    (Get-GptTrainerEmulatorRequest $emulator -Method POST -Path '*/session/create')[-1].body

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    GptTrainer.EmulatorRequest
    #>
    [CmdletBinding()]
    [OutputType('GptTrainer.EmulatorRequest')]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator,

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string] $Path = '*',

        [ValidateNotNullOrEmpty()]
        [string] $Method = '*'
    )

    process {
        foreach ($request in @(Send-ControlRequest $PSCmdlet $Emulator 'requests')) {
            if ($request.path -like $Path -and $request.method -like $Method) {
                $request.PSObject.TypeNames.Insert(0, 'GptTrainer.EmulatorRequest')
                $request
            }
        }
    }
}

function Complete-GptTrainerEmulatorProcessing {
    <#
    .SYNOPSIS
    Ends the processing of every data source at once, so that new sources are used in answers now.

    .DESCRIPTION
    New data sources pass through the service's processing statuses before they are used, which takes the
    emulator -ProcessingMs. A test about answers rather than about processing calls this after adding
    sources instead of waiting. Sources over the token budget end in 'error:token' as they would anyway.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .EXAMPLE
    $bot | New-GptTrainerDataSource -Question 'Opening hours?' -Answer 'Nine to five.'
    $emulator | Complete-GptTrainerEmulatorProcessing

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    None.
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator
    )

    process {
        Invoke-ConfirmedControl $PSCmdlet $Emulator 'End the processing of every data source' 'sources/finish'
    }
}

function Invoke-GptTrainerEmulatorControl {
    <#
    .SYNOPSIS
    Calls any route of an emulator's control API (/_emulator), for what the other commands do not cover.

    .DESCRIPTION
    The control API is not part of GPT-trainer's API and needs no key. Besides what the other commands
    do, it sets the text a URL data source finds (web-page), scripts replies (reply, release), changes
    the processing time and token budget (processing), pins a source's status (sources/<uuid>/status),
    back-dates a session (sessions/<uuid>/created) and reports counters (stats). The routes and their
    bodies are listed in the emulator's README.

    .PARAMETER Emulator
    What Start-GptTrainerEmulator returned.

    .PARAMETER Path
    The route under /_emulator, such as 'web-page' or "sources/$uuid/status".

    .PARAMETER Method
    Get (default), Post or Delete.

    .PARAMETER Body
    A hashtable or object sent as JSON, or JSON text.

    .EXAMPLE
    Invoke-GptTrainerEmulatorControl $emulator 'web-page' -Method Post -Body @{ url = 'https://acme.example/faq'; text = 'Parcels arrive in three days.' }

    A URL data source added for https://acme.example/faq from now on holds that text.

    .EXAMPLE
    Invoke-GptTrainerEmulatorControl $emulator "sources/$($source.DataSourceUuid)/status" -Method Post -Body @{ status = 'error' }

    The source ends in 'error', as a file the service cannot read does.

    .INPUTS
    GptTrainer.Emulator

    .OUTPUTS
    The route's JSON answer, as objects.
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Low')]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, Position = 0)]
        [PSTypeName('GptTrainer.Emulator')] $Emulator,

        [Parameter(Mandatory = $true, Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [ValidateSet('Get', 'Post', 'Delete')]
        [string] $Method = 'Get',

        [ValidateNotNull()]
        [object] $Body
    )

    process {
        if ($Method -eq 'Get' -or $PSCmdlet.ShouldProcess("$($Emulator.Uri)/_emulator/$($Path.TrimStart('/'))", $Method.ToUpperInvariant())) {
            $json = if ($PSBoundParameters.ContainsKey('Body')) { $Body } else { $null }
            Send-ControlRequest $PSCmdlet $Emulator $Path -Method $Method -Body $json
        }
    }
}

Export-ModuleMember -Function @(
    'Start-GptTrainerEmulator'
    'Stop-GptTrainerEmulator'
    'Connect-GptTrainerEmulator'
    'Reset-GptTrainerEmulator'
    'Add-GptTrainerEmulatorFault'
    'Clear-GptTrainerEmulatorFault'
    'Get-GptTrainerEmulatorRequest'
    'Complete-GptTrainerEmulatorProcessing'
    'Invoke-GptTrainerEmulatorControl'
)
