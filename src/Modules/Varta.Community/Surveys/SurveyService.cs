using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Community.Data;
using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;
using Varta.Community.Results;
using Varta.Community.Territories;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Community.Surveys;

internal sealed record SurveyRequest(Guid? UnitId, string? TerritoryCode, string? PeriodFrom, string? PeriodTo, string? ConsentUk, string? ConsentEn);

internal sealed record SurveyDto(Guid Id, Guid UnitId, string Unit, string TerritoryCode, string Territory, string Title, string FormId, string FormVersion,
    string PeriodFrom, string PeriodTo, string Status, string? PublicToken, string ConsentUk, string ConsentEn, int Responses, IReadOnlyList<QuestionLineDto> Questions,
    int Version);

internal sealed record QuestionLineDto(string Name, string Type, string Label, IReadOnlyList<ChoiceDto> Choices);

internal sealed record ChoiceDto(string Name, string Label);

internal sealed record StatusRequest(string? Status, int? Version);

internal sealed record ResponseRequest(Guid? ClientId, string? Territory, IReadOnlyDictionary<string, string>? Answers);

internal sealed record ResponseReceiptDto(Guid ClientId, bool AlreadyStored);

internal sealed record ResultDto(string Question, string Label, string Area, string AreaName, int Respondents, double DesignEffect, double EffectiveRespondents,
    bool Weighted, int Threshold, IReadOnlyList<ResultLineDto> Answers, IReadOnlyList<string> StrataWithoutPopulation);

internal sealed record AuditReportDto(Guid SurveyId, string Title, string Area, string AreaName, string PeriodFrom, string PeriodTo, int Respondents,
    IReadOnlyList<ResultDto> Results);

/// <summary>What the offline interviewer page (and the public page) loads once: the form's JSON and the hromadas a respondent may live in.</summary>
internal sealed record CollectFormDto(Guid Id, string Title, string Status, string TerritoryCode, string ConsentUk, string ConsentEn,
    IReadOnlyList<HromadaDto> Hromadas, string Form);

internal sealed record HromadaDto(string Code, string Name);

internal sealed record ResultLineDto(string Value, string Label, int? Count, double? Share, double? WeightedShare, double? Lower, double? Upper, bool Suppressed);

/// <summary>
/// Surveys: a coordinator uploads a questionnaire as an XLSForm for a territory and a period, opens it (a public
/// self-completion link is made) and closes it; auditors and coordinators of the survey's unit collect responses and read
/// the results. A response is anonymous: the hromada the respondent lives in and the answers, nothing about the sender.
/// </summary>
internal sealed class SurveyService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc,
    IOptions<CommunityOptions> options)
{
    private static readonly ConcurrentDictionary<(Guid, int), Form> Forms = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Text(LocalizedText text)
    {
        var code = Loc.IsEnglish ? "(en)" : "(uk)";
        var key = text.Languages.FirstOrDefault(l => l.EndsWith(code, StringComparison.OrdinalIgnoreCase));
        return (key is null ? text.Resolve(null) : text[key]) ?? text.Texts.Values.FirstOrDefault() ?? "";
    }

    private Outcome<T> Refused<T>(IEnumerable<string> messages, string field)
    {
        var v = new Validator(loc);
        foreach (var m in messages.Take(100))
        {
            v.Fail(field, "community.import-error", m);
        }

        return Outcome<T>.Invalid(v);
    }

    /// <summary>
    /// Creates a survey (a draft) from an XLSForm: a malformed workbook → 400 naming each sheet, row and column; an
    /// unknown territory → 400; a unit outside the coordinator's scope → 404.
    /// </summary>
    public async Task<Outcome<SurveyDto>> CreateAsync(ClaimsPrincipal user, SurveyRequest request, Stream xlsx, CancellationToken ct)
    {
        var v = new Validator(loc).Required("unitId", request.UnitId).MaxLength("consentUk", request.ConsentUk, 4000).MaxLength("consentEn", request.ConsentEn, 4000);
        var from = Day(v, "periodFrom", request.PeriodFrom);
        var to = Day(v, "periodTo", request.PeriodTo);
        if (from is not null && to is not null && to < from)
        {
            v.Fail("periodTo", "community.period");
        }

        Territory? territory = null;
        if (!Codifier.IsCode(request.TerritoryCode))
        {
            v.Fail("territoryCode", "community.katotth");
        }
        else
        {
            territory = await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.TerritoryCode && t.RetiredAt == null, ct);
            if (territory is null)
            {
                v.Fail("territoryCode", "community.unknown-territory");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<SurveyDto>.Invalid(v);
        }

        if (org.Current.Find(request.UnitId!.Value) is null || !await authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, request.UnitId.Value))
        {
            return Outcome<SurveyDto>.NotFound();
        }

        using var copy = new MemoryStream();
        await xlsx.CopyToAsync(copy, ct);
        copy.Position = 0;
        var read = XlsFormReader.Read(copy);
        if (read.Form is null || read.Errors.Count > 0)
        {
            return Refused<SurveyDto>(read.Errors.Select(e => Loc.IsEnglish ? e.English : e.Ukrainian), "file");
        }

        var form = read.Form;
        var now = clock.GetUtcNow();
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(now), UnitId = request.UnitId.Value, TerritoryCode = territory!.Code, Title = Cut(Text(form.Title) is { Length: > 0 } t ? t : form.Id, 300),
            FormId = Cut(form.Id, 100), FormVersion = Cut(form.Version, 100), PeriodFrom = from!.Value, PeriodTo = to!.Value, Status = "draft",
            ConsentUk = request.ConsentUk?.Trim() ?? "", ConsentEn = request.ConsentEn?.Trim() ?? "", FormXlsx = copy.ToArray(), FormJson = FormJson.Serialize(form), Version = 1,
        };
        db.Add(survey);
        audit.Record(new AuditRecord
        {
            Action = "community.survey.created", ResourceType = "community-survey", ResourceId = survey.Id.ToString(), OrgUnitId = survey.UnitId,
            Details = JsonSerializer.Serialize(new { survey.FormId, survey.FormVersion, survey.TerritoryCode, questions = form.AllQuestions().Count() }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<SurveyDto>.Ok(Dto(survey, form, territory.Name, 0));
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    private static DateOnly? Day(Validator v, string field, string? text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        v.Fail(field, "community.date");
        return null;
    }

    public Form FormOf(Survey s) => Forms.GetOrAdd((s.Id, s.Version), _ =>
    {
        using var stream = new MemoryStream(s.FormXlsx);
        return XlsFormReader.Read(stream).Form ?? throw new InvalidOperationException($"The stored form of survey {s.Id} no longer reads.");
    });

    private SurveyDto Dto(Survey s, Form form, string territoryName, int responses) =>
        new(s.Id, s.UnitId, org.Current.Find(s.UnitId)?.DisplayName ?? "", s.TerritoryCode, territoryName, s.Title, s.FormId, s.FormVersion,
            s.PeriodFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.PeriodTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Status, s.PublicToken,
            s.ConsentUk, s.ConsentEn, responses,
            [.. form.AllQuestions().Where(q => q.Type != QuestionType.Group).Select(q => new QuestionLineDto(q.Name, FormJson.TypeName(q.Type), Text(q.Label),
                q.ListName is { } list && form.FindList(list) is { } l ? [.. l.Choices.Select(c => new ChoiceDto(c.Name, Text(c.Label)))] : []))], s.Version);

    /// <summary>The surveys of the units the caller works in as an auditor or a coordinator, newest first.</summary>
    public async Task<IReadOnlyList<SurveyDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var surveys = await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.RecordedAt).Take(500).ToListAsync(ct);
        var visible = new List<Survey>();
        foreach (var s in surveys)
        {
            if (await authorization.AllowsAsync(user, CommunityPolicies.ReadSurveys, s.UnitId))
            {
                visible.Add(s);
            }
        }

        var ids = visible.Select(s => s.Id).ToList();
        var counts = await db.Set<SurveyResponse>().AsNoTracking().Where(r => ids.Contains(r.SurveyId)).GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var codes = visible.Select(s => s.TerritoryCode).Distinct().ToList();
        var names = await db.Set<Territory>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return visible.Select(s => Dto(s, FormOf(s), names.GetValueOrDefault(s.TerritoryCode, ""), counts.GetValueOrDefault(s.Id))).ToList();
    }

    private async Task<Survey?> VisibleAsync(ClaimsPrincipal user, Guid id, string policy, CancellationToken ct)
    {
        var s = await db.Set<Survey>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is not null && await authorization.AllowsAsync(user, policy, s.UnitId) ? s : null;
    }

    public async Task<Outcome<SurveyDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ReadSurveys, ct);
        if (s is null)
        {
            return Outcome<SurveyDto>.NotFound();
        }

        var name = await db.Set<Territory>().AsNoTracking().Where(t => t.Code == s.TerritoryCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "";
        return Outcome<SurveyDto>.Ok(Dto(s, FormOf(s), name, await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, ct)));
    }

    /// <summary>The questionnaire back as an XLSForm, written from the stored form.</summary>
    public async Task<Outcome<byte[]>> ExportAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ReadSurveys, ct);
        if (s is null)
        {
            return Outcome<byte[]>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord { Action = "community.survey.exported", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = id.ToString() }, ct);
        return Outcome<byte[]>.Ok(XlsFormWriter.ToBytes(FormOf(s)));
    }

    /// <summary>Opens (a public link is made once) or closes a survey; 409 when it changed since read or moves backwards.</summary>
    public async Task<Outcome<SurveyDto>> SetStatusAsync(ClaimsPrincipal user, Guid id, StatusRequest request, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ManageSurveys, ct);
        if (s is null)
        {
            return Outcome<SurveyDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("status", request.Status, ["open", "closed"]);
        if (!v.IsValid)
        {
            return Outcome<SurveyDto>.Invalid(v);
        }

        if (request.Version is { } expected && expected != s.Version)
        {
            return Outcome<SurveyDto>.Conflict("community.survey-changed");
        }

        if (s.Status == "closed" || (s.Status == request.Status))
        {
            return Outcome<SurveyDto>.Conflict("community.status-move", s.Status, request.Status);
        }

        s.Status = request.Status!;
        s.PublicToken ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        s.Version++;
        audit.Record(new AuditRecord { Action = $"community.survey.{s.Status}", ResourceType = "community-survey", ResourceId = id.ToString(), OrgUnitId = s.UnitId });
        await db.SaveChangesAsync(ct);
        return await GetAsync(user, id, ct);
    }

    /// <summary>An interviewer (auditor or coordinator of the survey's unit) sends a response.</summary>
    public async Task<Outcome<ResponseReceiptDto>> SubmitAsync(ClaimsPrincipal user, Guid id, ResponseRequest request, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.CollectResponses, ct);
        return s is null ? Outcome<ResponseReceiptDto>.NotFound() : await StoreAsync(s, "interviewer", request, ct);
    }

    /// <summary>Self-completion through the public link: only while the survey is open; an unknown link → 404.</summary>
    public async Task<Outcome<ResponseReceiptDto>> SubmitPublicAsync(string token, ResponseRequest request, CancellationToken ct)
    {
        var s = token.Length is > 0 and <= 40 ? await db.Set<Survey>().FirstOrDefaultAsync(x => x.PublicToken == token, ct) : null;
        return s is null ? Outcome<ResponseReceiptDto>.NotFound() : await StoreAsync(s, "self", request, ct);
    }

    /// <summary>The public form (questions and consent) behind a link; 404 for an unknown link or a survey not open.</summary>
    public async Task<Survey?> PublicAsync(string token, CancellationToken ct) =>
        token.Length is > 0 and <= 40 ? await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(x => x.PublicToken == token && x.Status == "open", ct) : null;

    /// <summary>
    /// Stores a response once per client id (a resend answers 200 "already stored"); 409 when the survey is not open;
    /// 400 naming the question for an answer that breaks a constraint, answers an irrelevant question or is missing
    /// when required; 400 for a territory that is not a hromada within the survey's territory.
    /// </summary>
    private async Task<Outcome<ResponseReceiptDto>> StoreAsync(Survey s, string channel, ResponseRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("clientId", request.ClientId);
        if (request.Answers is null)
        {
            v.Fail("answers", "required");
        }
        else if (request.Answers.Count > 500 || request.Answers.Any(a => a.Key.Length > 100 || (a.Value?.Length ?? 0) > 4000))
        {
            v.Fail("answers", "community.answers-size");
        }

        Territory? home = null;
        if (!Codifier.IsCode(request.Territory))
        {
            v.Fail("territory", "community.katotth");
        }
        else
        {
            home = await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.Territory && t.RetiredAt == null, ct);
            if (home is null || home.HromadaCode != home.Code || !await WithinAsync(home, s.TerritoryCode, ct))
            {
                v.Fail("territory", "community.not-a-hromada-of-survey");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<ResponseReceiptDto>.Invalid(v);
        }

        if (await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == s.Id && r.ClientId == request.ClientId, ct))
        {
            return Outcome<ResponseReceiptDto>.Ok(new ResponseReceiptDto(request.ClientId!.Value, true));
        }

        if (s.Status != "open")
        {
            return Outcome<ResponseReceiptDto>.Conflict("community.survey-not-open");
        }

        var form = FormOf(s);
        var answers = request.Answers!.Where(a => !string.IsNullOrEmpty(a.Value)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var today = KyivTime.DayOf(clock.GetUtcNow());
        var problems = FormLogic.Validate(form, answers, today);
        if (problems.Count > 0)
        {
            var pv = new Validator(loc);
            foreach (var p in problems.Take(100))
            {
                var own = Text(p.FormMessage);
                pv.Fail($"answers.{p.Question}", "community.answer-problem", own.Length > 0 ? own : Loc.IsEnglish ? p.English : p.Ukrainian);
            }

            return Outcome<ResponseReceiptDto>.Invalid(pv);
        }

        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), SurveyId = s.Id, ClientId = request.ClientId!.Value, Channel = channel, HromadaCode = home!.Code,
            OblastCode = home.OblastCode, Sex = answers.GetValueOrDefault("sex") is "f" or "m" ? answers["sex"] : "", AgeGroup = Cut(answers.GetValueOrDefault("age_group") ?? "", 10),
            ReceivedOn = today, Answers = JsonSerializer.Serialize(answers, Json),
        };
        db.Add(response);
        var rows = new List<ResponseAnswer>();
        var multiple = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in form.AllQuestions().Where(q => q.Type is QuestionType.SelectOne or QuestionType.SelectMultiple))
        {
            if (!answers.TryGetValue(q.Name, out var value))
            {
                continue;
            }

            if (q.Type == QuestionType.SelectMultiple)
            {
                multiple.Add(q.Name);
            }

            foreach (var choice in q.Type == QuestionType.SelectMultiple ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [value])
            {
                rows.Add(new ResponseAnswer
                {
                    SurveyId = s.Id, ResponseId = response.Id, Question = q.Name, Value = Cut(choice, 100), HromadaCode = response.HromadaCode, OblastCode = response.OblastCode,
                    Sex = response.Sex, AgeGroup = response.AgeGroup,
                });
            }
        }

        db.AddRange(rows);
        try
        {
            // The response, its answer rows and the result counts they add to: all or nothing (a refused resend counts nothing).
            // A caller's own transaction (the demo seeder stores its answers in one) is joined, not nested.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            await ResultCounts.AddAsync(db, response, rows, multiple, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // The same response arrived twice at once: the first one stands.
            db.ChangeTracker.Clear();
            return Outcome<ResponseReceiptDto>.Ok(new ResponseReceiptDto(request.ClientId.Value, true));
        }

        return Outcome<ResponseReceiptDto>.Ok(new ResponseReceiptDto(response.ClientId, false));
    }

    private async Task<bool> WithinAsync(Territory t, string area, CancellationToken ct)
    {
        var code = t.Code;
        for (var depth = 0; depth < 8; depth++)
        {
            if (code == area)
            {
                return true;
            }

            var parent = await db.Set<Territory>().AsNoTracking().Where(x => x.Code == code).Select(x => x.ParentCode).FirstOrDefaultAsync(ct);
            if (parent is null)
            {
                return false;
            }

            code = parent;
        }

        return false;
    }

    // Read methods for the pages (added with the Community pages; they change nothing).

    /// <summary>The org units on which the caller may create surveys (the page's unit select).</summary>
    public async Task<IReadOnlyList<OrgNode>> UnitsToManageAsync(ClaimsPrincipal user)
    {
        var units = new List<OrgNode>();
        foreach (var node in org.Current.Nodes.OrderBy(n => n.DisplayName, StringComparer.CurrentCulture))
        {
            if (await authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, node.Id))
            {
                units.Add(node);
            }
        }

        return units;
    }

    /// <summary>Whether the caller may open, close (manage) the surveys of a unit.</summary>
    public Task<bool> CanManageAsync(ClaimsPrincipal user, Guid unitId) => authorization.AllowsAsync(user, CommunityPolicies.ManageSurveys, unitId);

    /// <summary>The interviewer page's form: only for those who collect responses on the survey's unit; null otherwise (404).</summary>
    public async Task<CollectFormDto?> CollectFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.CollectResponses, ct);
        return s is null ? null : await CollectDtoAsync(s, ct);
    }

    /// <summary>The public page's form behind a link: only while the survey is open; null otherwise (404).</summary>
    public async Task<CollectFormDto?> PublicFormAsync(string token, CancellationToken ct) =>
        await PublicAsync(token, ct) is { } s ? await CollectDtoAsync(s, ct) : null;

    private async Task<CollectFormDto> CollectDtoAsync(Survey s, CancellationToken ct)
    {
        var code = s.TerritoryCode;
        var hromadas = await db.Set<Territory>().AsNoTracking()
            .Where(t => t.RetiredAt == null && t.HromadaCode == t.Code && (t.Code == code || t.ParentCode == code || t.OblastCode == code))
            .OrderBy(t => t.Name).Take(2000).Select(t => new HromadaDto(t.Code, t.Name)).ToListAsync(ct);
        return new CollectFormDto(s.Id, s.Title, s.Status, s.TerritoryCode, s.ConsentUk, s.ConsentEn, hromadas, s.FormJson);
    }

    /// <summary>The hromadas (and oblasts) within a survey's territory, for the results page's area pickers.</summary>
    public async Task<IReadOnlyList<TerritoryDto>> AreasWithinAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ReadSurveys, ct);
        if (s is null)
        {
            return [];
        }

        var code = s.TerritoryCode;
        return (await db.Set<Territory>().AsNoTracking()
            .Where(t => t.RetiredAt == null && (t.Code == code || ((t.HromadaCode == t.Code || t.Level == "oblast") && (t.ParentCode == code || t.OblastCode == code))))
            .OrderBy(t => t.Name).Take(2000).ToListAsync(ct)).Select(TerritoryService.ToDto).ToList();
    }

    /// <summary>
    /// The survey's responses as anonymous rows (CSV, with a byte order mark): oblast, hromada, sex and age group coarsened
    /// until each combination rests on the threshold of respondents, and the answers to every question but free text
    /// (which can name people). Audited as an export.
    /// </summary>
    public async Task<Outcome<byte[]>> ExportRowsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ReadSurveys, ct);
        if (s is null)
        {
            return Outcome<byte[]>.NotFound();
        }

        var form = FormOf(s);
        var columns = form.AllQuestions().Where(q => q.Type is not (QuestionType.Group or QuestionType.Note or QuestionType.Text) && q.Name is not ("sex" or "age_group"))
            .Select(q => q.Name).ToList();
        var stored = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == id).OrderBy(r => r.Id)
            .Select(r => new { r.OblastCode, r.HromadaCode, r.Sex, r.AgeGroup, r.Answers }).ToListAsync(ct);
        var rows = AnonymousRows.Coarsen([.. stored.Select(r => new AnonymousRow(r.OblastCode, r.HromadaCode, r.Sex, r.AgeGroup,
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.Answers, Json) ?? []))], options.Value.MinimumCellCount);
        using var stream = new MemoryStream();
        using (var csv = CsvHelper.CsvWriter.Create(stream, new CsvHelper.CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvHelper.CsvInjection.Escape }, true))
        {
            foreach (var header in new[] { "oblast", "hromada", "sex", "age_group" }.Concat(columns))
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Oblast);
                csv.WriteField(row.Hromada);
                csv.WriteField(row.Sex);
                csv.WriteField(row.AgeGroup);
                foreach (var column in columns)
                {
                    csv.WriteField(row.Answers.GetValueOrDefault(column) ?? "");
                }

                csv.EndRecord();
            }
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "community.responses.exported", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = id.ToString(), OrgUnitId = s.UnitId,
            Details = JsonSerializer.Serialize(new { rows = rows.Count, threshold = options.Value.MinimumCellCount }),
        }, ct);
        return Outcome<byte[]>.Ok(stream.ToArray());
    }

    /// <summary>
    /// The audit report's survey part for a territory and the survey's period: the weighted results of every choice
    /// question over the area (suppression applied). Indicators and the local policy come from their own routes.
    /// </summary>
    public async Task<Outcome<AuditReportDto>> ReportAsync(ClaimsPrincipal user, Guid id, string? area, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ReadSurveys, ct);
        if (s is null)
        {
            return Outcome<AuditReportDto>.NotFound();
        }

        area = string.IsNullOrWhiteSpace(area) ? s.TerritoryCode : area;
        var territory = Codifier.IsCode(area) ? await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == area, ct) : null;
        if (territory is null)
        {
            return Outcome<AuditReportDto>.Invalid(new Validator(loc).Fail("area", "community.unknown-territory"));
        }

        var form = FormOf(s);
        var results = new List<ResultDto>();
        foreach (var q in form.AllQuestions().Where(q => q.Type is QuestionType.SelectOne or QuestionType.SelectMultiple && q.ListName is not null))
        {
            if (form.FindList(q.ListName!) is not { } list)
            {
                continue;
            }

            var r = await ComputeAsync(s, q.Name, q.Type == QuestionType.SelectMultiple, [.. list.Choices.Select(c => c.Name)], territory, ct);
            var labels = list.Choices.ToDictionary(c => c.Name, c => Text(c.Label));
            results.Add(new ResultDto(q.Name, Text(q.Label), territory.Code, territory.Name, r.Respondents, Math.Round(r.DesignEffect, 4), Math.Round(r.EffectiveRespondents, 1),
                r.Weighted, r.Threshold,
                [.. r.Answers.Select(a => new ResultLineDto(a.Value, labels.GetValueOrDefault(a.Value, a.Value), a.Count, a.Share, a.WeightedShare, a.Lower, a.Upper, a.Suppressed))],
                [.. r.StrataWithoutPopulation.Select(x => $"{x.Hromada} {x.Sex} {x.AgeGroup}")]));
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "community.report.read", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = id.ToString(), OrgUnitId = s.UnitId,
            Details = JsonSerializer.Serialize(new { area }),
        }, ct);
        return Outcome<AuditReportDto>.Ok(new AuditReportDto(s.Id, s.Title, territory.Code, territory.Name, s.PeriodFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            s.PeriodTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), results.Select(r => r.Respondents).DefaultIfEmpty(0).Max(), results));
    }

    /// <summary>
    /// The results of one choice question over an area (the survey's whole territory, an oblast or a hromada): counts,
    /// unweighted and weighted shares with 95 % intervals, small cells suppressed. Audited as a read.
    /// </summary>
    public async Task<Outcome<ResultDto>> ResultsAsync(ClaimsPrincipal user, Guid id, string? question, string? area, CancellationToken ct)
    {
        var s = await VisibleAsync(user, id, CommunityPolicies.ReadSurveys, ct);
        if (s is null)
        {
            return Outcome<ResultDto>.NotFound();
        }

        var form = FormOf(s);
        var q = question is null ? null : form.FindQuestion(question);
        if (q is null || q.Type is not (QuestionType.SelectOne or QuestionType.SelectMultiple) || q.ListName is null || form.FindList(q.ListName) is not { } list)
        {
            return Outcome<ResultDto>.Invalid(new Validator(loc).Fail("question", "community.not-a-choice-question"));
        }

        area = string.IsNullOrWhiteSpace(area) ? s.TerritoryCode : area;
        var territory = Codifier.IsCode(area) ? await db.Set<Territory>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == area, ct) : null;
        if (territory is null)
        {
            return Outcome<ResultDto>.Invalid(new Validator(loc).Fail("area", "community.unknown-territory"));
        }

        var result = await ComputeAsync(s, q.Name, q.Type == QuestionType.SelectMultiple, [.. list.Choices.Select(c => c.Name)], territory, ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "community.results.read", Category = AuditCategory.Read, ResourceType = "community-survey", ResourceId = id.ToString(), OrgUnitId = s.UnitId,
            Details = JsonSerializer.Serialize(new { question = q.Name, area }),
        }, ct);
        var labels = list.Choices.ToDictionary(c => c.Name, c => Text(c.Label));
        return Outcome<ResultDto>.Ok(new ResultDto(q.Name, Text(q.Label), territory.Code, territory.Name, result.Respondents, Math.Round(result.DesignEffect, 4),
            Math.Round(result.EffectiveRespondents, 1), result.Weighted, result.Threshold,
            [.. result.Answers.Select(a => new ResultLineDto(a.Value, labels.GetValueOrDefault(a.Value, a.Value), a.Count, a.Share, a.WeightedShare, a.Lower, a.Upper, a.Suppressed))],
            [.. result.StrataWithoutPopulation.Select(x => $"{x.Hromada} {x.Sex} {x.AgeGroup}")]));
    }

    /// <summary>
    /// Counts by hromada, sex and age group, read from the survey's count tables (kept on each stored response) and
    /// weighted in the database by the population of the survey's year (see Results/CountedResults.cs). An area above
    /// oblast level (the survey's own territory, e.g. the country) is not filtered: all of the survey's responses lie within it.
    /// </summary>
    public Task<QuestionResult> ComputeAsync(Survey s, string question, bool multiple, IReadOnlyList<string> values, Territory area, CancellationToken ct) =>
        CountedResults.ComputeAsync(db, s, question, multiple, values, area, options.Value.MinimumCellCount, ct);
}
