using Varta.Training.Questions;

namespace Varta.Training.Attempts;

internal sealed record AttemptDto(Guid Id, string CourseKey, string CourseTitle, string LessonKey, string LessonTitle, int Number, string Status, string Behaviour,
    DateTimeOffset StartedAt, DateTimeOffset? DeadlineAt, DateTimeOffset? SubmittedAt, double? Percent, bool? Passed, int PassPercent, double Penalty, int MaxTries,
    IReadOnlyList<AttemptItemDto> Items, int Version);

/// <param name="Options">Choices in the order offered, each with its original index (what a response names).</param>
/// <param name="Lefts">Matching: the items to match, by original index.</param>
/// <param name="Rights">Matching: the answers offered, shuffled.</param>
/// <param name="Feedback">Shown once the behaviour allows: after a check (immediate, interactive) or after the attempt (deferred).</param>
internal sealed record AttemptItemDto(int Slot, string Kind, string Text, IReadOnlyList<OptionDto> Options, IReadOnlyList<OptionDto> Lefts, IReadOnlyList<string> Rights,
    ResponseValue? Response, int Tries, bool Finished, double? Mark, string? Feedback, string? RightAnswer, string? TrainerComment);

internal sealed record OptionDto(int Index, string Text);

internal sealed record SaveRequest(ResponseValue? Response);

internal sealed record SubmitRequest(IReadOnlyDictionary<int, ResponseValue>? Responses, int? Version);

internal sealed record GradeRequest(double? Fraction, string? Comment);
