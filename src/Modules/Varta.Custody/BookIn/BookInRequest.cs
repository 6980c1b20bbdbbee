namespace Varta.Custody.BookIn;

internal sealed record PersonInput(
    string? Surname,
    string? GivenName,
    string? Patronymic,
    string? DateOfBirth,
    string? Sex,
    string? Citizenship,
    string? IdentityDocument,
    string? PreferredLanguage,
    bool? InterpreterNeeded);

/// <summary>Instants are ISO 8601 strings with an offset, so that a local time is never misread.</summary>
internal sealed record BookInRequest(
    Guid? FacilityId,
    Guid? PersonId,
    PersonInput? Person,
    string? LegalBasis,
    string? LegalBasisDetail,
    string? AdministrativeException,
    string? DetainedAt,
    string? DetentionPlace,
    string? ArrivedAt,
    string? DetainingOfficer,
    string? ProceedingsNumber);
