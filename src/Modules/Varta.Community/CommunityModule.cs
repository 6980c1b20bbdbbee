using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Community.AuditReport;
using Varta.Community.CollectPage;
using Varta.Community.ComparePeriods;
using Varta.Community.CreateRecommendation;
using Varta.Community.CreateSurvey;
using Varta.Community.Data;
using Varta.Community.Demo;
using Varta.Community.DownloadXlsForm;
using Varta.Community.ExportResponses;
using Varta.Community.ExportSurvey;
using Varta.Community.GetIndicators;
using Varta.Community.GetPopulation;
using Varta.Community.GetRecommendation;
using Varta.Community.GetSurvey;
using Varta.Community.GetTerritory;
using Varta.Community.ImportCodifier;
using Varta.Community.ImportIndicators;
using Varta.Community.ImportPopulation;
using Varta.Community.ListRecommendations;
using Varta.Community.ListSurveys;
using Varta.Community.ListTerritories;
using Varta.Community.Policy;
using Varta.Community.PublicPage;
using Varta.Community.PublicSurvey;
using Varta.Community.RecommendationOverview;
using Varta.Community.ReportPdf;
using Varta.Community.ResultsChart;
using Varta.Community.ResultsCsv;
using Varta.Community.SetSurveyStatus;
using Varta.Community.SubmitResponse;
using Varta.Community.SurveyReport;
using Varta.Community.SurveyResults;
using Varta.Community.Surveys;
using Varta.Community.Territories;
using Varta.Community.UpdateRecommendation;
using Varta.Community.WriteFinding;
using Varta.Platform.Identity;
using Varta.Platform.Demo;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Persistence;

namespace Varta.Community;

/// <summary>Community safety audits: territories (KATOTTH), surveys with skip logic, weighted results, local security policies (see DESIGN.md, "Community").</summary>
public static class CommunityModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new CommunityModel();

    public static IServiceCollection AddCommunity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CommunityOptions>(configuration.GetSection("Community"));
        services.AddSingleton(Model);
        services.AddSingleton<ITextCatalog, CommunityTexts>();
        services.AddOperations(CommunityPolicies.Add);
        services.AddScoped<TerritoryService>();
        services.AddScoped<SurveyService>();
        services.AddScoped<PeriodComparison>();
        services.AddScoped<AuditReportService>();
        services.AddScoped<PolicyService>();
        services.AddSingleton<ResultsChartRenderer>();
        services.AddSingleton<IDemoSeeder, CommunityDemoSeeder>();
        services.AddSingleton<ResultsCsvWriter>();
        services.AddSingleton(new NavItem("/community/surveys", "community.nav.surveys", "community.nav.surveys.about", "🏘", 700, CommunityPolicies.AuditTeam));
        return services;
    }

    public static IEndpointRouteBuilder MapCommunity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/community").WithTags("Community");
        ImportCodifierEndpoint.Map(group);
        ImportPopulationEndpoint.Map(group);
        ListTerritoriesEndpoint.Map(group);
        GetTerritoryEndpoint.Map(group);
        GetPopulationEndpoint.Map(group);
        CreateSurveyEndpoint.Map(group);
        ListSurveysEndpoint.Map(group);
        GetSurveyEndpoint.Map(group);
        ExportSurveyEndpoint.Map(group);
        ExportResponsesEndpoint.Map(group);
        SetSurveyStatusEndpoint.Map(group);
        SubmitResponseEndpoint.Map(group);
        SurveyResultsEndpoint.Map(group);
        ComparePeriodsEndpoint.Map(group);
        SurveyReportEndpoint.Map(group);
        ReportPdfEndpoint.Map(group);
        WriteFindingEndpoint.Map(group);
        PublicSurveyEndpoint.Map(group);
        ImportIndicatorsEndpoint.Map(group);
        GetIndicatorsEndpoint.Map(group);
        RecommendationOverviewEndpoint.Map(group);
        CreateRecommendationEndpoint.Map(group);
        UpdateRecommendationEndpoint.Map(group);
        ListRecommendationsEndpoint.Map(group);
        GetRecommendationEndpoint.Map(group);

        // The pages' own routes (signed in with the cookie, which the API does not take), and the offline form pages.
        var pages = app.MapGroup("/community").ExcludeFromDescription();
        CollectPageEndpoint.MapPages(pages);
        PublicPageEndpoint.MapPages(pages);
        DownloadXlsFormEndpoint.MapPages(pages);
        ResultsChartEndpoint.MapPages(pages);
        ResultsCsvEndpoint.MapPages(pages);
        ReportPdfEndpoint.MapPages(pages);
        return app;
    }
}
