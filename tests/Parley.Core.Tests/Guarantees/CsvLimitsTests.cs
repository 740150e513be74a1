using Parley.Core.Formats.Acled;
using Parley.Core.Formats.Ucdp;
using Parley.Core.Formats.Incidents;

namespace Parley.Core.Tests.Guarantees;

/// <summary>Hostile incident CSV is refused with its line and column; nothing of a file past the row limit is imported.</summary>
public sealed class CsvLimitsTests
{
    private const string Header = "event_id_cnty,event_date,event_type,latitude,longitude,notes\n";
    private const string Row = "UKR1,2022-03-01,Battles,48.5,37.9,ok\n";

    [Fact]
    public void Read_FieldPastTheLimit_RejectsItsRow_NamingLineAndColumn()
    {
        var csv = Header + Row + "UKR2,2022-03-01,Battles,48.5,37.9," + new string('x', CsvLimits.MaxFieldLength + 1) + "\n" + Row.Replace("UKR1", "UKR3");

        var import = AcledCsv.Read(new StringReader(csv));

        var error = Assert.Single(import.Errors);
        Assert.Equal((3, "notes"), (error.Line, error.Field));
        Assert.Contains($"at most {CsvLimits.MaxFieldLength:N0}", error.Message);
        Assert.Equal(["UKR1", "UKR3"], import.Incidents.Select(i => i.Id));
    }

    [Fact]
    public void Read_QuoteNeverClosed_StopsGrowingAtTheFieldLimit_AndReadingGoesOn()
    {
        var filler = string.Concat(Enumerable.Repeat(new string('y', 1000) + "\n", 200)); // 200 KB inside one open quote
        var csv = Header + "UKR2,2022-03-01,Battles,48.5,37.9,\"never closed\n" + filler;

        var import = AcledCsv.Read(new StringReader(csv));

        Assert.Equal((2, "notes"), (import.Errors[0].Line, import.Errors[0].Field));
        Assert.Contains("limit", import.Errors[0].Message);
        Assert.Empty(import.Incidents);
    }

    [Fact]
    public void Read_HeaderWithTooManyColumns_RefusesTheFile()
    {
        var header = string.Join(',', Enumerable.Range(0, CsvLimits.MaxColumns + 1).Select(i => $"c{i}")) + "\n";

        var import = UcdpGedCsv.Read(new StringReader(header + "1,2,3\n"));

        Assert.True(import.FileRejected);
        var error = Assert.Single(import.Errors);
        Assert.Equal((1, "header"), (error.Line, error.Field));
        Assert.Contains($"more than {CsvLimits.MaxColumns} fields", error.Message);
    }

    [Fact]
    public void Read_EndlessStreamOfRows_IsRefusedWholeAtTheFirstRowPastTheLimit()
    {
        var import = AcledCsv.Read(new EndlessCsv(Header, Row));

        Assert.True(import.FileRejected);
        Assert.Empty(import.Incidents);
        var error = Assert.Single(import.Errors);
        Assert.Equal(CsvLimits.MaxRows + 2, error.Line); // the header is line 1
        Assert.Contains("nothing was imported", error.Message);
    }

    /// <summary>A header, then the same row for ever: only a row limit ends the read.</summary>
    private sealed class EndlessCsv(string header, string row) : TextReader
    {
        private readonly string _header = header.TrimEnd('\n') + "\n";
        private readonly string _row = row.TrimEnd('\n') + "\n";
        private bool _headerRead;
        private int _at; // chars of the current line already given

        public override string ReadLine()
        {
            if (_headerRead) return _row.TrimEnd('\n');
            _headerRead = true;
            return _header.TrimEnd('\n');
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var given = 0;
            while (given < count)
            {
                var line = _headerRead ? _row : _header;
                var n = Math.Min(count - given, line.Length - _at);
                line.CopyTo(_at, buffer, index + given, n);
                (given, _at) = (given + n, _at + n);
                if (_at == line.Length) (_at, _headerRead) = (0, true);
            }
            return given;
        }
    }
}
