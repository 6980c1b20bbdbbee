using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CommunityFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryCode = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_findings_community_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "community_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_findings_SurveyId_TerritoryCode",
                table: "community_findings",
                columns: new[] { "SurveyId", "TerritoryCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_findings");
        }
    }
}
