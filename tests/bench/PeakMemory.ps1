# Dot-sourced by the benchmarks that measure a process's peak memory (Linux /proc figures).

function Get-Kilobytes([string] $field) {
    <# A figure of /proc/self/status in KB: VmRSS (resident now) or VmHWM (the peak since the last reset). #>
    $line = Get-Content /proc/self/status | Where-Object { $_ -like "${field}:*" }
    [long](($line -split '\s+')[1])
}

function Reset-PeakMemory {
    <# Collects garbage, then resets the peak (VmHWM) to the current resident size; returns that size in KB. #>
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    # Writing 5 to clear_refs resets the peak to the current resident size.
    $clear = [System.IO.FileStream]::new('/proc/self/clear_refs', [System.IO.FileMode]::Open, [System.IO.FileAccess]::Write)
    try { $clear.Write([byte[]](0x35), 0, 1) } finally { $clear.Dispose() }
    Get-Kilobytes VmRSS
}
