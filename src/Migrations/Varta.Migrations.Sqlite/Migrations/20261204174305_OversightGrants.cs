using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OversightGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oversight_grantee_views",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ViewedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_grantee_views", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oversight_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GranteeUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GranteeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ScopeUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ShowMedical = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowRiskAssessment = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oversight_visit_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RegisteredCell = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FoundCell = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_visit_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "oversight_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MonitorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oversight_visits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_grantee_views_FacilityId_ViewedAt",
                table: "oversight_grantee_views",
                columns: new[] { "FacilityId", "ViewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_grantee_views_GrantId",
                table: "oversight_grantee_views",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_grants_GranteeUserId",
                table: "oversight_grants",
                column: "GranteeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_grants_ScopeUnitId",
                table: "oversight_grants",
                column: "ScopeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_visit_lines_VisitId_Order",
                table: "oversight_visit_lines",
                columns: new[] { "VisitId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_visits_GrantId",
                table: "oversight_visits",
                column: "GrantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oversight_grantee_views");

            migrationBuilder.DropTable(
                name: "oversight_grants");

            migrationBuilder.DropTable(
                name: "oversight_visit_lines");

            migrationBuilder.DropTable(
                name: "oversight_visits");
        }
    }
}
