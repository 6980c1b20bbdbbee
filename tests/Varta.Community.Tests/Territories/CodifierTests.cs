using System.Text;
using Varta.Community.Territories;

namespace Varta.Community.Tests.Territories;

public sealed class CodifierTests
{
    // Codes in the codifier's shape (UA + 17 digits); the units are invented for the test.
    private const string Header = "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта";

    private static IReadOnlyList<IReadOnlyList<string>> Rows(params string[] lines) =>
        TableFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))));

    [Fact]
    public void A_published_codifier_gives_each_unit_its_level_parent_oblast_and_hromada()
    {
        var (units, errors) = Codifier.Read(Rows(
            Header,
            "UA01000000000011111;;;;;O;Вигадана область",
            "UA01000000000011111;UA01020000000022222;;;;P;Вигаданий район",
            "UA01000000000011111;UA01020000000022222;UA01020030000033333;;;H;Вигадана громада",
            "UA01000000000011111;UA01020000000022222;UA01020030000033333;UA01020030010044444;;C;с. Вигадане",
            "UA01000000000011111;UA01020000000022222;UA01020030000033333;UA01020030020055555;;M;м. Вигаданськ",
            "UA01000000000011111;UA01020000000022222;UA01020030000033333;UA01020030020055555;UA01020030020166666;B;Вигаданський район міста"));

        Assert.Empty(errors);
        Assert.Equal(6, units.Count);
        var village = units.Single(u => u.Code == "UA01020030010044444");
        Assert.Equal(("C", "settlement", "UA01020030000033333", "UA01000000000011111", "UA01020030000033333"),
            (village.Category, village.Level, village.ParentCode, village.OblastCode, village.HromadaCode));
        var district = units.Single(u => u.Code == "UA01020030020166666");
        Assert.Equal(("district", "UA01020030020055555", "UA01020030000033333"), (district.Level, district.ParentCode, district.HromadaCode));
        var hromada = units.Single(u => u.Code == "UA01020030000033333");
        Assert.Equal(("hromada", "UA01020030000033333", "UA01020000000022222"), (hromada.Level, hromada.HromadaCode, hromada.ParentCode));
    }

    [Fact]
    public void Cyrillic_category_letters_read_as_the_Latin_ones()
    {
        var (units, errors) = Codifier.Read(Rows(Header, "UA01000000000011111;;;;;О;Область з кириличною літерою"));

        Assert.Empty(errors);
        Assert.Equal("O", units.Single().Category);
    }

    [Fact]
    public void Every_bad_cell_is_named_by_its_row_and_column()
    {
        var (_, errors) = Codifier.Read(Rows(
            Header,
            "UA01000000000011111;;;;;O;Вигадана область",
            "UA0100000000001111;;;;;O;Код на цифру коротший",
            "UA01000000000011111;UA01020000000022222;;;;Q;Невідома категорія",
            "UA01000000000011111;UA01020000000099999;;;;P;",
            "UA01000000000011111;;;;;O;Той самий код удруге"));

        Assert.Contains(errors, e => e.Row == 3 && e.Column == "Перший рівень" && e.MessageEn.Contains("UA and 17 digits", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "Категорія об’єкта" && e.MessageUk.Contains("невідома категорія", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "Назва об’єкта");
        Assert.Contains(errors, e => e.Row == 6 && e.MessageEn.Contains("already on row 2", StringComparison.Ordinal));
        Assert.Equal("Аркуш «Кодифікатор», рядок 3, стовпець «Перший рівень»: «UA0100000000001111» не є кодом КАТОТТГ (UA і 17 цифр).",
            Codifier.Read(Rows(Header, "UA01000000000011111;;;;;O;Вигадана область", "UA0100000000001111;;;;;O;Код на цифру коротший"), "Кодифікатор").Errors[0].Message(english: false));
    }

    [Fact]
    public void A_unit_whose_parent_has_no_row_is_refused()
    {
        var (_, errors) = Codifier.Read(Rows(Header, "UA01000000000011111;UA01020000000022222;;;;P;Район без області"));

        Assert.Contains(errors, e => e.Row == 2 && e.MessageEn.Contains("UA01000000000011111", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_without_the_codifier_columns_is_refused_on_row_1()
    {
        var (units, errors) = Codifier.Read(Rows("code,name", "UA01000000000011111,Область"));

        Assert.Empty(units);
        Assert.Equal(1, Assert.Single(errors).Row);
    }

    [Fact]
    public void Population_rows_are_checked_against_the_hromadas_of_the_codifier()
    {
        var hromadas = new HashSet<string> { "UA01020030000033333" };
        var (cells, errors) = Codifier.ReadPopulation(Rows(
            "katotth,year,sex,age_group,count",
            "UA01020030000033333,2026,f,18-29,1200",
            "UA01020030000033333,2026,ч,18-29,1100",
            "UA01020000000022222,2026,f,18-29,10",
            "UA01020030000033333,2026,x,30-44,10",
            "UA01020030000033333,2026,f,18-29,5"), hromadas);

        Assert.Equal(2, cells.Count);
        Assert.Equal("m", cells[1].Sex);
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "katotth");
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "sex");
        Assert.Contains(errors, e => e.Row == 6 && e.MessageEn.Contains("already given", StringComparison.Ordinal));
    }
}
