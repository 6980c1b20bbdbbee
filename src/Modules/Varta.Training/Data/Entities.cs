using Varta.Platform.Persistence;

namespace Varta.Training.Data;

/// <summary>A course: lessons with their flashcards, reflective questions and a test per lesson; a certificate when every test is passed.</summary>
internal sealed class Course : IStamped, IUpdateStamped
{
    public Guid Id { get; set; }

    /// <summary>Stable name ("dynamic-security"): what shipped content and certificates refer to.</summary>
    public string Key { get; set; } = "";

    /// <summary>The unit whose trainers edit it: the country for the courses Varta ships.</summary>
    public Guid UnitId { get; set; }

    public int Order { get; set; }

    public string TitleUk { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string SummaryUk { get; set; } = "";

    public string SummaryEn { get; set; } = "";

    public string AudienceUk { get; set; } = "";

    public string AudienceEn { get; set; } = "";

    /// <summary>A lesson test is passed at this share of the marks, in per cent.</summary>
    public int PassPercent { get; set; } = 70;

    /// <summary>Minutes a test attempt may last; null for no limit.</summary>
    public int? TimeLimitMinutes { get; set; }

    /// <summary>Attempts allowed per lesson test; 0 for no limit.</summary>
    public int AttemptsAllowed { get; set; }

    /// <summary>Questions drawn at random from a lesson's bank for each attempt; 0 for all of them.</summary>
    public int QuestionsPerTest { get; set; }

    /// <summary>deferred, immediate or interactive (Moodle's question behaviours).</summary>
    public string Behaviour { get; set; } = "deferred";

    /// <summary>Interactive behaviour: share of a question's mark lost per wrong try.</summary>
    public double Penalty { get; set; }

    /// <summary>Roles that must hold a valid certificate of this course (comma-separated); empty when optional.</summary>
    public string MandatoryRoles { get; set; } = "";

    /// <summary>Days a newly obliged person has to complete it.</summary>
    public int DueDays { get; set; } = 90;

    /// <summary>Months a certificate stays valid (first aid: 12); null when it never expires.</summary>
    public int? RecurrenceMonths { get; set; }

    /// <summary>Since when the course is mandatory: nobody is overdue before this plus <see cref="DueDays"/>.</summary>
    public DateTime? MandatorySince { get; set; }

    public bool Published { get; set; } = true;

    /// <summary>"shipped" (from Varta's content files) or "trainer".</summary>
    public string Origin { get; set; } = "trainer";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class Lesson : IStamped, IUpdateStamped
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public string Key { get; set; } = "";

    public int Order { get; set; }

    public string TitleUk { get; set; } = "";

    public string TitleEn { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string BodyUk { get; set; } = "";

    public string BodyEn { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>A flashcard of a lesson, or a learner's own card made from a test question they got wrong.</summary>
internal sealed class Flashcard : IStamped
{
    public Guid Id { get; set; }

    public Guid LessonId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>Set for a card made from a learner's mistake: only they study it.</summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>The question a mistake card was made from.</summary>
    public Guid? QuestionId { get; set; }

    public string FrontUk { get; set; } = "";

    public string BackUk { get; set; } = "";

    public string FrontEn { get; set; } = "";

    public string BackEn { get; set; } = "";

    public bool Retired { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

internal sealed class Reflection : IStamped
{
    public Guid Id { get; set; }

    public Guid LessonId { get; set; }

    public string Key { get; set; } = "";

    public string TextUk { get; set; } = "";

    public string TextEn { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>A question of a lesson's bank in one language, kept as its GIFT text (the same key pairs the languages).</summary>
internal sealed class BankQuestion : IStamped
{
    public Guid Id { get; set; }

    public Guid LessonId { get; set; }

    /// <summary>The GIFT title: the same in both languages.</summary>
    public string Key { get; set; } = "";

    /// <summary>uk or en.</summary>
    public string Language { get; set; } = "uk";

    public int Order { get; set; }

    public string Kind { get; set; } = "";

    public string Gift { get; set; } = "";

    public bool Retired { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>A learner's memory of one card, as FSRS-6 keeps it.</summary>
internal sealed class CardMemoryRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid CardId { get; set; }

    public Guid CourseId { get; set; }

    public int Phase { get; set; }

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? LastReviewAt { get; set; }

    public int Step { get; set; }

    public int Reps { get; set; }

    public int Lapses { get; set; }

    public int ScheduledDays { get; set; }

    public int Version { get; set; }
}

/// <summary>One review of a card: the log FSRS could be optimised from.</summary>
internal sealed class ReviewLogRow
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public Guid CardId { get; set; }

    public int Rating { get; set; }

    public int PhaseBefore { get; set; }

    public DateTime ReviewedAt { get; set; }

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public int ScheduledDays { get; set; }

    /// <summary>Days since the previous review (0 for the first).</summary>
    public int ElapsedDays { get; set; }
}

/// <summary>A learner's study settings: desired retention and the shift-aware daily limit.</summary>
internal sealed class LearnerSettings
{
    public Guid UserId { get; set; }

    public double DesiredRetention { get; set; } = 0.9;

    /// <summary>Reviews a day at most.</summary>
    public int DailyLimit { get; set; } = 50;

    /// <summary>New cards introduced a day at most.</summary>
    public int NewPerDay { get; set; } = 10;

    /// <summary>Working weekdays as bits (1 &lt;&lt; DayOfWeek); 127 for every day.</summary>
    public int WorkDays { get; set; } = 127;

    public int Version { get; set; }
}

internal sealed class LessonRead
{
    public Guid UserId { get; set; }

    public Guid LessonId { get; set; }

    public DateTime ReadAt { get; set; }
}

internal sealed class Attempt
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string UserName { get; set; } = "";

    public Guid CourseId { get; set; }

    public Guid LessonId { get; set; }

    public int Number { get; set; }

    public string Language { get; set; } = "uk";

    public string Behaviour { get; set; } = "deferred";

    public double Penalty { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>When the time limit ends: answers saved after it do not count.</summary>
    public DateTime? DeadlineAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>in-progress, needs-grading (an essay awaits a trainer), finished.</summary>
    public string Status { get; set; } = "in-progress";

    public double? Score { get; set; }

    public double MaxScore { get; set; }

    public bool? Passed { get; set; }

    public int Version { get; set; }
}

internal sealed class AttemptItem
{
    public Guid Id { get; set; }

    public Guid AttemptId { get; set; }

    public Guid QuestionId { get; set; }

    public string QuestionKey { get; set; } = "";

    public int Slot { get; set; }

    /// <summary>The order choices (or matching answers) are offered in, as original indexes ("2,0,1").</summary>
    public string Shuffle { get; set; } = "";

    /// <summary>The last answer saved in time, as JSON.</summary>
    public string? Response { get; set; }

    public DateTime? SavedAt { get; set; }

    public int Tries { get; set; }

    public bool Finished { get; set; }

    /// <summary>Fraction of the question's mark, 0..1; null until graded (essays await a trainer).</summary>
    public double? Mark { get; set; }

    public string? Feedback { get; set; }

    public string? GradedBy { get; set; }

    public string? TrainerComment { get; set; }
}

/// <summary>A learner's private answer to a reflective question (or a free entry); a trainer sees it only when shared.</summary>
internal sealed class JournalEntry : IUpdateStamped
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string UserName { get; set; } = "";

    public Guid? ReflectionId { get; set; }

    public Guid? LessonId { get; set; }

    public string Text { get; set; } = "";

    public DateTime WrittenAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SharedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class JournalComment : IStamped
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    public Guid TrainerUserId { get; set; }

    public string Text { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

internal sealed class Certificate
{
    public Guid Id { get; set; }

    /// <summary>What the verification page asks for: 12 characters, no look-alikes.</summary>
    public string Code { get; set; } = "";

    public Guid UserId { get; set; }

    public string HolderName { get; set; } = "";

    public Guid CourseId { get; set; }

    public string CourseKey { get; set; } = "";

    public string CourseTitleUk { get; set; } = "";

    public string CourseTitleEn { get; set; } = "";

    public DateTime IssuedAt { get; set; }

    public DateTime? ValidUntil { get; set; }

    /// <summary>When a trainer or an administrator withdrew it; set once (a second revocation is refused).</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Why, in the revoker's words (3–500 characters): shown to trainers, never on the anonymous verification.</summary>
    public string? RevokedReason { get; set; }

    public Guid? RevokedByUserId { get; set; }

    public string? RevokedBy { get; set; }
}

/// <summary>A face-to-face training: date, place, trainer, attendance list.</summary>
internal sealed class Session : IStamped
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public Guid? CourseId { get; set; }

    public string Title { get; set; } = "";

    public DateTime StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public string Place { get; set; } = "";

    public Guid TrainerUserId { get; set; }

    public string TrainerName { get; set; } = "";

    /// <summary>Pre-medical aid practice on a manikin and a training defibrillator was part of it.</summary>
    public bool FirstAidPractice { get; set; }

    public string? Notes { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

internal sealed class Attendance
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    public bool Attended { get; set; }

    /// <summary>First aid practice done to the standard (compressions, AED), when there was practice.</summary>
    public bool? PracticePassed { get; set; }

    public string? Note { get; set; }
}
