using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryCode = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
