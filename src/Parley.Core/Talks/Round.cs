namespace Parley.Core.Talks;

/// <summary>A round of talks: a meeting with dates, a venue, the parties present and what came of it.</summary>
public sealed record Round
{
    /// <summary>Creates a round.</summary>
    /// <exception cref="ArgumentException">Malformed keys or an end before the start.</exception>
    public Round(string id, string title, DateTimeOffset start, DateTimeOffset end, string venue,
        IEnumerable<string> attendees, string outcome = "", Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Title = Text.Require(title, nameof(title));
        if (end < start) throw new ArgumentException($"Round '{id}' ends before it starts.", nameof(end));
        Start = start;
        End = end;
        Venue = venue ?? "";
        Attendees = attendees.Select(a => Key.Require(a, nameof(attendees))).Distinct().ToArray();
        Outcome = outcome ?? "";
        Visibility = visibility;
    }

    /// <summary>The round's key.</summary>
    public string Id { get; }

    /// <summary>Display title.</summary>
    public string Title { get; }

    /// <summary>First day (inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Last day (inclusive).</summary>
    public DateTimeOffset End { get; }

    /// <summary>Where it is held.</summary>
    public string Venue { get; }

    /// <summary>Parties present.</summary>
    public IReadOnlyList<string> Attendees { get; }

    /// <summary>What came of it, in words.</summary>
    public string Outcome { get; }

    /// <summary>Who may see it.</summary>
    public Visibility Visibility { get; }
}

/// <summary>A working group: some parties working some issues between rounds.</summary>
public sealed record WorkingGroup
{
    /// <summary>Creates a working group.</summary>
    /// <exception cref="ArgumentException">Malformed keys or no member.</exception>
    public WorkingGroup(string id, string name, IEnumerable<string> members, IEnumerable<string> issues,
        DateTimeOffset? nextMeeting = null, string venue = "", Visibility visibility = default)
    {
        Id = Key.Require(id, nameof(id));
        Name = Text.Require(name, nameof(name));
        Members = members.Select(m => Key.Require(m, nameof(members))).Distinct().ToArray();
        if (Members.Count == 0) throw new ArgumentException($"Working group '{id}' has no member.", nameof(members));
        Issues = issues.Select(i => Key.Require(i, nameof(issues))).Distinct().ToArray();
        NextMeeting = nextMeeting;
        Venue = venue ?? "";
        Visibility = visibility;
    }

    /// <summary>The group's key.</summary>
    public string Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Member parties.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>Issues it works on.</summary>
    public IReadOnlyList<string> Issues { get; }

    /// <summary>When it meets next, if known.</summary>
    public DateTimeOffset? NextMeeting { get; }

    /// <summary>Where it meets.</summary>
    public string Venue { get; }

    /// <summary>Who may see it.</summary>
    public Visibility Visibility { get; }
}
