using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OversightFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ActedAt",
                table: "oversight_findings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActedNote",
                table: "oversight_findings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActedRecordedBy",
                table: "oversight_findings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActedAt",
                table: "oversight_findings");

            migrationBuilder.DropColumn(
                name: "ActedNote",
                table: "oversight_findings");

            migrationBuilder.DropColumn(
                name: "ActedRecordedBy",
                table: "oversight_findings");
        }
    }
}
