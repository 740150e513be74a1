using Parley.Core.Formats;
using System.Text;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;

namespace Parley.Core.Tests.Formats.Genius;

public sealed class GeniusWebJsonReaderTests
{
    private const string Json = """
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "colour": {"DiscreteValueSetUtilities": {"valueUtilities": {"red": 1, "blue": 0.25}}},
            "price": {"NumberValueSetUtilities": {"lowValue": 0, "lowUtility": 1, "highValue": 10, "highUtility": 0}}
          },
          "issueWeights": {"colour": 0.6, "price": 0.4},
          "domain": {"name": "shop", "issuesValues": {
            "colour": {"values": ["red", "blue", "green"]},
            "price": {"range": {"low": 0, "high": 10, "step": 1}}}},
          "name": "buyer",
          "reservationBid": {"issuevalues": {"colour": "blue", "price": 5}}
        }}
        """;

    [Fact]
    public void Read_DiscreteAndNumberUtilities_GeniusWebSemantics()
    {
        var (space, profile) = GeniusWebJsonReader.Read(Encoding.UTF8.GetBytes(Json), "buyer.json");

        Assert.Equal(["red", "blue", "green"], space.Issues[0].Options.ToArray());
        Assert.Equal(11, space.Issues[1].Count);
        Assert.Equal("buyer", profile.Party);
        // green is unlisted: worth 0. price 5 interpolates to 0.5.
        Assert.Equal(0.6 * 0 + 0.4 * 0.5, profile.Utility.Evaluate(space.OutcomeOf(new Dictionary<string, string> { ["colour"] = "green", ["price"] = "5" })), 12);
        // Reservation = u(blue, 5) = 0.6·0.25 + 0.4·0.5.
        Assert.Equal(0.35, profile.Reservation, 12);
    }

    [Fact]
    public void Read_MissingWeight_ErrorNamesPath()
    {
        var e = Assert.Throws<SourceProblemException>(() =>
            GeniusWebJsonReader.Read(Encoding.UTF8.GetBytes(Json.Replace("\"price\": 0.4", "\"cost\": 0.4")), "b.json"));

        Assert.Contains("issueWeights", e.Problem.Field);
        Assert.Contains("'price'", e.Message);
    }

    [Fact]
    public void Read_MalformedJson_ReportsLine()
    {
        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(Encoding.UTF8.GetBytes("{\n\"a\": [1,\n}"), "b.json"));

        Assert.Equal(3, e.Problem.Line);
    }

    /// <summary>
    /// GeniusWeb's FlightBooking profile as negmas keeps it (tests/data/genius-compat/geniusweb): value utilities under
    /// the JSON type name <c>discreteutils</c>, as the GeniusWeb profiles server writes them.
    /// </summary>
    [Fact]
    public void Read_RealGeniusWebProfile_DiscreteutilsRead()
    {
        var dir = Path.Combine(Path.GetDirectoryName(Settlement.SharedData.GeniusRoot)!, "genius-compat", "geniusweb", "FlightBooking");

        var (space, profile) = GeniusWebJsonReader.Read(File.ReadAllBytes(Path.Combine(dir, "flightbooking2.json")), "flightbooking2.json");

        Assert.Equal(36, (int)space.Size);
        Assert.Equal("flightbooking2", profile.Party);
        // Reservation bid (250000yen, Kansai, 3 sept.): 0.7·0.5 + 0.15·1 + 0.15·0.667.
        Assert.Equal(0.7 * 0.5 + 0.15 * 1.0 + 0.15 * 0.667, profile.Reservation, 12);
    }

    [Fact]
    public void Read_RealGeniusWebDomainFile_RefusedAsNotAProfile()
    {
        var dir = Path.Combine(Path.GetDirectoryName(Settlement.SharedData.GeniusRoot)!, "genius-compat", "geniusweb", "FlightBooking");

        var e = Assert.Throws<SourceProblemException>(() => GeniusWebJsonReader.Read(File.ReadAllBytes(Path.Combine(dir, "flightbooking.json")), "flightbooking.json"));

        Assert.Contains("missing 'LinearAdditiveUtilitySpace'", e.Message);
    }
}

