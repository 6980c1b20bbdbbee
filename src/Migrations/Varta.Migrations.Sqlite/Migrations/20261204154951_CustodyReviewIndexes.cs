using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustodyReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_custody_entries_RecordedAt",
                table: "custody_entries",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_custody_alerts_RaisedAt",
                table: "custody_alerts",
                column: "RaisedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_custody_entries_RecordedAt",
                table: "custody_entries");

            migrationBuilder.DropIndex(
                name: "IX_custody_alerts_RaisedAt",
                table: "custody_alerts");
        }
    }
}
