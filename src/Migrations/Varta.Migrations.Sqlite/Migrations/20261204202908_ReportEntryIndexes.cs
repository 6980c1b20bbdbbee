using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportEntryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_custody_entries_RecordId_Type_OccurredAt_RecordedAt",
                table: "custody_entries");

            migrationBuilder.CreateIndex(
                name: "IX_custody_entries_Type_OccurredAt_RecordId",
                table: "custody_entries",
                columns: new[] { "Type", "OccurredAt", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_entries_Type_RecordedAt_RecordId",
                table: "custody_entries",
                columns: new[] { "Type", "RecordedAt", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_custody_entries_Type_OccurredAt_RecordId",
                table: "custody_entries");

            migrationBuilder.DropIndex(
                name: "IX_custody_entries_Type_RecordedAt_RecordId",
                table: "custody_entries");

            migrationBuilder.CreateIndex(
                name: "IX_custody_entries_RecordId_Type_OccurredAt_RecordedAt",
                table: "custody_entries",
                columns: new[] { "RecordId", "Type", "OccurredAt", "RecordedAt" });
        }
    }
}
