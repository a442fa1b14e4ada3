# Dot-sourced by every Pester file: loads the module as the build laid it out (what ships, not the
# source tree) and the emulator helpers (the shipped GptTrainer.Emulator module, which needs GptTrainer
# loaded first).
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
# The build keeps one version under out/GptTrainer, and PowerShell picks it as it would when installed.
$ModuleManifest = Join-Path (Import-Module (Join-Path $RepoRoot 'out/GptTrainer') -Force -PassThru).ModuleBase 'GptTrainer.psd1'
Import-Module (Join-Path $RepoRoot 'tests/tools/GptTrainerEmulator.psm1') -Force

function New-TestChatbot {
    param([Parameter(Mandatory)] $Emulator, [string] $Name = "Test bot $([guid]::NewGuid().ToString('N').Substring(0, 8))", [switch] $Citations)
    Invoke-Emulator $Emulator 'chatbot/create' -Api -Method Post -Body @{ name = $Name; show_citations = [bool]$Citations }
}

function New-TestSession {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $ChatbotUuid)
    Invoke-Emulator $Emulator "chatbot/$ChatbotUuid/session/create" -Api -Method Post
}

function Connect-TestEmulator {
    param([Parameter(Mandatory)] $Emulator)
    # Back-off waits prove nothing against the emulator; tests that measure the real ones connect without this.
    # -SkipCheck: the check Connect-GptTrainer makes has tests of its own, and would add a request to every count.
    Connect-GptTrainerEmulator $Emulator -FirstRetryDelayMs 10 -SkipCheck
}

function Wait-Until {
    <# Polls a condition until it holds: synchronisation on observed state, not a guessed delay. #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [double] $TimeoutSec = 15, [string] $Because = 'the condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting for $Because." }
        Start-Sleep -Milliseconds 10
    }
}

function New-TestDirectory {
    <# A fresh directory under the temp folder for a test file's files; remove it in AfterAll. #>
    $path = Join-Path ([System.IO.Path]::GetTempPath()) "gpttrainer-tests-$([guid]::NewGuid().ToString('N'))"
    (New-Item -ItemType Directory -Path $path).FullName
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-ModuleInstance {
    <#
    Runs a script in a new runspace with the module imported and connected to the emulator, so that a
    test can stop it the way Ctrl+C does (PowerShell.Stop) and watch its output arrive.
    #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Script, [hashtable] $Arguments = @{})
    $ps = [powershell]::Create()
    $null = $ps.AddScript("param(`$Manifest, `$Uri, `$Key, `$Arguments) Import-Module `$Manifest; Connect-GptTrainer -ApiKey `$Key -BaseUri `$Uri -SkipCheck`n$Script")
    $null = $ps.AddParameters(@{ Manifest = $ModuleManifest; Uri = $Emulator.Uri; Key = $Emulator.ApiKey; Arguments = $Arguments })
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
    [pscustomobject]@{ PowerShell = $ps; Output = $output; Handle = $handle }
}

function Get-SentRequest {
    <# The last request the emulator received whose method and path match, with its JSON body parsed. #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $PathLike, [string] $Method = '*')
    $request = @(Get-EmulatorRequest $Emulator -PathLike $PathLike -Method $Method)[-1]
    if ($null -eq $request) { throw "The emulator received no $Method request for $PathLike." }
    $json = if ($request.body) { $request.body | ConvertFrom-Json -AsHashtable } else { $null }
    $request | Add-Member -NotePropertyName Json -NotePropertyValue $json -PassThru
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-Emulator $Emulator 'requests' -Method Delete
}

function Get-EmulatorRequestCount {
    param([Parameter(Mandatory)] $Emulator)
    @(Get-EmulatorRequest $Emulator).Count
}

function New-BlackHoleEndpoint {
    <#
    A loopback port whose accept queue is full, so that a new connection attempt is never answered: the
    way to make a connect hang without leaving this machine. Dispose the result when done.
    #>
    $socket = [System.Net.Sockets.Socket]::new([System.Net.Sockets.SocketType]::Stream, [System.Net.Sockets.ProtocolType]::Tcp)
    $socket.Bind([System.Net.IPEndPoint]::new([System.Net.IPAddress]::Loopback, 0))
    $socket.Listen(1)
    $port = $socket.LocalEndPoint.Port
    $fillers = foreach ($i in 1..4) {
        $client = [System.Net.Sockets.TcpClient]::new()
        $null = $client.ConnectAsync('127.0.0.1', $port).Wait(200)
        $client
    }
    [pscustomobject]@{
        Uri      = "http://127.0.0.1:$port"
        Disposer = { $socket.Dispose(); $fillers | ForEach-Object Dispose }.GetNewClosure()
    }
}
