namespace Varta.Community.Benchmarks;

/// <summary>
/// The survey count tables filled from the generated rows with the statements of the CommunityCounts migration's
/// backfill (the same text; instr on SQLite, strpos on PostgreSQL): what a database migrated with these responses
/// already stored would hold, and what SurveyService's submits would have kept had the rows come through it.
/// </summary>
internal static class CountTables
{
    public static readonly string[] Tables = ["community_respondent_counts", "community_question_counts", "community_answer_counts"];

    public static IReadOnlyList<string> Backfill(bool sqlite) =>
    [
        """
        INSERT INTO community_respondent_counts ("SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Count")
        SELECT "SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup", COUNT(*)
        FROM community_responses
        GROUP BY "SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup";
        """,
        """
        INSERT INTO community_answer_counts ("SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value", "Count")
        SELECT "SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value", COUNT(*)
        FROM community_answers
        GROUP BY "SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value";
        """,
        $$"""
        WITH multiple AS (
            SELECT q."SurveyId", q."Question"
            FROM (SELECT DISTINCT "SurveyId", "Question" FROM community_answers) q
            JOIN community_surveys s ON s."Id" = q."SurveyId"
            WHERE {{(sqlite ? "instr" : "strpos")}}(s."FormJson", '{"type":"select_multiple","name":"' || q."Question" || '"') > 0
        )
        INSERT INTO community_question_counts ("SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Count")
        SELECT a."SurveyId", a."Question", a."OblastCode", a."HromadaCode", a."Sex", a."AgeGroup", COUNT(DISTINCT a."ResponseId")
        FROM community_answers a
        JOIN multiple m ON m."SurveyId" = a."SurveyId" AND m."Question" = a."Question"
        GROUP BY a."SurveyId", a."Question", a."OblastCode", a."HromadaCode", a."Sex", a."AgeGroup";
        """,
    ];
}
