namespace Varta.Custody.Rules;

internal enum FieldKind
{
    Text,
    LongText,
    Bool,
    Enum,
    Int,
    Instant,
    Guid,
    TextList,
}

internal sealed record FieldSpec(string Name, FieldKind Kind, bool Required = false, string[]? Allowed = null, int Min = 0, int Max = 0)
{
    public int MaxLength => Kind == FieldKind.LongText ? 4000 : 300;
}

/// <summary>An entry type of the custody record and its own fields. Some types are written only by their own endpoint.</summary>
internal sealed record EntryTypeSpec(string Code, FieldSpec[] Fields, bool ViaEntries = true, bool Correctable = true);

/// <summary>Every entry type of DESIGN.md's custody list, with its fields.</summary>
internal static class EntryCatalog
{
    public const string BookingIn = "booking-in";
    public const string RightsExplained = "rights-explained";
    public const string LegalAidNotified = "legal-aid-notified";
    public const string RelativesNotified = "relatives-notified";
    public const string GuardianshipNotified = "guardianship-notified";
    public const string MedicalExamination = "medical-examination";
    public const string RiskAssessment = "risk-assessment";
    public const string SearchProperty = "search-property";
    public const string CellPlacement = "cell-placement";
    public const string WelfareCheck = "welfare-check";
    public const string Meal = "meal";
    public const string Rest = "rest";
    public const string Exercise = "exercise";
    public const string Medication = "medication";
    public const string Visit = "visit";
    public const string Removal = "removal";
    public const string Return = "return";
    public const string Complaint = "complaint";
    public const string UseOfForce = "use-of-force";
    public const string Incident = "incident";
    public const string Note = "note";
    public const string Transfer = "transfer";
    public const string Release = "release";
    public const string Correction = "correction";

    private static readonly string[] Methods = ["phone", "email", "system", "in-person"];

    /// <summary>Who was notified: for a minor only a parent or other legal representative clears the parents' alert (CPC art. 213).</summary>
    public static readonly string[] ContactKinds = ["parent", "legal-representative", "relative", "other"];

    public static bool IsParentOrRepresentative(string? kind) => kind is "parent" or "legal-representative";

    public static readonly IReadOnlyDictionary<string, EntryTypeSpec> Types = new[]
    {
        // Written by book-in; correctable (CPC art. 209: a mistyped moment of detention would leave every deadline wrong),
        // and then the clocks are recomputed and the correction is flagged for the inspector.
        new EntryTypeSpec(BookingIn,
        [
            new("detainedAt", FieldKind.Instant), new("detentionPlace", FieldKind.Text), new("detainingOfficer", FieldKind.Text),
            new("legalBasis", FieldKind.Enum, Allowed: LegalBases.All), new("legalBasisDetail", FieldKind.LongText),
            new("administrativeException", FieldKind.Text), new("proceedingsNumber", FieldKind.Text),
        ], ViaEntries: false),
        new EntryTypeSpec(RightsExplained,
        [
            new("language", FieldKind.Text, true), new("interpreterUsed", FieldKind.Bool, true), new("interpreterName", FieldKind.Text),
            new("outcome", FieldKind.Enum, true, ["signed", "refused-to-sign"]),
        ]),
        new EntryTypeSpec(LegalAidNotified,
        [
            new("centre", FieldKind.Text, true), new("method", FieldKind.Enum, true, Methods), new("reference", FieldKind.Text),
            new("delayReason", FieldKind.LongText), new("delayAuthorisedBy", FieldKind.Text),
        ]),
        new EntryTypeSpec(RelativesNotified,
        [
            new("contactName", FieldKind.Text, true), new("relationship", FieldKind.Text, true),
            new("contactKind", FieldKind.Enum, Allowed: ContactKinds), new("method", FieldKind.Enum, true, Methods),
            new("delayReason", FieldKind.LongText), new("delayAuthorisedBy", FieldKind.Text),
        ]),
        new EntryTypeSpec(GuardianshipNotified, [new("body", FieldKind.Text, true), new("method", FieldKind.Enum, true, Methods)]),
        new EntryTypeSpec(MedicalExamination,
        [
            new("examiner", FieldKind.Text, true), new("injuriesFound", FieldKind.Bool, true), new("injuriesDescription", FieldKind.LongText),
            new("fitForDetention", FieldKind.Bool, true), new("hospitalReferral", FieldKind.Bool),
        ]),
        new EntryTypeSpec(RiskAssessment,
        [
            new("riskLevel", FieldKind.Enum, true, ["low", "medium", "high"]), new("observationLevel", FieldKind.Int, true, Min: 1, Max: 4),
            new("factors", FieldKind.TextList),
        ]),
        new EntryTypeSpec(SearchProperty,
        [
            new("searchedBy", FieldKind.Text, true), new("sameSexSearcher", FieldKind.Bool, true), new("items", FieldKind.TextList),
            new("sealedBagNumbers", FieldKind.TextList),
        ]),
        new EntryTypeSpec(CellPlacement, [new("cellId", FieldKind.Guid, true), new("overrideReason", FieldKind.LongText)], Correctable: false),
        new EntryTypeSpec(WelfareCheck,
        [
            new("condition", FieldKind.Enum, true, ["awake-well", "asleep-breathing", "roused-responsive", "needs-attention", "unresponsive"]),
            new("roused", FieldKind.Bool), new("checkedBy", FieldKind.Text),
        ]),
        new EntryTypeSpec(Meal, [new("kind", FieldKind.Enum, true, ["light", "main"]), new("outcome", FieldKind.Enum, true, ["offered", "accepted", "refused"])]),
        new EntryTypeSpec(Rest, [new("hours", FieldKind.Int, true, Min: 0, Max: 24)]),
        new EntryTypeSpec(Exercise, [new("minutes", FieldKind.Int, true, Min: 0, Max: 600), new("outdoors", FieldKind.Bool)]),
        new EntryTypeSpec(Medication,
        [
            new("name", FieldKind.Text, true), new("dose", FieldKind.Text, true), new("givenBy", FieldKind.Text, true),
            new("outcome", FieldKind.Enum, true, ["given", "refused"]),
        ]),
        new EntryTypeSpec(Visit,
        [
            new("visitorKind", FieldKind.Enum, true, ["lawyer", "relative", "consular", "other"]), new("visitorName", FieldKind.Text, true),
            new("endedAt", FieldKind.Instant),
        ]),
        new EntryTypeSpec(Removal,
        [
            new("purpose", FieldKind.Enum, true, ["interview", "investigative-action", "court", "hospital", "other"]),
            new("takenBy", FieldKind.Text, true), new("destination", FieldKind.Text),
        ]),
        new EntryTypeSpec(Return, [new("removalEntryId", FieldKind.Guid), new("condition", FieldKind.Text)]),
        new EntryTypeSpec(Complaint, [new("text", FieldKind.LongText, true), new("addressedTo", FieldKind.Text)]),
        new EntryTypeSpec(UseOfForce,
        [
            new("means", FieldKind.Enum, true, ["physical-force", "handcuffs", "restraints", "other-special-means"]),
            new("justification", FieldKind.LongText, true), new("usedBy", FieldKind.Text, true), new("injuries", FieldKind.Bool, true),
            new("medicalExamOffered", FieldKind.Bool, true),
        ]),
        new EntryTypeSpec(Incident,
        [
            new("kind", FieldKind.Enum, true, ["self-harm", "illness", "injury", "attempted-escape", "other"]),
            new("description", FieldKind.LongText, true), new("actionsTaken", FieldKind.LongText),
        ]),
        new EntryTypeSpec(Note, [new("text", FieldKind.LongText, true)]),
        new EntryTypeSpec(Transfer,
        [
            new("destination", FieldKind.Enum, true, ["pre-trial-centre", "other-facility", "hospital"]), new("destinationName", FieldKind.Text, true),
            new("escort", FieldKind.Text), new("propertyReturned", FieldKind.Bool, true), new("propertyDiscrepancy", FieldKind.LongText),
        ], ViaEntries: false, Correctable: false),
        new EntryTypeSpec(Release,
        [
            new("grounds", FieldKind.Enum, true, ["court-decision", "deadline", "no-grounds", "other"]), new("groundsDetail", FieldKind.LongText),
            new("propertyReturned", FieldKind.Bool, true), new("propertyDiscrepancy", FieldKind.LongText),
        ], ViaEntries: false, Correctable: false),
        new EntryTypeSpec(Correction, [], ViaEntries: false, Correctable: false),
    }.ToDictionary(t => t.Code);

    public static IEnumerable<string> WritableTypes => Types.Values.Where(t => t.ViaEntries).Select(t => t.Code);
}
