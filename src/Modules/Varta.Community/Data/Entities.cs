using Varta.Platform.Persistence;

namespace Varta.Community.Data;

/// <summary>
/// A unit of the codifier of administrative-territorial units (KATOTTH): "UA" and 17 digits, a category letter
/// (oblast, raion, hromada, city, settlement, village, city district) and its parent. Retired when a newer codifier
/// no longer lists it; never deleted (surveys and indicators keep pointing at it).
/// </summary>
internal sealed class Territory
{
    public string Code { get; set; } = "";

    /// <summary>The codifier's category letter, as published (Latin): O, K, P, H, M, X, C, B, T.</summary>
    public string Category { get; set; } = "";

    /// <summary>oblast, raion, hromada, settlement or district (derived from the category).</summary>
    public string Level { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentCode { get; set; }

    /// <summary>The oblast (level 1) the unit lies in: what regional overviews group by.</summary>
    public string OblastCode { get; set; } = "";

    /// <summary>The hromada the unit lies in (itself for a hromada): what weighting and responses group by.</summary>
    public string? HromadaCode { get; set; }

    public DateTime? RetiredAt { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>One import of the codifier: what it added, changed and retired.</summary>
internal sealed class TerritoryImport : IStamped
{
    public Guid Id { get; set; }

    public string FileName { get; set; } = "";

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Retired { get; set; }

    /// <summary>The codes added, changed and retired (JSON; the first 500 of each).</summary>
    public string Details { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>Residents of a hromada by sex and age group in a year: the margins weighting uses.</summary>
internal sealed class PopulationCell
{
    public string HromadaCode { get; set; } = "";

    public int Year { get; set; }

    /// <summary>f or m.</summary>
    public string Sex { get; set; } = "";

    /// <summary>An age band as published, e.g. "18-29", "65+".</summary>
    public string AgeGroup { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>
/// A questionnaire run in a territory over a period by an org unit (the initiative group's police or local government
/// unit): its XLSForm as uploaded, and the form's JSON for the pages. Responses are anonymous.
/// </summary>
internal sealed class Survey : IStamped
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>The territory studied (an oblast, raion or hromada): responses come from hromadas within it.</summary>
    public string TerritoryCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string FormId { get; set; } = "";

    public string FormVersion { get; set; } = "";

    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    /// <summary>draft, open or closed.</summary>
    public string Status { get; set; } = "draft";

    /// <summary>The public self-completion link's secret (null while there is none).</summary>
    public string? PublicToken { get; set; }

    public string ConsentUk { get; set; } = "";

    public string ConsentEn { get; set; } = "";

    public byte[] FormXlsx { get; set; } = [];

    public string FormJson { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>One anonymous response: no name, no contact, no address of the sender; the hromada the respondent lives in, and the day it arrived.</summary>
internal sealed class SurveyResponse
{
    public Guid Id { get; set; }

    public Guid SurveyId { get; set; }

    /// <summary>Given by the collecting device: a resend of the same response is stored once.</summary>
    public Guid ClientId { get; set; }

    /// <summary>interviewer or self.</summary>
    public string Channel { get; set; } = "";

    public string HromadaCode { get; set; } = "";

    public string OblastCode { get; set; } = "";

    /// <summary>f or m, from the answer to the question named "sex" (what weighting uses); empty when not given.</summary>
    public string Sex { get; set; } = "";

    /// <summary>From the answer to the question named "age_group"; empty when not given.</summary>
    public string AgeGroup { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public string Answers { get; set; } = "";
}

/// <summary>One answer of a response, for counting: a select_multiple answer gives one row per choice.</summary>
internal sealed class ResponseAnswer
{
    public long Id { get; set; }

    public Guid SurveyId { get; set; }

    public Guid ResponseId { get; set; }

    public string Question { get; set; } = "";

    public string Value { get; set; } = "";

    public string HromadaCode { get; set; } = "";

    public string OblastCode { get; set; } = "";

    public string Sex { get; set; } = "";

    public string AgeGroup { get; set; } = "";
}

/// <summary>A figure of a territory's security situation in a year (registered offences of a category, calls to the police, road accidents…).</summary>
internal sealed class IndicatorValue
{
    public string TerritoryCode { get; set; } = "";

    public int Year { get; set; }

    /// <summary>A short code as the source names it ("offences.theft", "calls.police", "road.accidents").</summary>
    public string Indicator { get; set; } = "";

    public double Value { get; set; }

    public string Source { get; set; } = "";
}

/// <summary>
/// A recommendation of a local security policy, written SMART: who owns it, by when, measured by which indicator from
/// which baseline to which target, for which group of people; tracked to its outcome by dated status updates.
/// </summary>
internal sealed class Recommendation : IStamped
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public string TerritoryCode { get; set; } = "";

    public string OblastCode { get; set; } = "";

    public Guid? SurveyId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>all, women, men, children, youth, elderly, vulnerable.</summary>
    public string TargetGroup { get; set; } = "all";

    public string Owner { get; set; } = "";

    public DateOnly Deadline { get; set; }

    public string Indicator { get; set; } = "";

    public double Baseline { get; set; }

    public double Target { get; set; }

    /// <summary>planned, in-progress, achieved, dropped.</summary>
    public string Status { get; set; } = "planned";

    public double? LatestValue { get; set; }

    public DateOnly? LatestOn { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

internal sealed class RecommendationUpdate : IStamped
{
    public Guid Id { get; set; }

    public Guid RecommendationId { get; set; }

    public DateOnly On { get; set; }

    public string Status { get; set; } = "";

    public double? Value { get; set; }

    public string Note { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// A finding of the initiative group on a survey's territory (or an area within it) in the survey's period: what the
/// group concluded from the results and the indicators, written by a coordinator; the audit report prints it.
/// </summary>
internal sealed class Finding : IStamped
{
    public Guid Id { get; set; }

    public Guid SurveyId { get; set; }

    /// <summary>The survey's unit: whose coordinators manage the finding.</summary>
    public Guid UnitId { get; set; }

    /// <summary>The area the finding is about: the survey's territory or a hromada or oblast within it.</summary>
    public string TerritoryCode { get; set; } = "";

    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public string Text { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>Starts at 1, one more with every edit or withdrawal: a writer sends the version it read (optimistic concurrency).</summary>
    public int Version { get; set; } = 1;

    /// <summary>When the text was last changed and by whom (null until the first edit); the texts it replaced are in <see cref="FindingRevision"/>.</summary>
    public DateTime? EditedAt { get; set; }

    public string? EditedBy { get; set; }

    /// <summary>
    /// A withdrawn finding is no longer in the report, but the row stays: a report printed before still names it, and
    /// the audit trail points at it. Withdrawal is final.
    /// </summary>
    public DateTime? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }
}

/// <summary>A text a finding had before an edit: the row keeps what was written, when and by whom, and which version it was.</summary>
internal sealed class FindingRevision : IStamped
{
    public Guid Id { get; set; }

    public Guid FindingId { get; set; }

    /// <summary>The finding's version that had this text.</summary>
    public int Version { get; set; }

    public string Text { get; set; } = "";

    /// <summary>When this text was written (the finding's RecordedAt or its EditedAt at the time) and by whom.</summary>
    public DateTime WrittenAt { get; set; }

    public string WrittenBy { get; set; } = "";

    /// <summary>When the text was replaced, and by whom (stamped).</summary>
    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}
