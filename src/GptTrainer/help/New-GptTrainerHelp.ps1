<#
.SYNOPSIS
Writes the module's MAML help (GptTrainer.dll-Help.xml) from the cmdlets' own metadata and the
descriptions in this folder, so Get-Help -Full shows syntax, parameters, inputs, outputs and examples.

.DESCRIPTION
Syntax, parameter types, positions, pipeline input and parameter sets come from Get-Command, so they
can never drift from the code. Words come from <Cmdlet-Name>.psd1 files beside this script; Common.psd1
describes the parameters every API cmdlet shares. A cmdlet or parameter without a description fails the
build.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleName,
    [Parameter(Mandatory)] [string] $OutFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$shared = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Common.psd1')

function Add-Text([System.Xml.XmlWriter] $w, [string] $element, [string] $text) {
    $w.WriteStartElement($element.Split(':')[0], $element.Split(':')[1], $namespaces[$element.Split(':')[0]])
    $w.WriteString($text)
    $w.WriteEndElement()
}

function Add-Paragraphs([System.Xml.XmlWriter] $w, [string] $element, [string] $text) {
    $w.WriteStartElement($element.Split(':')[0], $element.Split(':')[1], $namespaces[$element.Split(':')[0]])
    foreach ($para in ($text.Trim() -split "\r?\n\s*\r?\n")) {
        Add-Text $w 'maml:para' (($para -split "\r?\n" | ForEach-Object Trim) -join ' ')
    }
    $w.WriteEndElement()
}

function Add-TypeList([System.Xml.XmlWriter] $w, [string] $listElement, [string] $itemElement, [hashtable] $types) {
    $w.WriteStartElement('command', $listElement, $namespaces.command)
    foreach ($entry in $types.GetEnumerator() | Sort-Object Key) {
        $w.WriteStartElement('command', $itemElement, $namespaces.command)
        $w.WriteStartElement('dev', 'type', $namespaces.dev)
        Add-Text $w 'maml:name' $entry.Key
        $w.WriteEndElement()
        Add-Paragraphs $w 'maml:description' $entry.Value
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
}

function Get-ParameterText([string] $cmdlet, $help, [string] $name) {
    if ($help.Parameters.ContainsKey($name)) { return $help.Parameters[$name] }
    if ($shared.Parameters.ContainsKey($name)) { return $shared.Parameters[$name] }
    throw "Help for $cmdlet does not describe its parameter -$name."
}

function Get-PipelineText($attributes) {
    $byValue = $attributes | Where-Object ValueFromPipeline
    $byName = $attributes | Where-Object ValueFromPipelineByPropertyName
    if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' }
    elseif ($byValue) { 'True (ByValue)' }
    elseif ($byName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Add-Parameter([System.Xml.XmlWriter] $w, [string] $cmdlet, $help, $parameter, $attribute, [bool] $inSyntax) {
    $w.WriteStartElement('command', 'parameter', $namespaces.command)
    $w.WriteAttributeString('required', ([string]$attribute.Mandatory).ToLowerInvariant())
    $w.WriteAttributeString('variableLength', 'true')
    $w.WriteAttributeString('globbing', ([string][bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })).ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', (Get-PipelineText $attribute))
    $w.WriteAttributeString('position', $(if ($attribute.Position -ge 0) { [string]$attribute.Position } else { 'named' }))
    Add-Text $w 'maml:name' $parameter.Name
    Add-Paragraphs $w 'maml:description' (Get-ParameterText $cmdlet $help $parameter.Name)
    $typeName = if ($parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { 'SwitchParameter' } else { $parameter.ParameterType.Name }
    if (-not $inSyntax -or $parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $w.WriteStartElement('command', 'parameterValue', $namespaces.command)
        $w.WriteAttributeString('required', 'true')
        $w.WriteString($typeName)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $namespaces.dev)
    Add-Text $w 'maml:name' $parameter.ParameterType.FullName
    $w.WriteEndElement()
    $w.WriteEndElement()
}

$namespaces = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutFile)
$w = [System.Xml.XmlWriter]::Create($OutFile, $settings)
$w.WriteStartDocument()
$w.WriteStartElement('helpItems')
$w.WriteAttributeString('schema', 'maml')
$w.WriteAttributeString('xmlns', 'maml', $null, $namespaces.maml)
$w.WriteAttributeString('xmlns', 'command', $null, $namespaces.command)
$w.WriteAttributeString('xmlns', 'dev', $null, $namespaces.dev)

foreach ($command in Get-Command -Module $ModuleName -CommandType Cmdlet | Sort-Object Name) {
    $source = Join-Path $PSScriptRoot "$($command.Name).psd1"
    if (-not (Test-Path $source)) { throw "No help source for $($command.Name): expected $source." }
    $help = Import-PowerShellDataFile $source
    foreach ($key in 'Synopsis', 'Description', 'Examples') {
        if (-not $help.ContainsKey($key) -or -not $help[$key]) { throw "Help for $($command.Name) has no $key." }
    }
    if (-not $help.ContainsKey('Parameters')) { $help.Parameters = @{} }

    $w.WriteStartElement('command', 'command', $namespaces.command)
    $w.WriteStartElement('command', 'details', $namespaces.command)
    Add-Text $w 'command:name' $command.Name
    Add-Paragraphs $w 'maml:description' $help.Synopsis
    Add-Text $w 'command:verb' $command.Verb
    Add-Text $w 'command:noun' $command.Noun
    $w.WriteEndElement()
    Add-Paragraphs $w 'maml:description' $help.Description

    $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }

    $w.WriteStartElement('command', 'syntax', $namespaces.command)
    foreach ($set in $command.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $namespaces.command)
        Add-Text $w 'maml:name' $command.Name
        $ordered = $set.Parameters | Where-Object { $_.Name -notin $commonParameters } |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } }, @{ Expression = { -[int]$_.IsMandatory } }, @{ Expression = { $shared.Parameters.ContainsKey($_.Name) } }, Name
        foreach ($p in $ordered) {
            $meta = $command.Parameters[$p.Name]
            $attribute = $meta.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ParameterSetName -eq $set.Name -or $_.ParameterSetName -eq '__AllParameterSets') } | Select-Object -First 1
            Add-Parameter $w $command.Name $help $meta $attribute $true
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $namespaces.command)
    foreach ($p in $parameters | Sort-Object Name) {
        $attribute = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        Add-Parameter $w $command.Name $help $p $attribute $false
    }
    $w.WriteEndElement()

    $inputs = if ($help.ContainsKey('Inputs')) { $help.Inputs } else { @{ 'None' = 'This cmdlet does not take pipeline input.' } }
    Add-TypeList $w 'inputTypes' 'inputType' $inputs
    $outputs = if ($help.ContainsKey('Outputs')) { $help.Outputs } else { @{ 'None' = 'This cmdlet writes nothing to the pipeline.' } }
    Add-TypeList $w 'returnValues' 'returnValue' $outputs

    if ($help.ContainsKey('Notes')) {
        $w.WriteStartElement('maml', 'alertSet', $namespaces.maml)
        $w.WriteStartElement('maml', 'alert', $namespaces.maml)
        foreach ($para in ($help.Notes.Trim() -split "\r?\n\s*\r?\n")) {
            Add-Text $w 'maml:para' (($para -split "\r?\n" | ForEach-Object Trim) -join ' ')
        }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }

    $w.WriteStartElement('command', 'examples', $namespaces.command)
    $n = 0
    foreach ($example in $help.Examples) {
        $n++
        $w.WriteStartElement('command', 'example', $namespaces.command)
        Add-Text $w 'maml:title' "-------------------------- Example $n --------------------------"
        Add-Text $w 'dev:code' $example.Code.Trim()
        Add-Paragraphs $w 'dev:remarks' $example.Remarks
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $namespaces.command)
    foreach ($link in @($(if ($help.ContainsKey('Links')) { $help.Links } else { @() }))) {
        $w.WriteStartElement('maml', 'navigationLink', $namespaces.maml)
        Add-Text $w 'maml:linkText' $link
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

$w.WriteEndElement()
$w.WriteEndDocument()
$w.Close()
