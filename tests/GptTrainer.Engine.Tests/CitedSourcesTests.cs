using GptTrainer.Evaluation;
using GptTrainer.Models;
using Xunit;

namespace GptTrainer.Tests;

/// <summary>How the sources a reply cited are listed under it, in the chat and with -Show.</summary>
public class CitedSourcesTests
{
    [Fact]
    public void ListsEachSourceOnceInTheOrderFirstCitedWithEveryMarker()
    {
        var citations = new[]
        {
            new Citation { Key = "1.1", DataSourceUuid = "43474da7ae3b4b7191ee29c2de798257", Title = "Laptops" },
            new Citation { Key = "2.1", DataSourceUuid = "53474da7ae3b4b7191ee29c2de798257", Title = "Phones" },
            new Citation { Key = "1.2", DataSourceUuid = "43474DA7-AE3B-4B71-91EE-29C2DE798257", Title = "Laptops" },
            new Citation { Key = "3.1", Title = "Untracked \u001b]2;x\u0007" },
        };

        Assert.Equal(new[] { "[1.1, 1.2] Laptops", "[2.1] Phones", "[3.1] Untracked \\u001B]2;x\\u0007" }, CitedSources.Lines(citations));
    }
}
