using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Oversight.AddFinding;
using Varta.Oversight.AddUnregistered;
using Varta.Oversight.Catalogue;
using Varta.Oversight.CloseItem;
using Varta.Oversight.CloseVisit;
using Varta.Oversight.CreateGrant;
using Varta.Oversight.Dashboard;
using Varta.Oversight.Data;
using Varta.Oversight.DecideFootage;
using Varta.Oversight.FollowUp;
using Varta.Oversight.Footage;
using Varta.Oversight.GetItem;
using Varta.Oversight.GetVisit;
using Varta.Oversight.GrantRecord;
using Varta.Oversight.GrantRecords;
using Varta.Oversight.GranteeCandidates;
using Varta.Oversight.GranteeViews;
using Varta.Oversight.Grants;
using Varta.Oversight.ListFootage;
using Varta.Oversight.ListGrants;
using Varta.Oversight.ListQueue;
using Varta.Oversight.MarkVisitLine;
using Varta.Oversight.MyGrants;
using Varta.Oversight.PrintRecord;
using Varta.Oversight.Printing;
using Varta.Oversight.Queue;
using Varta.Oversight.RequestFootage;
using Varta.Oversight.RevokeGrant;
using Varta.Oversight.StartVisit;
using Varta.Oversight.SubjectExport;
using Varta.Oversight.ViewFootage;
using Varta.Oversight.Visits;
using Varta.Oversight.ReportChart;
using Varta.Oversight.ReportCsv;
using Varta.Oversight.Reports;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Persistence;

namespace Varta.Oversight;

/// <summary>Human rights inspectors and external control over the custody record (see DESIGN.md, "Oversight").</summary>
public static class OversightModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new OversightModel();

    public static IServiceCollection AddOversight(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OversightOptions>(configuration.GetSection("Oversight"));
        services.AddSingleton(Model);
        services.AddSingleton<ITextCatalog, OversightTexts>();
        services.AddOperations(OversightPolicies.Add);
        services.AddScoped<QueueScanner>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<GrantService>();
        services.AddScoped<VisitService>();
        services.AddScoped<FootageService>();
        services.AddScoped<ScopedRecords>();
        services.AddScoped<PrintRecordHandler>();
        services.AddScoped<SubjectExportHandler>();
        services.AddScoped<ReportQuery>();
        services.AddScoped<ReportCsvWriter>();
        services.AddScoped<ReportChartRenderer>();
        services.AddHostedService<QueueService>();
        services.AddSingleton(new NavItem("/oversight/footage", "oversight.nav.footage", "oversight.nav.footage.about", "🎥", 206, OversightPolicies.FootageRequesters));
        services.AddSingleton(new NavItem("/oversight/grants", "oversight.nav.grants", "oversight.nav.grants.about", "🔑", 202, OversightPolicies.GrantManagers));
        services.AddSingleton(new NavItem("/oversight/my-grants", "oversight.nav.my-grants", "oversight.nav.my-grants.about", "🔎", 203, OversightPolicies.Grantees));
        services.AddSingleton(new NavItem("/oversight/grantee-views", "oversight.nav.grantee-views", "oversight.nav.grantee-views.about", "👁", 204, OversightPolicies.FacilityHeads));
        services.AddSingleton(new NavItem("/oversight/queue", "oversight.nav.queue", "oversight.nav.queue.about", "⚖", 200, OversightPolicies.Readers));
        services.AddSingleton(new NavItem("/oversight/reports", "oversight.nav.reports", "oversight.nav.reports.about", "📊", 201, OversightPolicies.Readers));
        return services;
    }

    public static IEndpointRouteBuilder MapOversight(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/oversight").WithTags("Oversight");
        ListQueueEndpoint.Map(group);
        GetItemEndpoint.Map(group);
        AddFindingEndpoint.Map(group);
        CloseItemEndpoint.Map(group);
        FollowUpEndpoint.Map(group);
        DashboardEndpoint.Map(group);
        CatalogueEndpoint.Map(group);
        ViewFootageEndpoint.Map(group);
        DecideFootageEndpoint.Map(group);
        ListFootageEndpoint.Map(group);
        RequestFootageEndpoint.Map(group);
        CreateGrantEndpoint.Map(group);
        ListGrantsEndpoint.Map(group);
        GranteeCandidatesEndpoint.Map(group);
        RevokeGrantEndpoint.Map(group);
        MyGrantsEndpoint.Map(group);
        GrantRecordsEndpoint.Map(group);
        GrantRecordEndpoint.Map(group);
        GranteeViewsEndpoint.Map(group);
        StartVisitEndpoint.Map(group);
        GetVisitEndpoint.Map(group);
        MarkVisitLineEndpoint.Map(group);
        AddUnregisteredEndpoint.Map(group);
        CloseVisitEndpoint.Map(group);
        PrintRecordEndpoint.Map(group);
        SubjectExportEndpoint.Map(group);

        // Downloads for the pages (signed in with the cookie, which the API does not take).
        var downloads = app.MapGroup("/oversight").ExcludeFromDescription();
        PrintRecordEndpoint.MapDownload(downloads);
        SubjectExportEndpoint.MapDownload(downloads);
        ReportEndpoint.Map(group);
        ReportCsvEndpoint.Map(group);
        ReportChartEndpoint.Map(group);
        return app;
    }
}
