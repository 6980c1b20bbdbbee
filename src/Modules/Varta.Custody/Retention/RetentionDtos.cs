namespace Varta.Custody.Retention;

/// <summary>
/// A record due for anonymisation, with no personal data: its number and facility, when it closed and since when it
/// is due, how many of its entries hold text that goes and how many fields in all (record, entries, person).
/// </summary>
/// <param name="PersonToo">Whether the person's identity goes with it (no other record of theirs keeps it).</param>
internal sealed record RetentionItemDto(Guid RecordId, string Number, Guid FacilityId, string FacilityName, DateTimeOffset ClosedAt,
    DateTimeOffset DueSince, int Entries, int EntriesChanged, int Fields, bool PersonToo);

/// <summary>The dry run: what a run now would anonymise (the first <c>Records.Count</c> of <paramref name="Due"/>), changing nothing.</summary>
internal sealed record RetentionPreviewDto(DateTimeOffset Now, DateTimeOffset ClosedBefore, int Due, IReadOnlyList<RetentionItemDto> Records);

/// <summary>What a run did: the records anonymised, those skipped (changed meanwhile), and how many are still due.</summary>
internal sealed record RetentionRunDto(DateTimeOffset Now, int Anonymised, int PersonsAnonymised, int Skipped, int Remaining,
    IReadOnlyList<RetentionItemDto> Records);
