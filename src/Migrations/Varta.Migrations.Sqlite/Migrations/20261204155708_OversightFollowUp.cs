using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActedNote",
                table: "oversight_findings",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActedRecordedBy",
                table: "oversight_findings",
                type: "TEXT",
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
