namespace Varta.Training.Questions;

/// <summary>Moodle's GIFT text format for question banks: reading (with line-numbered errors in English and Ukrainian) and writing.</summary>
internal static class Gift
{
    public static GiftParseResult Parse(string text) => GiftReader.Read(text);

    public static string Write(IEnumerable<Question> questions) => GiftWriter.Write(questions);
}
