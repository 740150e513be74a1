using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Talks;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// The spelling of values in scenario files, shared by the reader and the writer so the two cannot drift:
/// enum names, dates and visibilities.
/// </summary>
internal static partial class ScenarioValues
{
    public static readonly ValueNames<PartyRole> Roles = new(
        (PartyRole.Principal, "principal"), (PartyRole.Mediator, "mediator"), (PartyRole.Guarantor, "guarantor"),
        (PartyRole.Observer, "observer"), (PartyRole.Monitor, "monitor"));

    public static readonly ValueNames<Stance> Stances = new(
        (Stance.Preferred, "preferred"), (Stance.Acceptable, "acceptable"), (Stance.Unacceptable, "unacceptable"),
        (Stance.RedLine, "red-line"));

    public static readonly ValueNames<ResponseKind> Answers = new((ResponseKind.Accept, "accept"), (ResponseKind.Reject, "reject"));

    public static readonly ValueNames<TriggerKind> Events = new(
        (TriggerKind.ProposalRejected, "rejected"), (TriggerKind.ProposalExpired, "expired"),
        (TriggerKind.ProposalAccepted, "accepted"), (TriggerKind.ProposalWithdrawn, "withdrawn"));

    public static readonly ValueNames<ActionKind> Actions = new((ActionKind.Commit, "commit"), (ActionKind.Request, "request"));

    /// <summary>
    /// Parses <c>2025-12-15</c> (midnight UTC) or an ISO 8601 date-time with an explicit offset
    /// (<c>2025-12-15T14:30Z</c>, <c>2025-12-15T14:30:05.5+01:00</c>). A date-time without offset is refused:
    /// it would silently depend on the reader's time zone.
    /// </summary>
    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        value = default;
        var m = DatePattern().Match(text);
        if (!m.Success) return false;
        if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        if (!m.Groups["time"].Success)
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        var timeText = m.Groups["time"].Value;
        var timeFormat = timeText.Length switch { 5 => "HH:mm", 8 => "HH:mm:ss", _ => "HH:mm:ss.FFFFFFF" };
        if (!TimeOnly.TryParseExact(timeText, timeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return false;
        var offset = TimeSpan.Zero;
        if (m.Groups["zone"].Value != "Z")
        {
            var zone = m.Groups["zone"].Value;
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59) return false;
            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        }
        value = new DateTimeOffset(date.ToDateTime(time), offset);
        return true;
    }

    /// <summary>The shortest spelling <see cref="TryParseDate"/> reads back to the same instant and offset.</summary>
    public static string FormatDate(DateTimeOffset value)
    {
        var date = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (value.Offset == TimeSpan.Zero && value.TimeOfDay == TimeSpan.Zero) return date;
        var time = value.TimeOfDay;
        var timeText = time.Ticks % TimeSpan.TicksPerSecond != 0 ? value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
            : time.Seconds != 0 ? value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : value.ToString("HH:mm", CultureInfo.InvariantCulture);
        var zone = value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture);
        return $"{date}T{timeText}{zone}";
    }

    /// <summary>Parses <c>shared</c>, <c>mediator</c> or <c>party:ID</c>.</summary>
    public static bool TryParseVisibility(string text, out Visibility value)
    {
        value = default;
        switch (text)
        {
            case "shared": value = Visibility.Shared; return true;
            case "mediator": value = Visibility.MediatorOnly; return true;
        }
        if (!text.StartsWith("party:", StringComparison.Ordinal) || !Key.IsValid(text[6..])) return false;
        value = Visibility.PrivateTo(text[6..]);
        return true;
    }

    /// <summary>The spelling of a visibility: <c>shared</c>, <c>mediator</c> or <c>party:ID</c>.</summary>
    public static string FormatVisibility(Visibility value) => value.Scope switch
    {
        VisibilityScope.Party => $"party:{value.Party}",
        VisibilityScope.Mediator => "mediator",
        _ => "shared",
    };

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(T(?<time>\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<zone>Z|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex DatePattern();

    /// <summary>
    /// Durations as "72h", "30m", "7d", "45s", combinations like "1d12h", or ISO 8601 ("PT72H"); false for anything
    /// else, including more than a <see cref="TimeSpan"/> holds.
    /// </summary>
    public static bool TryParseDuration(string s, out TimeSpan duration)
    {
        try
        {
            return TryDurationUnchecked(s, out duration);
        }
        catch (OverflowException)
        {
            duration = TimeSpan.Zero;
            return false; // more digits or days than a TimeSpan holds: not a duration a commitment can mean
        }
    }

    private static bool TryDurationUnchecked(string s, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (s.StartsWith('P'))
        {
            try { duration = System.Xml.XmlConvert.ToTimeSpan(s); return true; }
            catch (FormatException) { return false; }
        }
        var number = 0L;
        var any = false;
        var digits = false;
        foreach (var c in s.ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c)) { number = checked(number * 10 + (c - '0')); digits = true; continue; }
            if (!digits) return false;
            var unit = c switch { 'd' => TimeSpan.FromDays(1), 'h' => TimeSpan.FromHours(1), 'm' => TimeSpan.FromMinutes(1), 's' => TimeSpan.FromSeconds(1), _ => TimeSpan.Zero };
            if (unit == TimeSpan.Zero || number > 1_000_000) return false;
            duration += unit * number;
            number = 0;
            digits = false;
            any = true;
        }
        return any && !digits;
    }
}

/// <summary>A two-way table between enum members and their spelling in scenario files.</summary>
internal sealed class ValueNames<T> where T : struct, Enum
{
    private readonly (T Value, string Name)[] _pairs;

    public ValueNames(params (T Value, string Name)[] pairs) => _pairs = pairs;

    /// <summary>Every spelling, in declaration order, for error messages.</summary>
    public string Allowed => string.Join(", ", _pairs.Select(p => p.Name));

    public bool TryParse(string name, out T value)
    {
        foreach (var (v, n) in _pairs)
            if (n == name) { value = v; return true; }
        value = default;
        return false;
    }

    public string Name(T value)
    {
        foreach (var (v, n) in _pairs)
            if (EqualityComparer<T>.Default.Equals(v, value)) return n;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"No scenario spelling for {typeof(T).Name}.{value}.");
    }
}
