using System.Globalization;
using Parley.Core.Settlement;

namespace Parley.Server.Components.Settlement;

/// <summary>How the settlement page names solutions and writes utilities.</summary>
public static class SettlementText
{
    /// <summary>"Nash", "Kalai–Smorodinsky", "egalitarian", "utilitarian".</summary>
    public static string Name(BargainingSolution s) => s switch
    {
        BargainingSolution.Nash => "Nash",
        BargainingSolution.KalaiSmorodinsky => "Kalai–Smorodinsky",
        BargainingSolution.Egalitarian => "egalitarian",
        _ => "utilitarian",
    };

    /// <summary>A utility to three decimals.</summary>
    public static string Utility(double u) => u.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A gain with its sign.</summary>
    public static string Gain(double u) => u.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);
}
