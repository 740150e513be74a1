using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Settlement;

/// <summary>How an issue's options arise.</summary>
public enum IssueKind
{
    /// <summary>A list of named options.</summary>
    Discrete,

    /// <summary>Every integer from a lower to an upper bound, both included.</summary>
    Integer,

    /// <summary>A real range cut explicitly into evenly spaced points, both bounds included.</summary>
    RealDiscretised,
}

/// <summary>
/// One issue on the table: a name and the finite list of options a settlement can choose from.
/// Options are addressed by their zero-based position in <see cref="Options"/>.
/// </summary>
/// <remarks>
/// Integer and real issues keep the number each option stands for in <see cref="Numbers"/>; a real range is
/// never enumerated implicitly — the caller says how many points it is cut into.
/// </remarks>
public sealed record SettlementIssue
{
    private SettlementIssue(string name, IssueKind kind, ImmutableArray<string> options, ImmutableArray<double> numbers)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An issue needs a name.", nameof(name));
        if (options.Length == 0) throw new ArgumentException($"Issue '{name}' has no options.", nameof(options));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in options)
        {
            if (o is null) throw new ArgumentException($"Issue '{name}' has a null option.", nameof(options));
            if (!seen.Add(o)) throw new ArgumentException($"Issue '{name}' lists option '{o}' twice.", nameof(options));
        }

        Name = name;
        Kind = kind;
        Options = options;
        Numbers = numbers;
    }

    /// <summary>The issue's name, unique within its outcome space.</summary>
    public string Name { get; }

    /// <summary>How the options arise.</summary>
    public IssueKind Kind { get; }

    /// <summary>The option labels, distinct, in their given order.</summary>
    public ImmutableArray<string> Options { get; }

    /// <summary>For integer and discretised real issues, the number each option stands for; empty for discrete issues.</summary>
    public ImmutableArray<double> Numbers { get; }

    /// <summary>How many options the issue has.</summary>
    public int Count => Options.Length;

    /// <summary>Creates a discrete issue from distinct option labels.</summary>
    /// <exception cref="ArgumentException">No options, a blank name, or a repeated label.</exception>
    public static SettlementIssue Discrete(string name, IEnumerable<string> options) =>
        new(name, IssueKind.Discrete, [.. options], []);

    /// <summary>Creates an integer issue with one option per integer in [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <exception cref="ArgumentException"><paramref name="upper"/> is below <paramref name="lower"/> or the range exceeds 1,000,000 values.</exception>
    public static SettlementIssue Integer(string name, long lower, long upper)
    {
        if (upper < lower) throw new ArgumentException($"Issue '{name}': upper bound {upper} is below lower bound {lower}.", nameof(upper));
        if (upper - lower >= 1_000_000) throw new ArgumentException($"Issue '{name}': {upper - lower + 1} integer values are too many to list; discretise it.", nameof(upper));
        var numbers = Enumerable.Range(0, (int)(upper - lower + 1)).Select(i => (double)(lower + i)).ToImmutableArray();
        return new(name, IssueKind.Integer, [.. numbers.Select(n => ((long)n).ToString(CultureInfo.InvariantCulture))], numbers);
    }

    /// <summary>
    /// Creates a real issue cut into <paramref name="points"/> evenly spaced values
    /// lower + k·(upper − lower)/(points − 1), k = 0…points − 1 (a single point when lower = upper).
    /// </summary>
    /// <exception cref="ArgumentException">Bounds not finite or reversed, or fewer than two points for a proper range.</exception>
    public static SettlementIssue RealDiscretised(string name, double lower, double upper, int points)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || upper < lower)
            throw new ArgumentException($"Issue '{name}': the range [{lower}, {upper}] is not a finite range.", nameof(upper));
        if (upper > lower && points < 2) throw new ArgumentException($"Issue '{name}': a real range needs at least two points.", nameof(points));
        var n = upper > lower ? points : 1;
        var numbers = Enumerable.Range(0, n).Select(k => n == 1 ? lower : lower + k * (upper - lower) / (n - 1)).ToImmutableArray();
        return new(name, IssueKind.RealDiscretised, [.. numbers.Select(x => x.ToString("R", CultureInfo.InvariantCulture))], numbers);
    }

    /// <summary>The position of the option labelled <paramref name="label"/>, or −1.</summary>
    public int IndexOf(string label) => Options.IndexOf(label, StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Equals(SettlementIssue? other) =>
        other is not null && Name == other.Name && Kind == other.Kind &&
        Options.SequenceEqual(other.Options) && Numbers.SequenceEqual(other.Numbers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Options.Length);
}
