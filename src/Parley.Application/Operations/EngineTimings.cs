using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Parley.Application.Operations;

/// <summary>
/// How long the engines take, as the application calls them: the histogram <c>parley.computation.duration</c> (seconds,
/// tagged <c>parley.computation</c> = status, settlement, draft or guarantees, and <c>outcome</c> = ok or error) on the meter
/// <c>Parley</c>, and a span <c>parley.compute NAME</c> on the activity source <c>Parley</c>. Both cost next to nothing
/// when nobody listens (no OpenTelemetry exporter configured). The Core engines stay free of this.
/// </summary>
public static class EngineTimings
{
    /// <summary>The meter's and the activity source's name, to subscribe to.</summary>
    public const string Name = "Parley";

    /// <summary>The status of the talks (what is agreed, what blocks).</summary>
    public const string Status = "status";

    /// <summary>The settlement analysis (feasible, efficient and fair packages; what-ifs).</summary>
    public const string Settlement = "settlement";

    /// <summary>Comparing two draft versions.</summary>
    public const string Draft = "draft";

    /// <summary>Evaluating ceasefire terms and guarantees against incidents.</summary>
    public const string Guarantees = "guarantees";

    private static readonly Meter Meter = new(Name);
    private static readonly ActivitySource Source = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "parley.computation.duration", unit: "s", description: "Time spent in one engine computation.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    /// <summary>Runs <paramref name="compute"/> inside a span and records its duration under <paramref name="computation"/>.</summary>
    public static T Measure<T>(string computation, Func<T> compute)
    {
        using var activity = Source.StartActivity("parley.compute " + computation);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = compute();
            outcome = "ok";
            return result;
        }
        finally
        {
            Record(activity, computation, outcome, started);
        }
    }

    /// <summary>As <see cref="Measure{T}"/>, for a computation that awaits.</summary>
    public static async Task<T> MeasureAsync<T>(string computation, Func<Task<T>> compute)
    {
        using var activity = Source.StartActivity("parley.compute " + computation);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await compute();
            outcome = "ok";
            return result;
        }
        finally
        {
            Record(activity, computation, outcome, started);
        }
    }

    private static void Record(Activity? activity, string computation, string outcome, long started)
    {
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("parley.computation", computation), new KeyValuePair<string, object?>("outcome", outcome));
        activity?.SetTag("parley.computation", computation);
        if (outcome != "ok") activity?.SetStatus(ActivityStatusCode.Error);
    }
}
