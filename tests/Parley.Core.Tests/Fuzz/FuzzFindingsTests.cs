using System.Text;
using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Genius;
using Parley.Core.Guarantees.Files;

namespace Parley.Core.Tests.Fuzz;

/// <summary>Inputs the fuzzer found that crashed a parser, each cut down to its cause: now refused with a place.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void GuaranteesFile_FlowListBrokenByAComment_IsAnErrorWithALine_NotAnInvalidOperation()
    {
        var (file, errors) = GuaranteesFile.Read(new StringReader("commitments:\n  - actors: [Military Forces#\n    target_classes: [energy]\n"));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.True(error.Line >= 2, $"line {error.Line}");
        Assert.Contains("YAML", error.Message);
    }

    [Fact]
    public void AcledCsv_TwoBlankHeaderNames_NameTheColumnByNumber()
    {
        var import = AcledCsv.Read(new StringReader("event_id_cnty,,event_date,event_type,latitude,longitude,\nx,,2022-01-01,Battles,1,1,\n"));

        Assert.True(import.FileRejected);
        var error = Assert.Single(import.Errors);
        Assert.Equal((1, "column 7"), (error.Line, error.Field));
    }

    [Fact]
    public void GeniusWebJson_InvalidUtf8InALabel_IsAFormatErrorAtTheByte()
    {
        var json = Encoding.UTF8.GetBytes("{\"LinearAdditiveUtilitySpace\": {\n  \"name\": \"bu?er\"}}");
        json[Array.IndexOf(json, (byte)'?')] = 0xC0;

        var e = Assert.Throws<GeniusFormatException>(() => GeniusWebJsonReader.Read(json, "b.json"));

        Assert.Equal((2, 14), (e.Line, e.Column));
        Assert.Contains("0xC0", e.Message);
    }
}
