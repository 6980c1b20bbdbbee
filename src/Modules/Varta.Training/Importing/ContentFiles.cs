using System.Globalization;
using System.Reflection;
using System.Text;

namespace Varta.Training.Importing;

/// <summary>A course as its files describe it (Content/&lt;course&gt;/course.txt and one folder per lesson).</summary>
internal sealed record CourseFiles(IReadOnlyDictionary<string, string> Meta, IReadOnlyList<LessonFiles> Lessons)
{
    public string Key => Meta["key"];
}

internal sealed record LessonFiles(string Key, int Order, string MarkdownUk, string MarkdownEn, IReadOnlyList<IReadOnlyDictionary<string, string>> Cards,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Reflections, string GiftUk, string GiftEn);

/// <summary>Reads the content files: <c>key: value</c> lines, blocks separated by blank lines, <c>#</c> comment lines.</summary>
internal static class ContentFiles
{
    private const string Prefix = "Varta.Training.Content/";

    /// <summary>One <c>key: value</c> block per blank-line-separated group; a malformed line throws with its number.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Blocks(string text, string file)
    {
        var blocks = new List<IReadOnlyDictionary<string, string>>();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"{file}, line {lineNumber}: expected \"key: value\".");
            }

            var key = line[..colon].Trim();
            if (!current.TryAdd(key, line[(colon + 1)..].Trim()))
            {
                throw new FormatException($"{file}, line {lineNumber}: \"{key}\" appears twice in one block.");
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        return blocks;
    }

    /// <summary>The courses embedded in this assembly, in their order.</summary>
    public static IReadOnlyList<CourseFiles> Shipped()
    {
        var assembly = typeof(ContentFiles).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var courses = new List<CourseFiles>();
        foreach (var courseFolder in names.Where(n => n.EndsWith("/course.txt", StringComparison.Ordinal)).Select(n => n[..n.IndexOf('/', StringComparison.Ordinal)]))
        {
            var metaBlocks = Blocks(Read(assembly, $"{courseFolder}/course.txt"), $"{courseFolder}/course.txt");
            if (metaBlocks.Count != 1)
            {
                throw new FormatException($"{courseFolder}/course.txt: expected one block of \"key: value\" lines.");
            }

            var lessons = names.Where(n => n.StartsWith(courseFolder + "/", StringComparison.Ordinal) && n.EndsWith("/lesson.uk.md", StringComparison.Ordinal))
                .Select(n => n[(courseFolder.Length + 1)..n.LastIndexOf('/')])
                .Order(StringComparer.Ordinal)
                .Select(folder => Lesson(assembly, names, courseFolder, folder))
                .ToList();
            courses.Add(new CourseFiles(metaBlocks[0], lessons));
        }

        return courses.OrderBy(c => int.TryParse(c.Meta.GetValueOrDefault("order"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 999).ToList();
    }

    private static LessonFiles Lesson(Assembly assembly, HashSet<string> names, string course, string folder)
    {
        var dash = folder.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(folder[..dash], NumberStyles.Integer, CultureInfo.InvariantCulture, out var order))
        {
            throw new FormatException($"{course}/{folder}: a lesson folder is named NN-key.");
        }

        string Optional(string file) => names.Contains($"{course}/{folder}/{file}") ? Read(assembly, $"{course}/{folder}/{file}") : "";
        return new LessonFiles(folder[(dash + 1)..], order, Optional("lesson.uk.md"), Optional("lesson.en.md"),
            Blocks(Optional("cards.txt"), $"{course}/{folder}/cards.txt"), Blocks(Optional("reflections.txt"), $"{course}/{folder}/reflections.txt"),
            Optional("questions.uk.gift"), Optional("questions.en.gift"));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(Prefix + name) ?? throw new FileNotFoundException(name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The title of a Markdown lesson (its first "# " line) and the body after it.</summary>
    public static (string Title, string Body) SplitTitle(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var first = firstLineEnd < 0 ? text : text[..firstLineEnd];
        return first.StartsWith("# ", StringComparison.Ordinal)
            ? (first[2..].Trim(), firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..].Trim())
            : ("", text.Trim());
    }
}
