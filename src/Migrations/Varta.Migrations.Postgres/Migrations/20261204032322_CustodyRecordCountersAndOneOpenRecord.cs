using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustodyRecordCountersAndOneOpenRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "custody_record_counters",
                columns: table => new
                {
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_record_counters", x => new { x.FacilityId, x.Year });
                });

            // Numbers already given: each facility's counter for a year continues from its highest record number.
            migrationBuilder.Sql("""
                INSERT INTO custody_record_counters ("FacilityId", "Year", "Last")
                SELECT "FacilityId", "Year", MAX("Sequence") FROM custody_records GROUP BY "FacilityId", "Year";
                """);

            migrationBuilder.CreateIndex(
                name: "UX_custody_records_PersonId_open",
                table: "custody_records",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" = 'in-custody'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custody_record_counters");

            migrationBuilder.DropIndex(
                name: "UX_custody_records_PersonId_open",
                table: "custody_records");
        }
    }
}
