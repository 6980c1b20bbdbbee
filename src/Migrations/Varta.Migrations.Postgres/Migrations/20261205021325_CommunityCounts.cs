using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CommunityCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_answer_counts",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_answer_counts", x => new { x.SurveyId, x.Question, x.OblastCode, x.HromadaCode, x.Sex, x.AgeGroup, x.Value });
                    table.ForeignKey(
                        name: "FK_community_answer_counts_community_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "community_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_question_counts",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_question_counts", x => new { x.SurveyId, x.Question, x.OblastCode, x.HromadaCode, x.Sex, x.AgeGroup });
                    table.ForeignKey(
                        name: "FK_community_question_counts_community_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "community_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_respondent_counts",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_respondent_counts", x => new { x.SurveyId, x.OblastCode, x.HromadaCode, x.Sex, x.AgeGroup });
                    table.ForeignKey(
                        name: "FK_community_respondent_counts_community_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "community_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Existing responses count as if each had been stored with the counts kept: the same groups the results read.
            migrationBuilder.Sql("""
                INSERT INTO community_respondent_counts ("SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Count")
                SELECT "SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup", COUNT(*)
                FROM community_responses
                GROUP BY "SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup";
                """);
            migrationBuilder.Sql("""
                INSERT INTO community_answer_counts ("SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value", "Count")
                SELECT "SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value", COUNT(*)
                FROM community_answers
                GROUP BY "SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value";
                """);

            // Respondents per select_multiple question: the survey's form JSON (written by the module's FormJson, property
            // order fixed) names each question's type just before its name.
            migrationBuilder.Sql("""
                WITH multiple AS (
                    SELECT q."SurveyId", q."Question"
                    FROM (SELECT DISTINCT "SurveyId", "Question" FROM community_answers) q
                    JOIN community_surveys s ON s."Id" = q."SurveyId"
                    WHERE strpos(s."FormJson", '{"type":"select_multiple","name":"' || q."Question" || '"') > 0
                )
                INSERT INTO community_question_counts ("SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Count")
                SELECT a."SurveyId", a."Question", a."OblastCode", a."HromadaCode", a."Sex", a."AgeGroup", COUNT(DISTINCT a."ResponseId")
                FROM community_answers a
                JOIN multiple m ON m."SurveyId" = a."SurveyId" AND m."Question" = a."Question"
                GROUP BY a."SurveyId", a."Question", a."OblastCode", a."HromadaCode", a."Sex", a."AgeGroup";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_answer_counts");

            migrationBuilder.DropTable(
                name: "community_question_counts");

            migrationBuilder.DropTable(
                name: "community_respondent_counts");
        }
    }
}
