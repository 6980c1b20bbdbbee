using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Varta.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "training_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Behaviour = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Penalty = table.Column<double>(type: "REAL", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    MaxScore = table.Column<double>(type: "REAL", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_card_memory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    Stability = table.Column<double>(type: "REAL", nullable: false),
                    Difficulty = table.Column<double>(type: "REAL", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastReviewAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Reps = table.Column<int>(type: "INTEGER", nullable: false),
                    Lapses = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_card_memory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CourseTitleUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CourseTitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SummaryUk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AudienceUk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AudienceEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PassPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    AttemptsAllowed = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionsPerTest = table.Column<int>(type: "INTEGER", nullable: false),
                    Behaviour = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Penalty = table.Column<double>(type: "REAL", nullable: false),
                    MandatoryRoles = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RecurrenceMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    MandatorySince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_journal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReflectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_learner_settings",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesiredRetention = table.Column<double>(type: "REAL", nullable: false),
                    DailyLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    NewPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_learner_settings", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "training_lesson_reads",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_lesson_reads", x => new { x.UserId, x.LessonId });
                });

            migrationBuilder.CreateTable(
                name: "training_review_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stability = table.Column<double>(type: "REAL", nullable: false),
                    Difficulty = table.Column<double>(type: "REAL", nullable: false),
                    ScheduledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ElapsedDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_review_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TrainerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstAidPractice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "training_attempt_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Shuffle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Tries = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mark = table.Column<double>(type: "REAL", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GradedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TrainerComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_attempt_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_attempt_items_training_attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "training_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_lessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleUk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyUk = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_lessons_training_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "training_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_journal_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_journal_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_journal_comments_training_journal_EntryId",
                        column: x => x.EntryId,
                        principalTable: "training_journal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_attendance",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    PracticePassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_attendance", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_training_attendance_training_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "training_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FrontUk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BackUk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FrontEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BackEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_cards_training_lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "training_lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Gift = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_questions_training_lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "training_lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_reflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TextUk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_reflections_training_lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "training_lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_training_attempt_items_AttemptId_Slot",
                table: "training_attempt_items",
                columns: new[] { "AttemptId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_attempt_items_QuestionKey",
                table: "training_attempt_items",
                column: "QuestionKey");

            migrationBuilder.CreateIndex(
                name: "IX_training_attempts_CourseId_Status",
                table: "training_attempts",
                columns: new[] { "CourseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_training_attempts_UserId_LessonId_Number",
                table: "training_attempts",
                columns: new[] { "UserId", "LessonId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_attendance_UserId",
                table: "training_attendance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_training_card_memory_UserId_CardId",
                table: "training_card_memory",
                columns: new[] { "UserId", "CardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_card_memory_UserId_DueAt",
                table: "training_card_memory",
                columns: new[] { "UserId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_training_cards_Key",
                table: "training_cards",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_cards_LessonId",
                table: "training_cards",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_training_cards_OwnerUserId_QuestionId",
                table: "training_cards",
                columns: new[] { "OwnerUserId", "QuestionId" });

            migrationBuilder.CreateIndex(
                name: "IX_training_certificates_Code",
                table: "training_certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_certificates_UserId_CourseId_IssuedAt",
                table: "training_certificates",
                columns: new[] { "UserId", "CourseId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_training_courses_Key",
                table: "training_courses",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_journal_SharedAt",
                table: "training_journal",
                column: "SharedAt");

            migrationBuilder.CreateIndex(
                name: "IX_training_journal_UserId_WrittenAt",
                table: "training_journal",
                columns: new[] { "UserId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_training_journal_comments_EntryId",
                table: "training_journal_comments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_training_lessons_CourseId_Key",
                table: "training_lessons",
                columns: new[] { "CourseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_questions_LessonId_Language_Key",
                table: "training_questions",
                columns: new[] { "LessonId", "Language", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_reflections_Key",
                table: "training_reflections",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_reflections_LessonId",
                table: "training_reflections",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_training_review_log_UserId_ReviewedAt",
                table: "training_review_log",
                columns: new[] { "UserId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_training_sessions_UnitId_StartsAt",
                table: "training_sessions",
                columns: new[] { "UnitId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_attempt_items");

            migrationBuilder.DropTable(
                name: "training_attendance");

            migrationBuilder.DropTable(
                name: "training_card_memory");

            migrationBuilder.DropTable(
                name: "training_cards");

            migrationBuilder.DropTable(
                name: "training_certificates");

            migrationBuilder.DropTable(
                name: "training_journal_comments");

            migrationBuilder.DropTable(
                name: "training_learner_settings");

            migrationBuilder.DropTable(
                name: "training_lesson_reads");

            migrationBuilder.DropTable(
                name: "training_questions");

            migrationBuilder.DropTable(
                name: "training_reflections");

            migrationBuilder.DropTable(
                name: "training_review_log");

            migrationBuilder.DropTable(
                name: "training_attempts");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropTable(
                name: "training_journal");

            migrationBuilder.DropTable(
                name: "training_lessons");

            migrationBuilder.DropTable(
                name: "training_courses");
        }
    }
}
