using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.AddCamera;
using Varta.Custody.AddCell;
using Varta.Custody.Alerts;
using Varta.Custody.AppendEntry;
using Varta.Custody.Board;
using Varta.Custody.BookIn;
using Varta.Custody.ChangeFacilitySettings;
using Varta.Custody.Contracts;
using Varta.Custody.CorrectEntry;
using Varta.Custody.Data;
using Varta.Custody.Entries;
using Varta.Custody.EntryTypes;
using Varta.Custody.ListCameras;
using Varta.Custody.ListFacilities;
using Varta.Custody.Overdue;
using Varta.Custody.ReadFacilitySettings;
using Varta.Custody.ReadRecord;
using Varta.Custody.Records;
using Varta.Custody.Release;
using Varta.Custody.Retention;
using Varta.Custody.Retention.RetentionPreview;
using Varta.Custody.Retention.RetentionRun;
using Varta.Custody.SearchRecords;
using Varta.Custody.Transfer;
using Varta.Custody.UpdateCell;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Persistence;

namespace Varta.Custody;

/// <summary>The custody record: a detainee's journey from actual detention to release, with the law's deadlines.</summary>
public static class CustodyModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new CustodyModel();

    public static IServiceCollection AddCustody(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CustodyOptions>(configuration.GetSection("Custody"));
        services.PostConfigure<CustodyOptions>(o =>
        {
            // The binder appends configured list items to the built-in defaults; a configured list replaces them instead.
            if (configuration.GetSection("Custody:LegalRegimes") is { } regimes && regimes.Exists())
            {
                o.LegalRegimes = regimes.Get<List<LegalRegime>>() ?? [];
            }

            if (configuration.GetSection("Custody:AdministrativeExceptions") is { } exceptions && exceptions.Exists())
            {
                o.AdministrativeExceptions = exceptions.Get<List<AdministrativeException>>() ?? [];
            }
        });
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.Period > TimeSpan.Zero && o.ScanInterval > TimeSpan.Zero && o.ScanInterval <= RetentionOptions.LongestScanInterval && o.BatchSize > 0,
                "Custody:Retention: Period must be positive, ScanInterval from 1 ms to 49 days, BatchSize at least 1")
            .ValidateOnStart();
        services.AddSingleton(Model);
        services.AddSingleton<ITextCatalog, CustodyTexts>();
        services.AddSingleton<CustodyChanges>();
        services.AddOperations(CustodyPolicies.Add);
        services.AddScoped<RecordReader>();
        services.AddScoped<ICustodyRecords, CustodyRecords>();
        services.AddScoped<ICustodyReviewFacts, Review.CustodyReviewFacts>();
        services.AddScoped<ICustodyDocuments, Documents.CustodyDocuments>();
        services.AddScoped<ICustodyStatistics, Statistics.CustodyStatisticsQuery>();
        services.AddScoped<EntryWriter>();
        services.AddScoped<EntryChecks>();
        services.AddScoped<BookInHandler>();
        services.AddScoped<AppendEntryHandler>();
        services.AddScoped<CorrectEntryHandler>();
        services.AddScoped<ReleaseHandler>();
        services.AddScoped<TransferHandler>();
        services.AddScoped<ReadRecordHandler>();
        services.AddScoped<RecordView>();
        services.AddScoped<SearchQuery>();
        services.AddScoped<BoardQuery>();
        services.AddScoped<OpenAlertsQuery>();
        services.AddScoped<OverdueQuery>();
        services.AddScoped<ListFacilitiesQuery>();
        services.AddScoped<AddCellHandler>();
        services.AddScoped<Cameras.CameraRegistry>();
        services.AddScoped<UpdateCellHandler>();
        services.AddScoped<ReadFacilitySettingsQuery>();
        services.AddScoped<ChangeFacilitySettingsHandler>();
        services.AddScoped<AlertScanner>();
        services.AddSingleton<AlertService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertService>());
        services.AddScoped<Anonymiser>();
        services.AddScoped<RetentionPreviewQuery>();
        services.AddScoped<RetentionRunHandler>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddSingleton<IDemoSeeder, CustodyDemoSeeder>();
        services.AddSingleton(new NavItem("/custody/board", "custody.nav.board", "custody.nav.board.about", "🛏", 100, CustodyRoles.Readers));
        services.AddSingleton(new NavItem("/custody/book-in", "custody.nav.book-in", "custody.nav.book-in.about", "➕", 110, Roles.CustodyOfficer));
        services.AddSingleton(new NavItem("/custody/search", "custody.nav.search", "custody.nav.search.about", "🔎", 120, CustodyRoles.Readers));
        services.AddSingleton(new NavItem("/custody/facilities", "custody.nav.facilities", "custody.nav.facilities.about", "🏢", 130, CustodyRoles.FacilityViewers));
        services.AddSingleton(new NavItem("/custody/retention", "custody.nav.retention", "custody.nav.retention.about", "🗄", 140, CustodyRoles.FacilityAdmins));
        return services;
    }

    public static IEndpointRouteBuilder MapCustody(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/custody").WithTags("Custody");
        BookInEndpoint.Map(group);
        AppendEntryEndpoint.Map(group);
        CorrectEntryEndpoint.Map(group);
        ReleaseEndpoint.Map(group);
        TransferEndpoint.Map(group);
        ReadRecordEndpoint.Map(group);
        SearchRecordsEndpoint.Map(group);
        BoardEndpoint.Map(group);
        AlertsEndpoint.Map(group);
        OverdueEndpoint.Map(group);
        ListFacilitiesEndpoint.Map(group);
        AddCellEndpoint.Map(group);
        ListCamerasEndpoint.Map(group);
        AddCameraEndpoint.Map(group);
        UpdateCellEndpoint.Map(group);
        ReadFacilitySettingsEndpoint.Map(group);
        ChangeFacilitySettingsEndpoint.Map(group);
        EntryTypesEndpoint.Map(group);
        RetentionPreviewEndpoint.Map(group);
        RetentionRunEndpoint.Map(group);
        return app;
    }
}
