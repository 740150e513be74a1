using System.Text;

namespace Parley.Benchmarks.Drafting;

/// <summary>The Paris negotiating text of 23 Oct 2015 from tests/data/ (a copy of ../shared/data)/drafts, repeated to a target size.</summary>
internal static class DraftCorpus
{
    public static string Paris()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                return File.ReadAllText(Path.Combine(dir.FullName, "tests", "data", "drafts", "cop21-2015-10-23.md"));
        }
        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies of <paramref name="text"/> separated by blank lines until at least <paramref name="chars"/> characters.</summary>
    public static string Repeat(string text, int chars)
    {
        var sb = new StringBuilder(chars + text.Length);
        while (sb.Length < chars) sb.Append(text).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>
    /// A later version: with a fixed seed, about one paragraph in ten is edited — a bracket lifted, a word replaced or a
    /// bracketed alternative dropped — the kind of change between two days of talks.
    /// </summary>
    public static string Edit(string text, int seed)
    {
        var random = new Random(seed);
        var paragraphs = text.Split("\n\n");
        for (int i = 0; i < paragraphs.Length; i++)
        {
            if (random.Next(10) != 0) continue;
            string p = paragraphs[i];
            paragraphs[i] = random.Next(3) switch
            {
                0 => ReplaceFirst(ReplaceFirst(p, "[", ""), "]", ""),
                1 => ReplaceFirst(p, " shall ", " should "),
                _ => ReplaceFirst(p, "][", "] ["),
            };
        }
        return string.Join("\n\n", paragraphs);
    }

    private static string ReplaceFirst(string s, string what, string with)
    {
        int k = s.IndexOf(what, StringComparison.Ordinal);
        return k < 0 ? s : string.Concat(s.AsSpan(0, k), with, s.AsSpan(k + what.Length));
    }
}
