using Xunit;

namespace GptTrainer.Tests;

/// <summary>Tests that measure the process's memory run alone, after the others, so that no other test's allocations count.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory
{
}
