namespace Varta.Community.Data;

/// <summary>
/// Respondents of a survey per weighting cell (hromada, sex, age group; the oblast rides along for regional reads),
/// kept up to date in the transaction that stores each response: what results weigh by, without scanning responses.
/// </summary>
internal sealed class RespondentCount
{
    public Guid SurveyId { get; set; }

    public string OblastCode { get; set; } = "";

    public string HromadaCode { get; set; } = "";

    public string Sex { get; set; } = "";

    public string AgeGroup { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>
/// Respondents who ticked at least one choice of a select_multiple question, per weighting cell: the denominator of
/// its shares (for a select_one question that is the sum of its answer counts, so it is not kept).
/// </summary>
internal sealed class QuestionCount
{
    public Guid SurveyId { get; set; }

    public string Question { get; set; } = "";

    public string OblastCode { get; set; } = "";

    public string HromadaCode { get; set; } = "";

    public string Sex { get; set; } = "";

    public string AgeGroup { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>The community_answers rows of one question and value per weighting cell (one per respondent who gave it).</summary>
internal sealed class AnswerCount
{
    public Guid SurveyId { get; set; }

    public string Question { get; set; } = "";

    public string OblastCode { get; set; } = "";

    public string HromadaCode { get; set; } = "";

    public string Sex { get; set; } = "";

    public string AgeGroup { get; set; } = "";

    public string Value { get; set; } = "";

    public int Count { get; set; }
}
