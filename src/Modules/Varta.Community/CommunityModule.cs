using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Community.CreateRecommendation;
using Varta.Community.CreateSurvey;
using Varta.Community.GetIndicators;
using Varta.Community.GetRecommendation;
using Varta.Community.ImportIndicators;
using Varta.Community.ListRecommendations;
using Varta.Community.Policy;
using Varta.Community.RecommendationOverview;
using Varta.Community.UpdateRecommendation;
using Varta.Community.Data;
using Varta.Community.ExportResponses;
using Varta.Community.ExportSurvey;
using Varta.Community.GetSurvey;
using Varta.Community.ListSurveys;
using Varta.Community.PublicSurvey;
using Varta.Community.SetSurveyStatus;
using Varta.Community.SubmitResponse;
using Varta.Community.SurveyReport;
using Varta.Community.SurveyResults;
using Varta.Community.Surveys;
using Varta.Community.GetPopulation;
using Varta.Community.GetTerritory;
using Varta.Community.ImportCodifier;
using Varta.Community.ImportPopulation;
using Varta.Community.ListTerritories;
using Varta.Community.Territories;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
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
        services.AddScoped<PolicyService>();
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
        SurveyReportEndpoint.Map(group);
        PublicSurveyEndpoint.Map(group);
        ImportIndicatorsEndpoint.Map(group);
        GetIndicatorsEndpoint.Map(group);
        RecommendationOverviewEndpoint.Map(group);
        CreateRecommendationEndpoint.Map(group);
        UpdateRecommendationEndpoint.Map(group);
        ListRecommendationsEndpoint.Map(group);
        GetRecommendationEndpoint.Map(group);
        return app;
    }
}
