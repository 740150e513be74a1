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
    // The elements are _items[_start .. _start + _count); the list may fill _items[_start .. _start + _capacity), a window
    // of an array that another list fills further on (SplitScan's two readings), and takes an array of its own to grow.
    private T[] _items;
    private int _start;
    private int _capacity;
    private int _count;

    /// <param name="capacity">Elements to make room for at once, so that a list whose size is known never regrows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public ValueList(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _items = new T[capacity];
        _capacity = capacity;
    }

    private ValueList(T[] items, int start, int capacity)
    {
        _items = items;
        _start = start;
        _capacity = capacity;
    }

    /// <summary>
    /// Two empty lists filling one array of <paramref name="first"/> + <paramref name="second"/> elements, the first list
    /// from its start and the second after it: when the first takes over the second's elements
    /// (<see cref="TakeOver"/>), they move down within the array rather than into fresh memory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A capacity is negative.</exception>
    public static (ValueList<T> First, ValueList<T> Second) Adjoining(int first, int second)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(second);
        var items = new T[(long)first + second];
        return (new ValueList<T>(items, 0, first), new ValueList<T>(items, first, second));
    }

    /// <summary>Changes an element taken over by <see cref="TakeOver"/> in place.</summary>
    public delegate void Adjust(ref T item);

    /// <summary>Number of elements.</summary>
    public int Count => _count;

    /// <summary>The element at <paramref name="index"/>, by reference (valid until the list next grows).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) ThrowIndex(index);
            return ref _items[_start + index];
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
            return ref _items[_start + _count - 1];
        }
    }

    T IReadOnlyList<T>.this[int index] => this[index];

    /// <summary>Appends <paramref name="item"/>; the array doubles when full.</summary>
    public void Add(in T item)
    {
        if (_count == _capacity) Grow();
        _items[_start + _count++] = item;
    }

    /// <summary>
    /// Appends <paramref name="count"/> elements at once, each the default value, and returns them to be written in place
    /// (valid until the list next grows).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Span<T> Append(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_capacity - _count < count) MoveTo(Math.Max((long)_count + count, Math.Min(2L * _capacity, Array.MaxLength)));
        var added = new Span<T>(_items, _start + _count, count);
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
        if (count < _count) Array.Clear(_items, _start + count, _count - count);
        _count = count;
    }

    /// <summary>Drops every element.</summary>
    public void Clear() => Truncate(0);

    /// <summary>The elements as a span, for a pass over all of them (valid until the list next grows).</summary>
    public Span<T> AsSpan() => new(_items, _start, _count);

    /// <summary>A copy of the elements.</summary>
    public T[] ToArray()
    {
        var copy = new T[_count];
        Array.Copy(_items, _start, copy, 0, _count);
        return copy;
    }

    /// <summary>The elements in order.</summary>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _items[_start + i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Appends <paramref name="tail"/>'s elements from <paramref name="from"/> on, each changed by <paramref name="adjust"/>,
    /// and empties <paramref name="tail"/>. When <paramref name="tail"/> fills the part of this list's array after this list
    /// (<see cref="Adjoining"/>), they move down over the gap between the two, in memory already written; else they are
    /// copied into room appended at the end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is negative or above the tail's count.</exception>
    public void TakeOver(ValueList<T> tail, int from, Adjust adjust)
    {
        if ((uint)from > (uint)tail._count) ThrowIndex(from);
        int n = tail._count - from;
        if (ReferenceEquals(tail._items, _items) && tail._start >= _start + _count)
        {
            int source = tail._start + from, target = _start + _count;
            for (int k = 0; k < n; k++)
            {
                // Downwards, in order: an element is read before anything is written over it.
                _items[target + k] = _items[source + k];
                adjust(ref _items[target + k]);
            }
            // What lay between the new end and the tail's old end is stale now (elements hold references): cleared.
            Array.Clear(_items, target + n, source - target);
            _capacity = Math.Max(_capacity, tail._start + tail._capacity - _start);
            _count += n;
        }
        else
        {
            var into = Append(n);
            for (int k = 0; k < n; k++)
            {
                into[k] = tail._items[tail._start + from + k];
                adjust(ref into[k]);
            }
        }
        // Empty, with no room: should it be added to again, it takes an array of its own.
        tail._start = tail._capacity = tail._count = 0;
    }

    private void Grow() => MoveTo(Math.Clamp(2L * _capacity, 4, Array.MaxLength));

    /// <summary>Moves the elements into an array of their own of <paramref name="capacity"/>.</summary>
    private void MoveTo(long capacity)
    {
        var larger = new T[capacity];
        Array.Copy(_items, _start, larger, 0, _count);
        _items = larger;
        _start = 0;
        _capacity = larger.Length;
    }

    private static void ThrowEmpty() => throw new InvalidOperationException("The list is empty.");

    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the list.");
}
