using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommunityTerritories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_population",
                columns: table => new
                {
                    HromadaCode = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_population", x => new { x.HromadaCode, x.Year, x.Sex, x.AgeGroup });
                });

            migrationBuilder.CreateTable(
                name: "community_territories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 19, nullable: true),
                    OblastCode = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    HromadaCode = table.Column<string>(type: "TEXT", maxLength: 19, nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_territories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "community_territory_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_territory_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_territories_Name",
                table: "community_territories",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_community_territories_OblastCode_Level",
                table: "community_territories",
                columns: new[] { "OblastCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_community_territories_ParentCode",
                table: "community_territories",
                column: "ParentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_population");

            migrationBuilder.DropTable(
                name: "community_territories");

            migrationBuilder.DropTable(
                name: "community_territory_imports");
        }
    }
}
