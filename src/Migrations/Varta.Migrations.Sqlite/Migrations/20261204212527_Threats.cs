using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Threats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "threats_advisories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AudienceRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_advisories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CourtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CourtCases = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnalystUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnalystName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MeasuresDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MeasuresStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_health_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HearingAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CourtCaseNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Courtroom = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Precautions = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Diagnosis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_health_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OnPremises = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AlarmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AlarmTimeline = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Timeline = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WentBadly = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DebriefedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DebriefedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_measure_types",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_measure_types", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "threats_receipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_receipts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_recommendation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_recommendation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourtId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiledByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SourceKnown = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceDetails = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TriagedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_sources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FirstNamedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "threats_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Behaviours = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    History = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProtectiveFactors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AssessorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Review = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_threats_assessments_threats_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "threats_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "threats_case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_threats_case_events_threats_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "threats_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "threats_protected_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_protected_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_threats_protected_persons_threats_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "threats_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "threats_action_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_action_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_threats_action_items_threats_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "threats_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "threats_measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssigneeUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_threats_measures_threats_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "threats_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_threats_measures_threats_measure_types_TypeCode",
                        column: x => x.TypeCode,
                        principalTable: "threats_measure_types",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "threats_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_threats_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_threats_attachments_threats_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "threats_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "threats_measure_types",
                columns: new[] { "Code", "Active", "NameEn", "NameUk", "Order" },
                values: new object[,]
                {
                    { "courtroom-measures", true, "Courtroom measures", "Заходи в залі суду", 60 },
                    { "escort", true, "Escort", "Супровід", 30 },
                    { "home-duress-button", true, "Duress button at home", "Тривожна кнопка вдома", 40 },
                    { "personal-protection", true, "Personal protection", "Особиста охорона", 10 },
                    { "police-notification", true, "Notice to the local police", "Повідомлення поліції за місцем проживання", 70 },
                    { "residence-guard", true, "Residence guard", "Охорона житла", 20 },
                    { "route-schedule-change", true, "Route or schedule change", "Зміна маршруту чи розкладу", 50 },
                    { "security-briefing", true, "Personal security briefing", "Інструктаж з особистої безпеки", 80 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_threats_action_items_IncidentId",
                table: "threats_action_items",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_action_items_OwnerUserId_Status",
                table: "threats_action_items",
                columns: new[] { "OwnerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_advisories_UnitId_RecordedAt",
                table: "threats_advisories",
                columns: new[] { "UnitId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_assessments_CaseId_Version",
                table: "threats_assessments",
                columns: new[] { "CaseId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_threats_attachments_ReportId",
                table: "threats_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_case_events_CaseId_Id",
                table: "threats_case_events",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_AnalystUserId",
                table: "threats_cases",
                column: "AnalystUserId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_CourtId_AssessedAt_DueAt",
                table: "threats_cases",
                columns: new[] { "CourtId", "AssessedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_CourtId_LastActivityAt",
                table: "threats_cases",
                columns: new[] { "CourtId", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_CourtId_MeasuresStartedAt_MeasuresDueAt",
                table: "threats_cases",
                columns: new[] { "CourtId", "MeasuresStartedAt", "MeasuresDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_CourtId_Status_LastActivityAt",
                table: "threats_cases",
                columns: new[] { "CourtId", "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_Number",
                table: "threats_cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_Open_CourtId_LastActivityAt",
                table: "threats_cases",
                columns: new[] { "CourtId", "LastActivityAt" },
                filter: "\"Status\" <> 'closed'");

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_SourceId",
                table: "threats_cases",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_cases_Year_Sequence",
                table: "threats_cases",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_threats_health_notices_CourtId_HearingAt",
                table: "threats_health_notices",
                columns: new[] { "CourtId", "HearingAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_health_notices_FiledByUserId",
                table: "threats_health_notices",
                column: "FiledByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_incidents_AlarmId",
                table: "threats_incidents",
                column: "AlarmId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_threats_incidents_CourtId_OccurredAt",
                table: "threats_incidents",
                columns: new[] { "CourtId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_measures_CaseId",
                table: "threats_measures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_measures_ProtectedPersonId",
                table: "threats_measures",
                column: "ProtectedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_measures_TypeCode",
                table: "threats_measures",
                column: "TypeCode");

            migrationBuilder.CreateIndex(
                name: "IX_threats_protected_persons_CaseId",
                table: "threats_protected_persons",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_protected_persons_UserId",
                table: "threats_protected_persons",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_receipts_ItemId_UserId",
                table: "threats_receipts",
                columns: new[] { "ItemId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_threats_receipts_UserId_ItemKind",
                table: "threats_receipts",
                columns: new[] { "UserId", "ItemKind" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_recommendation_requests_RequesterUserId",
                table: "threats_recommendation_requests",
                column: "RequesterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_recommendation_requests_Status_CourtId",
                table: "threats_recommendation_requests",
                columns: new[] { "Status", "CourtId" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_reports_CaseId",
                table: "threats_reports",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_threats_reports_FiledByUserId_RecordedAt",
                table: "threats_reports",
                columns: new[] { "FiledByUserId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_reports_ReporterUserId_RecordedAt",
                table: "threats_reports",
                columns: new[] { "ReporterUserId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_reports_Status_CourtId_RecordedAt",
                table: "threats_reports",
                columns: new[] { "Status", "CourtId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_threats_sources_NameKey",
                table: "threats_sources",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "threats_action_items");

            migrationBuilder.DropTable(
                name: "threats_advisories");

            migrationBuilder.DropTable(
                name: "threats_assessments");

            migrationBuilder.DropTable(
                name: "threats_attachments");

            migrationBuilder.DropTable(
                name: "threats_case_events");

            migrationBuilder.DropTable(
                name: "threats_health_notices");

            migrationBuilder.DropTable(
                name: "threats_measures");

            migrationBuilder.DropTable(
                name: "threats_protected_persons");

            migrationBuilder.DropTable(
                name: "threats_receipts");

            migrationBuilder.DropTable(
                name: "threats_recommendation_requests");

            migrationBuilder.DropTable(
                name: "threats_sources");

            migrationBuilder.DropTable(
                name: "threats_incidents");

            migrationBuilder.DropTable(
                name: "threats_reports");

            migrationBuilder.DropTable(
                name: "threats_measure_types");

            migrationBuilder.DropTable(
                name: "threats_cases");
        }
    }
}
