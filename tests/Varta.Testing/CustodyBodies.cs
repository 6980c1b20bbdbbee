using Varta.Platform.Demo;

namespace Varta.Testing;

/// <summary>Request bodies of the custody API for tests outside the custody module (which have their own richer helper).</summary>
public static class CustodyBodies
{
    /// <summary>A valid booking into ІТТ №1 of an invented person detained 40 minutes ago and delivered 30 minutes ago.</summary>
    public static Dictionary<string, object?> BookIn(VartaFactory factory, string surname) => new()
    {
        ["facilityId"] = DemoData.DetentionFacility1,
        ["person"] = new Dictionary<string, object?>
        {
            ["surname"] = surname, ["givenName"] = "Петро", ["patronymic"] = "Іванович", ["dateOfBirth"] = "1990-05-17", ["sex"] = "male",
            ["citizenship"] = "Україна", ["preferredLanguage"] = "українська", ["interpreterNeeded"] = false,
        },
        ["legalBasis"] = "cpc-208",
        ["detainedAt"] = factory.Clock.GetUtcNow().AddMinutes(-40).ToString("O"),
        ["detentionPlace"] = "м. Київ, вул. Вигадана, 7",
        ["arrivedAt"] = factory.Clock.GetUtcNow().AddMinutes(-30).ToString("O"),
        ["detainingOfficer"] = "ст. лейтенант Вигаданий В. В.",
    };
}
