using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Custody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "custody_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_cells",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    FloorArea = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    HasWindow = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasVentilation = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasToilet = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasCallButton = table.Column<bool>(type: "INTEGER", nullable: false),
                    CameraIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    InService = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_facility_settings",
                columns: table => new
                {
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    L1Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    L2Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    L3Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    L4Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    MinFloorAreaPerPerson = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_facility_settings", x => x.FacilityId);
                });

            migrationBuilder.CreateTable(
                name: "custody_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Patronymic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Citizenship = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IdentityDocument = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    InterpreterNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custody_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LegalBasisDetail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AdministrativeException = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LegalRegime = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DetainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DetentionPlace = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DetainingOfficer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProceedingsNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CourtDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MaxDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsMinor = table.Column<bool>(type: "INTEGER", nullable: false),
                    CellId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObservationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    InjuriesOnArrival = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalAidNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RelativesNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastCheckAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextCheckDue = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastMealAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedGrounds = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_custody_records_custody_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "custody_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "custody_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectsEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VideoCameraId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VideoFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VideoTo = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custody_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_custody_entries_custody_records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "custody_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_custody_alerts_FacilityId_ClearedAt",
                table: "custody_alerts",
                columns: new[] { "FacilityId", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_alerts_RecordId_Kind_ClearedAt",
                table: "custody_alerts",
                columns: new[] { "RecordId", "Kind", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_cells_FacilityId_Number",
                table: "custody_cells",
                columns: new[] { "FacilityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_entries_RecordId_Seq",
                table: "custody_entries",
                columns: new[] { "RecordId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_persons_SearchKey_DateOfBirth",
                table: "custody_persons",
                columns: new[] { "SearchKey", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_CellId",
                table: "custody_records",
                column: "CellId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_FacilityId_Status",
                table: "custody_records",
                columns: new[] { "FacilityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_FacilityId_Year_Sequence",
                table: "custody_records",
                columns: new[] { "FacilityId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_Number",
                table: "custody_records",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_PersonId",
                table: "custody_records",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_ProceedingsNumber",
                table: "custody_records",
                column: "ProceedingsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_custody_records_Status_NextCheckDue",
                table: "custody_records",
                columns: new[] { "Status", "NextCheckDue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custody_alerts");

            migrationBuilder.DropTable(
                name: "custody_cells");

            migrationBuilder.DropTable(
                name: "custody_entries");

            migrationBuilder.DropTable(
                name: "custody_facility_settings");

            migrationBuilder.DropTable(
                name: "custody_records");

            migrationBuilder.DropTable(
                name: "custody_persons");
        }
    }
}
