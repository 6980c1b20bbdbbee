using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AlarmsWho : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedByName",
                table: "alarms_alarms",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RaisedByName",
                table: "alarms_alarms",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RaisedByRole",
                table: "alarms_alarms",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcknowledgedByName",
                table: "alarms_alarms");

            migrationBuilder.DropColumn(
                name: "RaisedByName",
                table: "alarms_alarms");

            migrationBuilder.DropColumn(
                name: "RaisedByRole",
                table: "alarms_alarms");
        }
    }
}
