using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OversightReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_oversight_review_items_FacilityId_ClosedAt",
                table: "oversight_review_items",
                columns: new[] { "FacilityId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_review_items_FacilityId_QueuedAt",
                table: "oversight_review_items",
                columns: new[] { "FacilityId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_oversight_findings_ActedAt",
                table: "oversight_findings",
                column: "ActedAt");

            migrationBuilder.CreateIndex(
                name: "IX_oversight_findings_RecordedAt",
                table: "oversight_findings",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_FacilityId_ClosedAt_DetainedAt",
                table: "custody_records",
                columns: new[] { "FacilityId", "ClosedAt", "DetainedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_FacilityId_DetainedAt_report",
                table: "custody_records",
                columns: new[] { "FacilityId", "DetainedAt", "InjuriesOnArrival", "LegalAidNotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_entries_RecordId_Type_OccurredAt_RecordedAt",
                table: "custody_entries",
                columns: new[] { "RecordId", "Type", "OccurredAt", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_alerts_FacilityId_Kind_DueAt",
                table: "custody_alerts",
                columns: new[] { "FacilityId", "Kind", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_oversight_review_items_FacilityId_ClosedAt",
                table: "oversight_review_items");

            migrationBuilder.DropIndex(
                name: "IX_oversight_review_items_FacilityId_QueuedAt",
                table: "oversight_review_items");

            migrationBuilder.DropIndex(
                name: "IX_oversight_findings_ActedAt",
                table: "oversight_findings");

            migrationBuilder.DropIndex(
                name: "IX_oversight_findings_RecordedAt",
                table: "oversight_findings");

            migrationBuilder.DropIndex(
                name: "IX_custody_records_FacilityId_ClosedAt_DetainedAt",
                table: "custody_records");

            migrationBuilder.DropIndex(
                name: "IX_custody_records_FacilityId_DetainedAt_report",
                table: "custody_records");

            migrationBuilder.DropIndex(
                name: "IX_custody_entries_RecordId_Type_OccurredAt_RecordedAt",
                table: "custody_entries");

            migrationBuilder.DropIndex(
                name: "IX_custody_alerts_FacilityId_Kind_DueAt",
                table: "custody_alerts");
        }
    }
}
