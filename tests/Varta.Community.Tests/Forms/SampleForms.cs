using Varta.Community.Forms;

namespace Varta.Community.Tests.Forms;

/// <summary>Hand-written forms with skip logic, in Ukrainian and English, used by several tests.</summary>
internal static class SampleForms
{
    public const string English = "English (en)";
    public const string Ukrainian = "Ukrainian (uk)";

    /// <summary>
    /// A community safety survey: crime questions only for victims, a police group only for those who reported,
    /// a required rating inside that group.
    /// </summary>
    public static Form Safety() => new()
    {
        Id = "community_safety",
        Version = "2025061201",
        Title = Text("Community safety survey", "Опитування про безпеку в громаді"),
        DefaultLanguage = Ukrainian,
        Questions =
        [
            Q(QuestionType.Note, "intro", "Thank you for taking part.", "Дякуємо за участь."),
            Q(QuestionType.Integer, "age", "How old are you?", "Скільки вам років?") with
            {
                Required = "true()",
                Constraint = ". >= 14 and . <= 120",
                ConstraintMessage = Text("Respondents are 14 to 120 years old.", "Респондентам від 14 до 120 років."),
            },
            Q(QuestionType.SelectOne, "feel_safe", "Do you feel safe in your street after dark?", "Чи почуваєтеся ви безпечно на своїй вулиці після настання темряви?") with
            {
                ListName = "yes_no",
                Required = "true()",
            },
            Q(QuestionType.SelectOne, "victim", "In the last 12 months, were you a victim of a crime?", "Чи були ви жертвою злочину за останні 12 місяців?") with
            {
                ListName = "yes_no",
                Required = "true()",
            },
            Q(QuestionType.SelectMultiple, "crime_types", "Which crimes?", "Яких злочинів?") with
            {
                ListName = "crimes",
                Relevant = "${victim} = 'yes'",
                Required = "true()",
                Constraint = "not(selected(., 'none')) or count-selected(.) = 1",
            },
            Q(QuestionType.SelectOne, "reported", "Did you report it to the police?", "Чи повідомили ви поліцію?") with
            {
                ListName = "yes_no",
                Relevant = "${victim} = 'yes'",
            },
            Q(QuestionType.Date, "report_date", "When did you report it?", "Коли ви повідомили?") with
            {
                Relevant = "${reported} = 'yes'",
                Constraint = ". <= today()",
            },
            new Question
            {
                Type = QuestionType.Group,
                Name = "police",
                Label = Text("Police response", "Реагування поліції"),
                Relevant = "${reported} = 'yes'",
                Children =
                [
                    Q(QuestionType.Integer, "police_rating", "Rate the response from 1 to 5.", "Оцініть реагування від 1 до 5.") with
                    {
                        Required = "true()",
                        Constraint = ". >= 1 and . <= 5",
                    },
                    Q(QuestionType.Text, "police_comment", "Anything to add?", "Бажаєте щось додати?"),
                ],
            },
            Q(QuestionType.Decimal, "hours_out", "Hours outside after dark in a week", "Годин надворі після настання темряви за тиждень") with
            {
                Constraint = ". >= 0 and . <= 168",
            },
            Q(QuestionType.Text, "phone", "Phone for a follow-up (optional)", "Телефон для повторного зв'язку (необов'язково)") with
            {
                Constraint = @"regex(., '\+?\d{10,12}')",
            },
            Q(QuestionType.Text, "safety_idea", "What would make your street safer?", "Що зробило б вашу вулицю безпечнішою?") with
            {
                Required = "${feel_safe} = 'no'",
                RequiredMessage = Text("Please tell us what would help.", "Будь ласка, скажіть, що допомогло б."),
            },
        ],
        ChoiceLists =
        [
            new ChoiceList("yes_no", [new Choice("yes", Text("Yes", "Так")), new Choice("no", Text("No", "Ні"))]),
            new ChoiceList("crimes",
            [
                new Choice("theft", Text("Theft", "Крадіжка")),
                new Choice("assault", Text("Assault", "Напад")),
                new Choice("vandalism", Text("Vandalism", "Вандалізм")),
                new Choice("fraud", Text("Fraud", "Шахрайство")),
                new Choice("none", Text("Rather not say", "Не хочу казати")),
            ]),
        ],
    };

    /// <summary>A household form: nested groups, a forward reference, date arithmetic, a required expression.</summary>
    public static Form Household() => new()
    {
        Id = "household",
        Questions =
        [
            Q(QuestionType.SelectOne, "consent", "Do you agree to take part?", "Чи погоджуєтеся ви взяти участь?") with { ListName = "yes_no", Required = "true()" },
            Q(QuestionType.Text, "early", "Asked only when 'late' has an answer", "Лише коли є відповідь на late") with { Relevant = "${late} != ''" },
            new Question
            {
                Type = QuestionType.Group,
                Name = "household",
                Relevant = "${consent} = 'yes'",
                Children =
                [
                    Q(QuestionType.Integer, "members", "People in the household", "Осіб у домогосподарстві") with { Required = "true()", Constraint = ". > 0 and . <= 30" },
                    Q(QuestionType.Integer, "children", "Of them children", "З них дітей") with { Relevant = "${members} > 1", Constraint = ". < ${members}" },
                    new Question
                    {
                        Type = QuestionType.Group,
                        Name = "head",
                        Label = LocalizedText.Plain("Head of household"),
                        Relevant = "${members} >= 1",
                        Children =
                        [
                            Q(QuestionType.Date, "dob", "Date of birth", "Дата народження") with { Constraint = ". < today() and today() - . < 43830" },
                            Q(QuestionType.Text, "name", "Name", "Ім'я") with { Constraint = "string-length(.) >= 2 and string-length(.) <= 40" },
                            Q(QuestionType.Decimal, "income", "Monthly income", "Місячний дохід") with
                            {
                                Required = "if(${members} > 3, true(), false())",
                                Constraint = "int(.) = . or . < 1000",
                            },
                        ],
                    },
                    Q(QuestionType.SelectMultiple, "worries", "Main worries", "Головні турботи") with { ListName = "worries", Constraint = "count-selected(.) <= 2" },
                ],
            },
            Q(QuestionType.Date, "moved_in", "When did you move in?", "Коли ви заселилися?") with { Relevant = "${dob} != ''", Constraint = ". >= ${dob}" },
            Q(QuestionType.Text, "late", "A late question", "Пізнє питання") with { Relevant = "coalesce(${name}, 'none') != 'none'" },
        ],
        ChoiceLists =
        [
            new ChoiceList("yes_no", [new Choice("yes", Text("Yes", "Так")), new Choice("no", Text("No", "Ні"))]),
            new ChoiceList("worries",
            [
                new Choice("crime", Text("Crime", "Злочинність")),
                new Choice("lighting", Text("Street lighting", "Вуличне освітлення")),
                new Choice("shelling", Text("Shelling", "Обстріли")),
                new Choice("roads", LocalizedText.Plain("Roads")),
            ]),
        ],
    };

    public static LocalizedText Text(string english, string ukrainian) => LocalizedText.Of((English, english), (Ukrainian, ukrainian));

    private static Question Q(QuestionType type, string name, string english, string ukrainian) =>
        new() { Type = type, Name = name, Label = Text(english, ukrainian) };
}
