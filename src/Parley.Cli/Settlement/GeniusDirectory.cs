using Parley.Core.Formats;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Cli.Settlement;

/// <summary>
/// A loaded GENIUS folder: the space and either a linear or a nonlinear problem, what was read leniently (warnings),
/// which files were skipped (notes), and GENIUS's own frontier when the folder ships <c>pareto.xml</c>.
/// </summary>
internal sealed record GeniusFolder(
    OutcomeSpace Space,
    SettlementProblem? Linear,
    NonlinearProblem? Nonlinear,
    IReadOnlyList<SourceProblem> Warnings,
    IReadOnlyList<string> Notes,
    IReadOnlyList<double[]>? Reference,
    string? ReferenceFile);

/// <summary>Loads a GENIUS domain folder: the domain file and the chosen profile files.</summary>
internal static class GeniusDirectory
{
    /// <summary>
    /// Loads <paramref name="dir"/>. Sidecars (<c>pareto.xml</c>, other XML) are skipped with a note; a
    /// <c>pareto.xml</c> that parses becomes the reference frontier. Without <paramref name="profiles"/>, the first two
    /// profile files in ordinal file-name order are used; with them, and several domains in the folder, the domain whose
    /// issues the first profile names. Several domains and no <paramref name="profiles"/>: the error lists, per domain,
    /// the <c>--profiles</c> that would choose it.
    /// </summary>
    /// <exception cref="SettleInputException">Missing folder or file, no domain, several domains without --profiles, no profile, or linear and nonlinear profiles mixed.</exception>
    /// <exception cref="SourceProblemException">A file cannot be read as GENIUS XML.</exception>
    public static GeniusFolder Load(string dir, IReadOnlyList<string>? profiles, GeniusReadOptions options)
    {
        if (!Directory.Exists(dir)) throw new SettleInputException($"no such folder: {dir}");
        var warnings = new List<SourceProblem>();
        var notes = new List<string>();
        var files = Directory.GetFiles(dir, "*.xml").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var kinds = new Dictionary<string, GeniusFileKind>();
        IReadOnlyList<double[]>? reference = null;
        string? referenceFile = null;
        foreach (var f in files)
        {
            var name = Path.GetFileName(f);
            var bytes = File.ReadAllBytes(f);
            var kind = GeniusXmlReader.Classify(bytes, name);
            kinds[f] = kind;
            if (kind == GeniusFileKind.OtherXml) notes.Add($"{name}: skipped (XML, but not a GENIUS domain or profile)");
            else if (kind == GeniusFileKind.ParetoSidecar)
            {
                try
                {
                    reference = GeniusParetoFile.Read(bytes, name);
                    referenceFile = name;
                    notes.Add($"{name}: skipped as a domain or profile; read as GENIUS's reference frontier ({reference.Count} points)");
                }
                catch (SourceProblemException e)
                {
                    notes.Add($"{name}: skipped (not XML, and not a utility list either: {e.Message})");
                }
            }
        }

        var domains = files.Where(f => kinds[f] == GeniusFileKind.Domain).ToList();
        var profileFiles = files.Where(f => kinds[f] is GeniusFileKind.Profile or GeniusFileKind.NonlinearProfile).ToList();
        var constraintFiles = files.Where(f => kinds[f] == GeniusFileKind.ConstraintProfile).ToList();
        var chosen = profiles is { Count: > 0 } ? profiles.Select(p => Resolve(dir, p)).ToList() : null;
        // A constraint profile is refused only when it would be used: named in --profiles, or the folder has no other profile.
        var refused = chosen?.FirstOrDefault(c => constraintFiles.Any(f => Path.GetFullPath(f) == Path.GetFullPath(c)))
            ?? (chosen is null && profileFiles.Count == 0 ? constraintFiles.FirstOrDefault() : null);
        if (refused is not null) throw GeniusXmlReader.ConstraintSpaceRefusal(File.ReadAllBytes(refused), Path.GetFileName(refused));
        notes.AddRange(constraintFiles.Select(f => $"{Path.GetFileName(f)}: skipped (a GENIUS constraint utility space: ranks and constraints, not supported)"));
        if (domains.Count == 0) throw new SettleInputException($"no domain file (an XML without weights, evaluations or rectangles) in {dir}");
        var domain = domains.Count == 1 ? domains[0] : Pick(dir, domains, profileFiles, chosen, options);
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(domain), Path.GetFileName(domain), options, warnings);
        if (chosen is null)
        {
            var fitting = profileFiles.Where(f => domains.Count == 1 || SameIssues(space, f, options)).ToList();
            chosen = [.. fitting.Take(2)];
            if (fitting.Count > chosen.Count)
                notes.Add($"{fitting.Count} profiles in the folder; settling the first {chosen.Count} in file-name order ({string.Join(", ", chosen.Select(Path.GetFileName))}); choose others with --profiles");
        }

        if (chosen.Count == 0) throw new SettleInputException($"no profile files in {dir}");

        var nonlinear = chosen.Select(f => GeniusNonlinearReader.IsNonlinear(File.ReadAllBytes(f), Path.GetFileName(f))).ToList();
        if (nonlinear.Distinct().Count() > 1)
            throw new SettleInputException("the chosen profiles mix linear and nonlinear (hyperRectangle) utility spaces; GENIUS negotiates within one kind");
        try
        {
            if (nonlinear[0])
            {
                var loaded = chosen.Select(f => GeniusNonlinearReader.ReadProfile(File.ReadAllBytes(f), Path.GetFileName(f), space, Path.GetFileNameWithoutExtension(f), warnings)).ToList();
                return new GeniusFolder(space, null, new NonlinearProblem(space, loaded), warnings, notes, reference, referenceFile);
            }

            var linear = chosen.Select(f => GeniusXmlReader.ReadProfile(File.ReadAllBytes(f), Path.GetFileName(f), space, Path.GetFileNameWithoutExtension(f), warnings)).ToList();
            return new GeniusFolder(space, new SettlementProblem(space, linear), null, warnings, notes, reference, referenceFile);
        }
        catch (ArgumentException e)
        {
            throw new SettleInputException(e.Message);
        }
    }

    /// <summary>Several domains: the one the first chosen profile fits, or an error listing the candidates.</summary>
    private static string Pick(string dir, List<string> domains, List<string> profiles, List<string>? chosen, GeniusReadOptions options)
    {
        var spaces = domains.ToDictionary(d => d, d => GeniusXmlReader.ReadDomain(File.ReadAllBytes(d), Path.GetFileName(d), options));
        if (chosen is not null)
            return domains.FirstOrDefault(d => SameIssues(spaces[d], chosen[0], options))
                ?? throw new SettleInputException($"none of the domains in {dir} ({string.Join(", ", domains.Select(Path.GetFileName))}) has the issues of {Path.GetFileName(chosen[0])}");
        var lines = domains.Select(d =>
        {
            var fits = profiles.Where(p => SameIssues(spaces[d], p, options)).Select(Path.GetFileName).ToList();
            return fits.Count == 0 ? $"  {Path.GetFileName(d)}: no profile in the folder fits it" : $"  {Path.GetFileName(d)}: --profiles {string.Join(",", fits)}";
        });
        throw new SettleInputException($"{dir} holds {domains.Count} domains; choose one by its profiles:\n{string.Join("\n", lines)}");
    }

    /// <summary>True when the profile names exactly the issues of <paramref name="space"/>.</summary>
    private static bool SameIssues(OutcomeSpace space, string profile, GeniusReadOptions options)
    {
        try
        {
            var own = GeniusXmlReader.ReadDomain(File.ReadAllBytes(profile), Path.GetFileName(profile), options);
            return own.Issues.Select(i => i.Name).Order(StringComparer.Ordinal).SequenceEqual(space.Issues.Select(i => i.Name).Order(StringComparer.Ordinal));
        }
        catch (SourceProblemException)
        {
            return false;
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
