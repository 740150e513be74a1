using System.Globalization;
using Parley.Core;
using Parley.Core.Guarantees;
using Parley.Data.Guarantees;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;

namespace Parley.Server.Guarantees;

/// <summary>
/// The filters of a list of incident reports as the query string carries them — the API's <c>GET …/incidents</c> and
/// the guarantees page alike, so a view of the desk is a URL that can be shared: <c>state</c> (reported, under-review,
/// verified, rejected, or waiting for the first two), <c>type</c> (event type), <c>region</c> (admin1), <c>party</c>
/// (held responsible by a verification), <c>from</c> and <c>to</c> (UTC days yyyy-MM-dd, inclusive), <c>q</c> (text),
/// <c>sort</c> (newest, oldest, deaths, region, type). Every value is checked: a bad one is a 400 naming its field.
/// </summary>
public sealed record IncidentListInput(string? State = null, string? Type = null, string? Region = null, string? Party = null,
    string? From = null, string? To = null, string? Q = null, string? Sort = null)
{
    /// <summary>The words <c>state</c> takes, in the order the page offers them.</summary>
    public static readonly IReadOnlyList<string> StateWords = ["waiting", "reported", "under-review", "verified", "rejected"];

    /// <summary>The words <c>sort</c> takes.</summary>
    public static readonly IReadOnlyList<string> SortWords = ["newest", "oldest", "deaths", "region", "type"];

    /// <summary>The criteria.</summary>
    /// <param name="parties">The negotiation's party ids: <c>party</c> must be one of them.</param>
    /// <exception cref="InvalidInputException">A value that does not read, named by its field.</exception>
    public IncidentFilter Filter(IEnumerable<string> parties)
    {
        IReadOnlyList<VerificationState>? states = Blank(State) ? null : State!.Trim().ToLowerInvariant() switch
        {
            "waiting" => [VerificationState.Reported, VerificationState.UnderReview],
            "reported" => [VerificationState.Reported],
            "under-review" or "under_review" or "underreview" => [VerificationState.UnderReview],
            "verified" => [VerificationState.Verified],
            "rejected" => [VerificationState.Rejected],
            _ => throw new InvalidInputException("state", $"'{State}' is not one of {string.Join(", ", StateWords)}"),
        };
        if (!Blank(Party) && !parties.Contains(Party!.Trim(), StringComparer.Ordinal))
            throw new InvalidInputException("party", $"'{Party}' is not a party of the negotiation");
        var from = Day(From, "from");
        var to = Day(To, "to");
        try
        {
            return new IncidentFilter(states, Type, Region, Party, from, to, Q);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(e.ParamName ?? "q", e.Reason());
        }
    }

    /// <summary>The order (<c>sort</c>; newest when absent).</summary>
    /// <exception cref="InvalidInputException">An unknown order.</exception>
    public IncidentSort Order(IncidentSort fallback = IncidentSort.Newest) => Blank(Sort) ? fallback : Sort!.Trim().ToLowerInvariant() switch
    {
        "newest" => IncidentSort.Newest,
        "oldest" => IncidentSort.Oldest,
        "deaths" => IncidentSort.Deaths,
        "region" => IncidentSort.Region,
        "type" => IncidentSort.EventType,
        _ => throw new InvalidInputException("sort", $"'{Sort}' is not one of {string.Join(", ", SortWords)}"),
    };

    /// <summary>
    /// The query string of these filters with <paramref name="extra"/> pairs after them, blank values left out
    /// (<c>?region=Kharkiv&amp;from=2025-12-22</c>, or empty).
    /// </summary>
    public string QueryString(params (string Name, string? Value)[] extra)
    {
        var pairs = new (string Name, string? Value)[]
            { ("state", State), ("type", Type), ("region", Region), ("party", Party), ("from", From), ("to", To), ("q", Q), ("sort", Sort) }
            .Concat(extra).Where(p => !Blank(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}").ToArray();
        return pairs.Length == 0 ? "" : "?" + string.Join("&", pairs);
    }

    /// <summary>True when no filter is set (the order aside).</summary>
    public bool IsEmpty => new[] { State, Type, Region, Party, From, To, Q }.All(Blank);

    /// <summary>A positive whole number from the query string, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="InvalidInputException">Not a whole number in [<paramref name="min"/>, <paramref name="max"/>].</exception>
    public static int Number(string? text, string field, int fallback, int min, int max)
    {
        if (Blank(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new InvalidInputException(field, $"'{text}' is not a whole number from {min} to {max}");
        return n;
    }

    private static DateOnly? Day(string? text, string field)
    {
        if (Blank(text)) return null;
        return DateOnly.TryParseExact(text!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new InvalidInputException(field, $"'{text}' is not a day (yyyy-MM-dd)");
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
