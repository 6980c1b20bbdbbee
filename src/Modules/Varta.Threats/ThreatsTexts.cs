using Varta.Platform.Localization;

namespace Varta.Threats;

internal sealed class ThreatsTexts : ITextCatalog
{
    public IReadOnlyDictionary<string, (string Uk, string En)> Texts { get; } = new Dictionary<string, (string Uk, string En)>
    {
        // Navigation
        ["threats.nav.report"] = ("Повідомити про загрозу", "Report a threat"),
        ["threats.nav.report.about"] = ("Кілька хвилин з будь-якого пристрою: що сталося, коли, від кого", "A few minutes from any device: what happened, when, from whom"),
        ["threats.nav.mine"] = ("Мої повідомлення і захист", "My reports and protection"),
        ["threats.nav.mine.about"] = ("Стан ваших повідомлень і заходи, вжиті для вашого захисту", "Where your reports stand and the measures taken to protect you"),
        ["threats.nav.triage"] = ("Нові повідомлення", "New reports"),
        ["threats.nav.triage.about"] = ("Сортування: недоречне звернення чи загроза, нова чи наявна справа", "Triage: inappropriate communication or threat, a new or an existing case"),
        ["threats.nav.cases"] = ("Справи про загрози", "Threat cases"),
        ["threats.nav.cases.about"] = ("Оцінювання, заходи захисту, прострочені справи", "Assessments, protective measures, overdue cases"),
        ["threats.nav.measure-types"] = ("Каталог заходів захисту", "Protective measures catalogue"),
        ["threats.nav.measure-types.about"] = ("Види заходів, з яких обирають аналітики", "The kinds of measure analysts choose from"),

        // Problems
        ["threats.too-many-files"] = ("Забагато файлів: щонайбільше {0}.", "Too many files: at most {0}."),
        ["threats.file-too-large"] = ("Файл «{0}» завеликий: щонайбільше {1} МБ.", "The file \"{0}\" is too large: at most {1} MB."),
        ["threats.file-type"] = ("Файл «{0}» такого типу не приймається: PDF, JPEG, PNG, WebP, MP3, OGG, MP4 або звичайний текст.",
            "The file \"{0}\" is of a type not accepted: PDF, JPEG, PNG, WebP, MP3, OGG, MP4 or plain text."),
        ["threats.request-too-large"] = ("Запит завеликий.", "The request is too large."),
        ["threats.body-type"] = ("Надішліть JSON або multipart/form-data.", "Send JSON or multipart/form-data."),
        ["threats.report-json"] = ("Повідомлення не прочитано: очікується JSON (у частині «report» для multipart).", "The report could not be read: JSON expected (in the part \"report\" for multipart)."),
        ["threats.source-say-something"] = ("Назвіть джерело або опишіть, що про нього відомо.", "Name the source or say what is known of it."),
        ["threats.not-on-behalf"] = ("Подавати повідомлення за іншу особу може лише співробітник охорони або аналітик.", "Only a security officer or an analyst may file for someone else."),
        ["threats.not-at-court"] = ("Ця особа не працює в цьому суді.", "This person does not work at this court."),
        ["threats.already-triaged"] = ("Повідомлення вже розподілено.", "The report has already been triaged."),
        ["threats.case-unknown"] = ("Такої справи немає серед ваших.", "No such case among yours."),
        ["threats.case-closed"] = ("Справу закрито: відкрийте нову або поверніть цю в роботу.", "The case is closed: open a new one or reopen it."),
        ["threats.case-is-closed"] = ("Справу закрито.", "The case is closed."),
        ["threats.changed"] = ("Справу щойно змінив інший користувач. Оновіть сторінку й повторіть.", "Someone else has just changed the case. Reload and try again."),
        ["threats.limit"] = ("Від 1 до {0}.", "From 1 to {0}."),
        ["threats.cursor"] = ("Неправильне продовження списку.", "Not a valid list continuation."),
        ["threats.status-order"] = ("Зі стану «{0}» не можна перейти до «{1}».", "A case cannot go from \"{0}\" to \"{1}\"."),
        ["threats.not-an-analyst"] = ("Ця особа не аналітик загроз цього суду.", "This person is not a threat analyst of this court."),
        ["threats.reviewer-is-assessor"] = ("Оцінку перевіряє інша особа, не автор.", "An assessment is reviewed by someone other than its author."),
        ["threats.not-pending"] = ("Ця оцінка не чекає на перевірку.", "This assessment is not waiting for review."),
        ["threats.superseded"] = ("Після цієї оцінки зроблено новішу.", "A newer assessment has been made since."),
        ["threats.code-format"] = ("Код: малі латинські літери, цифри й дефіс, 2–40 знаків.", "Code: lower-case Latin letters, digits and hyphens, 2–40 characters."),
        ["threats.order-range"] = ("Від 0 до 10000.", "From 0 to 10000."),
        ["threats.measure-type-unknown"] = ("Такого виду заходу немає в каталозі.", "No such measure in the catalogue."),
        ["threats.date-before-start"] = ("Не раніше дати початку.", "Not before the start date."),
        ["threats.date-format"] = ("Дата у форматі рррр-мм-дд.", "A date as yyyy-mm-dd."),
        ["threats.one-assignee"] = ("Призначте або підрозділ, або співробітника (одне з двох).", "Assign either a unit or an officer (one of them)."),
        ["threats.unit-unknown"] = ("Такого підрозділу немає.", "No such unit."),
        ["threats.not-an-officer"] = ("Ця особа не співробітник охорони чи аналітик цього суду.", "This person is not a security officer or analyst of this court."),
        ["threats.person-unknown"] = ("Такої особи немає серед захищуваних у справі.", "No such person among those the case protects."),
        ["threats.measure-status-order"] = ("Захід у стані «{0}» не можна перевести в «{1}».", "A measure that is \"{0}\" cannot become \"{1}\"."),
    };
}
