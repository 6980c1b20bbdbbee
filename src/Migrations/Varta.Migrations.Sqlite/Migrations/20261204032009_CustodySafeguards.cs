using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustodySafeguards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DetentionCorrectionId",
                table: "custody_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstMedicalAt",
                table: "custody_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GuardianshipNotifiedAt",
                table: "custody_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LastCheckLate",
                table: "custody_records",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MedicalFlag",
                table: "custody_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MedicalFlagCorrectionId",
                table: "custody_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ParentsNotifiedAt",
                table: "custody_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementOverride",
                table: "custody_records",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DetentionCorrectionId",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "FirstMedicalAt",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "GuardianshipNotifiedAt",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "LastCheckLate",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "MedicalFlag",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "MedicalFlagCorrectionId",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "ParentsNotifiedAt",
                table: "custody_records");

            migrationBuilder.DropColumn(
                name: "PlacementOverride",
                table: "custody_records");
        }
    }
}
