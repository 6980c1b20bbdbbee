using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustodyRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "custody_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_ClosedAt_not_anonymised",
                table: "custody_records",
                column: "ClosedAt",
                filter: "\"AnonymisedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_custody_records_ClosedAt_not_anonymised",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "custody_records");
        }
    }
}
