using System.Collections;

namespace Parley.Core.Drafting;

/// <summary>
/// A growable array of values: an array and a count, the elements reached by reference so that one field of a stored
/// bracket or provision can change in place. The scanner's lists (hundreds of thousands of brackets and provisions in a
/// large draft) are these rather than <see cref="List{T}"/> for a cold start's sake: the framework's generic code
/// instantiated over Parley's own structs (<c>List&lt;Bracket&gt;.Add</c>, <c>CollectionsMarshal.AsSpan</c>, the
/// <c>ReadOnlyCollection</c> indexer) lies outside Parley.Core's ReadyToRun image, so a published <c>parley</c> first ran
/// it unoptimised and compiled it twice; this type's code is Parley.Core's own and is precompiled with it. Its members
/// therefore call no generic framework method over <typeparamref name="T"/> on the way to an element (no span, no
/// <c>Array.Resize</c>). Read-only to the outside as <see cref="IReadOnlyList{T}"/>: a parsed document hands out the
/// scanner's list without copying it, and nothing changes it after the parse.
/// </summary>
/// <typeparam name="T">The element, a value type.</typeparam>
internal sealed class ValueList<T> : IReadOnlyList<T>
    where T : struct
{
    private T[] _items;
    private int _count;

    /// <param name="capacity">Elements to make room for at once, so that a list whose size is known never regrows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public ValueList(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _items = new T[capacity];
    }

    /// <summary>Number of elements.</summary>
    public int Count => _count;

    /// <summary>The element at <paramref name="index"/>, by reference (valid until the list next grows).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) ThrowIndex(index);
            return ref _items[index];
        }
    }

    /// <summary>The last element, by reference.</summary>
    /// <exception cref="InvalidOperationException">The list is empty.</exception>
    public ref T Last
    {
        get
        {
            // The throw is in a method of its own so that this getter stays small enough to be inlined.
            if (_count == 0) ThrowEmpty();
            return ref _items[_count - 1];
        }
    }

    T IReadOnlyList<T>.this[int index] => this[index];

    /// <summary>Appends <paramref name="item"/>; the array doubles when full.</summary>
    public void Add(in T item)
    {
        if (_count == _items.Length) Grow();
        _items[_count++] = item;
    }

    /// <summary>
    /// Appends <paramref name="count"/> elements at once, each the default value, and returns them to be written in place
    /// (valid until the list next grows).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Span<T> Append(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_items.Length - _count < count)
        {
            var larger = new T[Math.Max((long)_count + count, Math.Min(2L * _items.Length, Array.MaxLength))];
            Array.Copy(_items, larger, _count);
            _items = larger;
        }
        var added = new Span<T>(_items, _count, count);
        _count += count;
        return added;
    }

    /// <summary>Appends the elements of <paramref name="items"/>.</summary>
    public void AddRange(ReadOnlySpan<T> items) => items.CopyTo(Append(items.Length));

    /// <summary>Keeps the first <paramref name="count"/> elements and drops the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="Count"/>.</exception>
    public void Truncate(int count)
    {
        if ((uint)count > (uint)_count) ThrowIndex(count);
        // Dropped elements may hold references (a bracket's parties): clear them so that they do not keep those alive.
        if (count < _count) Array.Clear(_items, count, _count - count);
        _count = count;
    }

    /// <summary>Drops every element.</summary>
    public void Clear() => Truncate(0);

    /// <summary>The elements as a span, for a pass over all of them (valid until the list next grows).</summary>
    public Span<T> AsSpan() => new(_items, 0, _count);

    /// <summary>A copy of the elements.</summary>
    public T[] ToArray()
    {
        var copy = new T[_count];
        Array.Copy(_items, copy, _count);
        return copy;
    }

    /// <summary>The elements in order.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Grow()
    {
        var larger = new T[Math.Clamp(2L * _items.Length, 4, Array.MaxLength)];
        Array.Copy(_items, larger, _count);
        _items = larger;
    }

    private static void ThrowEmpty() => throw new InvalidOperationException("The list is empty.");

    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the list.");
}
