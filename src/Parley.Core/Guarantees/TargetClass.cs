namespace Parley.Core.Guarantees;

/// <summary>
/// Target classes a ceasefire term can protect, as lowercase keys. Other keys are allowed (a term may name its
/// own); these are the ones Parley and its importers use.
/// </summary>
public static class TargetClass
{
    /// <summary>Civilians and civilian objects; ACLED's civilian_targeting column and UCDP one-sided violence set it.</summary>
    public const string Civilians = "civilians";
    /// <summary>Power plants, substations, grid, gas and heating infrastructure.</summary>
    public const string EnergyInfrastructure = "energy-infrastructure";
    /// <summary>Military positions, personnel and equipment.</summary>
    public const string Military = "military";
    /// <summary>Nuclear facilities (e.g. the Zaporizhzhia plant).</summary>
    public const string Nuclear = "nuclear";
    /// <summary>Ports, rail, bridges and other transport.</summary>
    public const string Transport = "transport";

    /// <summary>Lowercases, trims and joins words with hyphens ("Energy infrastructure" → "energy-infrastructure").</summary>
    /// <exception cref="ArgumentException">The key is blank.</exception>
    public static string Normalize(string key)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("A target class is not blank.", nameof(key));
        return string.Join('-', key.Trim().ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
    }
}
