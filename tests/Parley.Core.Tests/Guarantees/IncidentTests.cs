using Parley.Core.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class IncidentTests
{
    [Fact]
    public void Review_FullWorkflow_StateKnownAsOfEachStep()
    {
        var incident = Strike("i", T0)
            .Review(new VerificationStep(VerificationState.UnderReview, T0.AddHours(1), "team"))
            .Review(new VerificationStep(VerificationState.Verified, T0.AddHours(5), "chief", "imagery", "ru"));
        Assert.Equal(VerificationState.Reported, incident.StateAt(T0.AddMinutes(59)));
        Assert.Equal(VerificationState.UnderReview, incident.StateAt(T0.AddHours(1)));
        Assert.Equal(VerificationState.Verified, incident.StateAt(T0.AddHours(5)));
        Assert.Null(incident.VerifiedAsOf(T0.AddHours(4)));
        Assert.Equal(("chief", "imagery", "ru"), (incident.VerifiedAsOf(T0.AddHours(5))!.Reviewer,
            incident.VerifiedAsOf(T0.AddHours(5))!.Evidence, incident.VerifiedAsOf(T0.AddHours(5))!.ResponsibleParty));
    }

    [Fact]
    public void Review_VerifyWithoutReview_IsRefused() =>
        Assert.Throws<RuleRefusal>(() => Strike("i", T0).Review(new VerificationStep(VerificationState.Verified, T0, "chief")));

    [Fact]
    public void Review_AfterRejection_IsRefused() =>
        Assert.Throws<RuleRefusal>(() => Strike("i", T0).Rejected(T0)
            .Review(new VerificationStep(VerificationState.UnderReview, T0.AddHours(1), "team")));

    [Fact]
    public void Review_StepBackInTime_IsRefused() =>
        Assert.Throws<RuleRefusal>(() => Strike("i", T0)
            .Review(new VerificationStep(VerificationState.UnderReview, T0.AddHours(2), "team"))
            .Review(new VerificationStep(VerificationState.Rejected, T0.AddHours(1), "chief")));

    [Fact]
    public void Review_ReturnsNewValue_OriginalUnchanged()
    {
        var reported = Strike("i", T0);
        _ = reported.Verified(T0);
        Assert.Equal(VerificationState.Reported, reported.State);
    }

    [Fact]
    public void VerificationStep_AttributionOnRejection_Throws() =>
        Assert.Throws<ArgumentException>(() => new VerificationStep(VerificationState.Rejected, T0, "chief", null, "ru"));

    [Fact]
    public void VerificationStep_BlankReviewer_Throws() =>
        Assert.Throws<ArgumentException>(() => new VerificationStep(VerificationState.UnderReview, T0, " "));

    [Fact]
    public void Construction_NegativeFatalities_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Incident("i", IncidentTime.At(T0), new Location(null, null), "Battles", fatalities: -1));

    [Fact]
    public void Location_LatitudeWithoutLongitude_Throws() =>
        Assert.Throws<ArgumentException>(() => new Location(50, null));

    [Fact]
    public void Location_DistanceKyivToKharkiv_About410Km()
    {
        var kyiv = new Location(50.4501, 30.5234);
        var kharkiv = new Location(49.9935, 36.2304);
        Assert.InRange(kyiv.DistanceKmTo(kharkiv)!.Value, 405, 415);
    }

    [Fact]
    public void IncidentTime_DayPrecision_WithinOnlyIfWholeDayInside()
    {
        var day = IncidentTime.OnDay(new DateOnly(2025, 12, 24));
        Assert.True(day.IsWithin(T0, T0.AddDays(5)));
        Assert.False(day.IsWithin(day.Start.AddHours(1), T0.AddDays(30)));
        Assert.False(day.IsWithin(T0, day.End.AddTicks(-1)));
        Assert.True(day.IsWithin(T0, day.End));
    }

    [Fact]
    public void IncidentTime_ReversedInterval_Throws() =>
        Assert.Throws<ArgumentException>(() => new IncidentTime(T0, T0.AddTicks(-1), TimePrecision.Range));

    [Fact]
    public void TimeWindow_EndNotAfterStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new TimeWindow(T0, T0));

    [Fact]
    public void Obligation_NonPositiveDeadline_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond(deadline: TimeSpan.Zero));

    [Fact]
    public void Prohibition_RepeatedBoundParty_Throws() =>
        Assert.Throws<ArgumentException>(() => new Prohibition("p", "P", ["ru", "RU"], [new ConductRule("r")]));

    [Fact]
    public void Area_LineString_Throws()
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        Assert.Throws<ArgumentException>(() => new Area(shape: factory.CreateLineString([new(0, 0), new(1, 1)])));
    }

    [Fact]
    public void TargetClass_Normalize_JoinsWordsLowercase() =>
        Assert.Equal("energy-infrastructure", TargetClass.Normalize(" Energy  infrastructure"));
}
