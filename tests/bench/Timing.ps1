# Dot-sourced by the benchmarks that print whole-command timings.

function Format-Seconds([double[]] $values) {
    <# The median of several runs in ms or s, with the fastest and slowest in brackets. #>
    $sorted = @($values | Sort-Object)
    $median = $sorted[[int][Math]::Floor($sorted.Count / 2)]
    if ($median -lt 1) { '{0:N0} ms [{1:N0}-{2:N0}]' -f ($median * 1000), ($sorted[0] * 1000), ($sorted[-1] * 1000) }
    else { '{0:N2} s [{1:N2}-{2:N2}]' -f $median, $sorted[0], $sorted[-1] }
}
