using Varta.Platform.Localization;

namespace Varta.Community;

internal sealed class CommunityTexts : ITextCatalog
{
    public IReadOnlyDictionary<string, (string Uk, string En)> Texts { get; } = new Dictionary<string, (string Uk, string En)>
    {
        ["community.import-error"] = ("{0}", "{0}"),
        ["community.no-file"] = ("Надішліть файл: частину «file» форми або CSV у тілі запиту.", "Send a file: the part \"file\" of a form, or CSV as the request body."),
        ["community.multipart"] = ("Надішліть multipart/form-data з файлом XLSForm у частині «file».", "Send multipart/form-data with the XLSForm in the part \"file\"."),
        ["community.period"] = ("Кінець періоду не може бути раніше за його початок.", "The period cannot end before it starts."),
        ["community.date"] = ("Дата у форматі рррр-ММ-дд.", "A date written yyyy-MM-dd."),
        ["community.unknown-territory"] = ("Такої території немає в кодифікаторі.", "There is no such territory in the codifier."),
        ["community.survey-changed"] = ("Опитування змінено в іншому вікні; перевірте і спробуйте знову.", "The survey was changed in another window; check it and try again."),
        ["community.status-move"] = ("Опитування у стані «{0}» не можна перевести в «{1}».", "A survey that is \"{0}\" cannot become \"{1}\"."),
        ["community.answers-size"] = ("Забагато відповідей або задовга відповідь.", "Too many answers, or an answer too long."),
        ["community.not-a-hromada-of-survey"] = ("Це не громада території опитування.", "This is not a hromada of the survey's territory."),
        ["community.survey-not-open"] = ("Опитування не відкрите: відповіді не приймаються.", "The survey is not open: responses are not taken."),
        ["community.answer-problem"] = ("{0}", "{0}"),
        ["community.not-a-choice-question"] = ("Оберіть питання з варіантами відповіді.", "Pick a question with choices."),
        ["community.number"] = ("Потрібне число.", "A number is needed."),
        ["community.target-equals-baseline"] = ("Ціль має відрізнятися від вихідного значення.", "The target must differ from the baseline."),
        ["community.future-date"] = ("Дата не може бути в майбутньому.", "The date cannot be in the future."),
        ["community.recommendation-changed"] = ("Рекомендацію змінено в іншому вікні; перевірте і спробуйте знову.", "The recommendation was changed in another window; check it and try again."),
        ["community.recommendation-closed"] = ("Рекомендацію вже виконано або скасовано.", "The recommendation is already achieved or dropped."),
        ["community.katotth"] = ("Код КАТОТТГ — це UA і 17 цифр.", "A KATOTTH code is UA and 17 digits."),
    };
}
