using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;

namespace Parley.Cli.Settlement;

/// <summary>Loads a GENIUS domain folder: the one domain file and the chosen profile files.</summary>
internal static class GeniusDirectory
{
    /// <summary>
    /// Loads <paramref name="dir"/>. Without <paramref name="profiles"/>, takes the folder's profile files in ordinal
    /// file-name order and uses the first two. Profile names may be file names inside the folder or paths.
    /// </summary>
    /// <exception cref="SettleInputException">Missing folder or file, no or several domain files, fewer than one profile.</exception>
    /// <exception cref="GeniusFormatException">A file cannot be read as GENIUS XML.</exception>
    public static SettlementProblem Load(string dir, IReadOnlyList<string>? profiles, GeniusReadOptions options)
    {
        if (!Directory.Exists(dir)) throw new SettleInputException($"no such folder: {dir}");
        var files = Directory.GetFiles(dir, "*.xml").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var kinds = files.ToDictionary(f => f, f => GeniusXmlReader.IsProfile(File.ReadAllBytes(f), Path.GetFileName(f)));
        var domains = files.Where(f => !kinds[f]).ToList();
        if (domains.Count == 0) throw new SettleInputException($"no domain file (an XML without weights or evaluations) in {dir}");
        if (domains.Count > 1) throw new SettleInputException($"several domain files in {dir}: {string.Join(", ", domains.Select(Path.GetFileName))}");
        var domain = domains[0];
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(domain), Path.GetFileName(domain), options);

        var chosen = profiles is { Count: > 0 }
            ? profiles.Select(p => Resolve(dir, p)).ToList()
            : files.Where(f => kinds[f]).Take(2).ToList();
        if (chosen.Count == 0) throw new SettleInputException($"no profile files in {dir}");
        var loaded = chosen.Select(f => GeniusXmlReader.ReadProfile(File.ReadAllBytes(f), Path.GetFileName(f), space, Path.GetFileNameWithoutExtension(f))).ToList();
        try
        {
            return new SettlementProblem(space, loaded);
        }
        catch (ArgumentException e)
        {
            throw new SettleInputException(e.Message);
        }
    }

    private static string Resolve(string dir, string name)
    {
        var path = Path.IsPathRooted(name) || File.Exists(name) && !File.Exists(Path.Combine(dir, name)) ? name : Path.Combine(dir, name);
        if (!File.Exists(path)) throw new SettleInputException($"no such profile file: {name}");
        return path;
    }
}

/// <summary>Bad input to <c>parley settle</c> that is the user's to fix (shown without a stack trace).</summary>
internal sealed class SettleInputException(string message) : Exception(message);
