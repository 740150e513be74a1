namespace Parley.Core.Drafting;

/// <summary>
/// The attribution header that may open a bracket: party codes and at most one <c>#option</c> id, separated by commas,
/// slashes or spaces, ended by a colon and a blank — <c>[UA: …]</c>, <c>[UA, EU: …]</c>, <c>[#freeze UA: …]</c>. A party
/// code is 2–12 characters: a capital letter, then capitals, digits or hyphens (<c>RU</c>, <c>G77</c>, <c>AOSIS</c>). An
/// option id is <c>#</c> then letters, digits, <c>-</c>, <c>_</c> or <c>.</c>.
/// </summary>
internal static class BracketHeader
{
    /// <summary>Reads a header starting at <paramref name="p"/> (just after the <c>[</c>); null when there is none.</summary>
    public static (string[] Parties, string? Option, int ContentStart)? Read(string t, int p)
    {
        int n = t.Length;
        if (p >= n || !(char.IsAsciiLetterUpper(t[p]) || t[p] == '#')) return null;
        List<string>? parties = null;
        string? option = null;
        int q = p;
        while (true)
        {
            int start = q;
            if (q < n && t[q] == '#')
            {
                q++;
                while (q < n && (char.IsAsciiLetterOrDigit(t[q]) || t[q] is '-' or '_' or '.')) q++;
                if (q - start < 2 || option is not null) return null;
                option = t[(start + 1)..q];
            }
            else if (q < n && char.IsAsciiLetterUpper(t[q]))
            {
                q++;
                while (q < n && (char.IsAsciiLetterUpper(t[q]) || char.IsAsciiDigit(t[q]) || t[q] == '-')) q++;
                if (q - start is < 2 or > 12) return null;
                (parties ??= []).Add(t[start..q]);
            }
            else
            {
                return null;
            }
            if (q + 1 < n && t[q] == ':' && (t[q + 1] == ' ' || t[q + 1] == '\t')) return (parties?.ToArray() ?? [], option, q + 1);
            int sep = q;
            while (q < n && t[q] is ',' or '/' or ' ') q++;
            if (q == sep) return null;
        }
    }
}
