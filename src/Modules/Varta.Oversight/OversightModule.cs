using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Oversight.AddFinding;
using Varta.Oversight.Catalogue;
using Varta.Oversight.CloseItem;
using Varta.Oversight.Dashboard;
using Varta.Oversight.Data;
using Varta.Oversight.FollowUp;
using Varta.Oversight.GetItem;
using Varta.Oversight.ListQueue;
using Varta.Oversight.Queue;
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
        services.AddScoped<ReportQuery>();
        services.AddScoped<ReportCsvWriter>();
        services.AddScoped<ReportChartRenderer>();
        services.AddHostedService<QueueService>();
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
        ReportEndpoint.Map(group);
        ReportCsvEndpoint.Map(group);
        ReportChartEndpoint.Map(group);
        return app;
    }
}
