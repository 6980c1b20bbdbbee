using Varta.Platform.Localization;

namespace Varta.Community;

internal sealed class CommunityTexts : ITextCatalog
{
    public IReadOnlyDictionary<string, (string Uk, string En)> Texts { get; } = new Dictionary<string, (string Uk, string En)>
    {
        ["community.import-error"] = ("{0}", "{0}"),
        ["community.no-file"] = ("Надішліть файл: частину «file» форми або CSV у тілі запиту.", "Send a file: the part \"file\" of a form, or CSV as the request body."),
        ["community.katotth"] = ("Код КАТОТТГ — це UA і 17 цифр.", "A KATOTTH code is UA and 17 digits."),
    };
}
