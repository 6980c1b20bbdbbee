using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AlarmsDeviceSilentAfter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SilentAfter",
                table: "alarms_devices",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing devices: due one heartbeat period after they were last heard from (or created).
            migrationBuilder.Sql("""
                UPDATE alarms_devices SET SilentAfter = strftime('%Y-%m-%d %H:%M:%f', COALESCE(LastSeenAt, CreatedAt), '+' || HeartbeatSeconds || ' seconds');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_alarms_devices_Offline_SilentAfter",
                table: "alarms_devices",
                columns: new[] { "Offline", "SilentAfter" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_alarms_devices_Offline_SilentAfter",
                table: "alarms_devices");

            migrationBuilder.DropColumn(
                name: "SilentAfter",
                table: "alarms_devices");
        }
    }
}
