using System.Collections.Immutable;

namespace Parley.Core.Settlement;

/// <summary>
/// A package: the zero-based option chosen on each issue of an <see cref="OutcomeSpace"/>, in issue order.
/// Two outcomes are equal when they choose the same options.
/// </summary>
public sealed class Outcome : IEquatable<Outcome>
{
    private readonly ImmutableArray<int> _choices;

    /// <summary>Creates an outcome from option positions; the space checks their range.</summary>
    /// <exception cref="ArgumentException">A negative option index.</exception>
    public Outcome(IEnumerable<int> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _choices = [.. choices];
        foreach (var c in _choices)
            if (c < 0) throw new ArgumentException("Option indices are never negative.", nameof(choices));
    }

    /// <summary>The option chosen on issue <paramref name="issue"/>.</summary>
    public int this[int issue] => _choices[issue];

    /// <summary>The number of issues.</summary>
    public int Count => _choices.Length;

    /// <summary>The choices in issue order.</summary>
    public ImmutableArray<int> Choices => _choices;

    /// <summary>A copy with issue <paramref name="issue"/> set to <paramref name="option"/>.</summary>
    public Outcome With(int issue, int option) => new(_choices.SetItem(issue, option));

    /// <inheritdoc />
    public bool Equals(Outcome? other) => other is not null && _choices.AsSpan().SequenceEqual(other._choices.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Outcome);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var c in _choices) h.Add(c);
        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _choices) + "]";
}
