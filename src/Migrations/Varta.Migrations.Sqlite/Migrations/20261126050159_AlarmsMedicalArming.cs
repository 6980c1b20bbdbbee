using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AlarmsMedicalArming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastTestAt",
                table: "alarms_devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alarms_arming_schedules",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Windows = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Holidays = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarms_arming_schedules", x => x.SiteId);
                });

            migrationBuilder.CreateTable(
                name: "alarms_medical_profiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BloodType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Allergies = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Medications = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmergencyContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EmergencyContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConsentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarms_medical_profiles", x => x.UserId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarms_arming_schedules");

            migrationBuilder.DropTable(
                name: "alarms_medical_profiles");

            migrationBuilder.DropColumn(
                name: "LastTestAt",
                table: "alarms_devices");
        }
    }
}
