using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Varta.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_indicators",
                columns: table => new
                {
                    TerritoryCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_indicators", x => new { x.TerritoryCode, x.Year, x.Indicator });
                });

            migrationBuilder.CreateTable(
                name: "community_population",
                columns: table => new
                {
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_population", x => new { x.HromadaCode, x.Year, x.Sex, x.AgeGroup });
                });

            migrationBuilder.CreateTable(
                name: "community_recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Baseline = table.Column<double>(type: "double precision", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LatestValue = table.Column<double>(type: "double precision", nullable: true),
                    LatestOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FormId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FormVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PublicToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ConsentUk = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ConsentEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FormXlsx = table.Column<byte[]>(type: "bytea", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_territories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Category = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Level = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: true),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_territories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "community_territory_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_territory_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_recommendation_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_recommendation_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_recommendation_updates_community_recommendations_~",
                        column: x => x.RecommendationId,
                        principalTable: "community_recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_responses_community_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "community_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HromadaCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    OblastCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_answers_community_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "community_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_answers_ResponseId",
                table: "community_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_community_answers_SurveyId_Question_OblastCode_HromadaCode_~",
                table: "community_answers",
                columns: new[] { "SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_community_recommendation_updates_RecommendationId",
                table: "community_recommendation_updates",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_community_recommendations_OblastCode_TerritoryCode",
                table: "community_recommendations",
                columns: new[] { "OblastCode", "TerritoryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_community_recommendations_UnitId",
                table: "community_recommendations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_community_responses_SurveyId_ClientId",
                table: "community_responses",
                columns: new[] { "SurveyId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_responses_SurveyId_OblastCode_HromadaCode_Sex_Age~",
                table: "community_responses",
                columns: new[] { "SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_community_surveys_PublicToken",
                table: "community_surveys",
                column: "PublicToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_surveys_UnitId_Status",
                table: "community_surveys",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_community_territories_Name",
                table: "community_territories",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_community_territories_OblastCode_Level",
                table: "community_territories",
                columns: new[] { "OblastCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_community_territories_ParentCode",
                table: "community_territories",
                column: "ParentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_answers");

            migrationBuilder.DropTable(
                name: "community_indicators");

            migrationBuilder.DropTable(
                name: "community_population");

            migrationBuilder.DropTable(
                name: "community_recommendation_updates");

            migrationBuilder.DropTable(
                name: "community_territories");

            migrationBuilder.DropTable(
                name: "community_territory_imports");

            migrationBuilder.DropTable(
                name: "community_responses");

            migrationBuilder.DropTable(
                name: "community_recommendations");

            migrationBuilder.DropTable(
                name: "community_surveys");
        }
    }
}
