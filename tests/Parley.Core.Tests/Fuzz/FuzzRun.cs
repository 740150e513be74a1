using System.Diagnostics;
using System.Globalization;

namespace Parley.Core.Tests.Fuzz;

/// <summary>One parser under fuzzing: how an input is made from a seeded random, and the oracle that checks the parser's answer.</summary>
/// <param name="Name">Names the target in reports and replay files.</param>
/// <param name="Generate">Makes one input and says which mutations made it.</param>
/// <param name="Check">Runs the parser on the input; returns normally when the answer is a result or a documented error
/// with its position, throws anything else.</param>
public sealed record FuzzTarget(string Name, Func<Random, (byte[] Input, string Applied)> Generate, Action<byte[]> Check);

/// <summary>An answer that breaks the oracle: a result with no position, or an error of the wrong kind.</summary>
public sealed class OracleException(string message) : Exception(message);

/// <summary>
/// Runs a target over a seeded, deterministic stream of inputs. Input <c>i</c> of seed <c>s</c> comes from its own
/// <see cref="Random"/>, so any one input is replayed alone (<c>PARLEY_FUZZ_SEED=s PARLEY_FUZZ_INDEX=i</c>). A failure
/// is any exception the oracle does not allow, or an input taking longer than <see cref="HangAfter"/>; it is reported
/// with target, seed, index and the mutations, and the input is written to <c>$TMP/parley-fuzz/</c>.
/// </summary>
/// <remarks>
/// Environment: <c>PARLEY_FUZZ_SEED</c> (default 13), <c>PARLEY_FUZZ_INPUTS</c> (inputs per target, default 150: the CI
/// size), <c>PARLEY_FUZZ_INDEX</c> (replay one input), <c>PARLEY_FUZZ_REPORT</c> (a file each run appends its counts to).
/// </remarks>
public static class FuzzRun
{
    /// <summary>The per-input hang guard: 2 s, a hundred times what a real file takes.</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(2);

    /// <summary>The seed of this run.</summary>
    public static int Seed => Env("PARLEY_FUZZ_SEED", 13);

    /// <summary>Inputs per target in this run.</summary>
    public static int Inputs(int ciDefault) => Env("PARLEY_FUZZ_INPUTS", ciDefault);

    /// <summary>Runs <paramref name="target"/>; fails the test with every failing input's replay line.</summary>
    public static void Execute(FuzzTarget target, int ciInputs = 150)
    {
        var seed = Seed;
        var only = Environment.GetEnvironmentVariable("PARLEY_FUZZ_INDEX");
        var indices = only is null ? Enumerable.Range(0, Inputs(ciInputs)) : [int.Parse(only, CultureInfo.InvariantCulture)];
        var failures = new List<string>();
        var (count, hangs, crashes) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        foreach (var i in indices)
        {
            var random = new Random(InputSeed(seed, target.Name, i));
            var (input, applied) = target.Generate(random);
            count++;
            var run = Task.Factory.StartNew(() => target.Check(input), TaskCreationOptions.LongRunning);
            string? failure = null;
            try
            {
                if (!run.Wait(HangAfter))
                {
                    hangs++;
                    failure = $"hang (over {HangAfter.TotalSeconds:0} s)";
                }
            }
            catch (AggregateException e)
            {
                crashes++;
                failure = e.InnerException!.ToString();
            }
            if (failure is null) continue;
            failures.Add($"{target.Name} PARLEY_FUZZ_SEED={seed} PARLEY_FUZZ_INDEX={i} [{applied}] input: {Save(target.Name, seed, i, input)}\n  {failure}");
            if (hangs > 0 || failures.Count >= 5) break; // a hung input keeps its thread busy: stop here
        }
        Report($"{DateTime.UtcNow:O} target={target.Name} seed={seed} inputs={count} crashes={crashes} hangs={hangs} seconds={clock.Elapsed.TotalSeconds:0.0}");
        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    /// <summary>A stable seed for input <paramref name="index"/> of <paramref name="target"/> (string.GetHashCode differs per process).</summary>
    public static int InputSeed(int seed, string target, int index)
    {
        var h = 2166136261u;
        foreach (var c in target) h = (h ^ c) * 16777619u;
        return (int)(h ^ (uint)seed * 2654435761u ^ (uint)index * 40503u);
    }

    private static string Save(string target, int seed, int index, byte[] input)
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-fuzz");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{target}-{seed}-{index}.bin");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("PARLEY_FUZZ_REPORT") is { Length: > 0 } file)
            lock (typeof(FuzzRun)) File.AppendAllText(file, line + Environment.NewLine);
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
