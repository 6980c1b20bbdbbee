using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Persistence;
using Varta.Threats.ActionDone;
using Varta.Threats.AddActionItem;
using Varta.Threats.AddMeasure;
using Varta.Threats.AddNote;
using Varta.Threats.AddPerson;
using Varta.Threats.Advisories;
using Varta.Threats.AskRecommendation;
using Varta.Threats.Assess;
using Varta.Threats.Assessments;
using Varta.Threats.Calendar;
using Varta.Threats.Cases;
using Varta.Threats.CloseIncident;
using Varta.Threats.ConfirmAdvisory;
using Varta.Threats.ConfirmHealthNotice;
using Varta.Threats.Courts;
using Varta.Threats.Dashboard;
using Varta.Threats.Data;
using Varta.Threats.Debrief;
using Varta.Threats.FileHealthNotice;
using Varta.Threats.FileReport;
using Varta.Threats.FiledHealthNotices;
using Varta.Threats.GetAttachment;
using Varta.Threats.GetCase;
using Varta.Threats.GetIncident;
using Varta.Threats.GetReport;
using Varta.Threats.IncidentAlarms;
using Varta.Threats.Incidents;
using Varta.Threats.Intake;
using Varta.Threats.IssueAdvisory;
using Varta.Threats.IssuedAdvisories;
using Varta.Threats.Lessons;
using Varta.Threats.ListCases;
using Varta.Threats.ListIncidents;
using Varta.Threats.ListMeasureTypes;
using Varta.Threats.Measures;
using Varta.Threats.MyActionItems;
using Varta.Threats.MyAdvisories;
using Varta.Threats.MyHealthNotices;
using Varta.Threats.MyProtection;
using Varta.Threats.MyRecommendationRequests;
using Varta.Threats.MyReports;
using Varta.Threats.OnBehalfCandidates;
using Varta.Threats.OpenIncident;
using Varta.Threats.OpenRecommendationRequests;
using Varta.Threats.ReviewAssessment;
using Varta.Threats.SaveMeasureType;
using Varta.Threats.SetMeasureStatus;
using Varta.Threats.TriageList;
using Varta.Threats.TriageReport;
using Varta.Threats.UpdateCase;

namespace Varta.Threats;

/// <summary>Threat reports, protective investigations and measures for judges, court staff and their families (see DESIGN.md, "Threats").</summary>
public static class ThreatsModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new ThreatsModel();

    public static IServiceCollection AddThreats(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ThreatsOptions>(configuration.GetSection("Threats"));
        services.AddSingleton(Model);
        services.AddSingleton<ITextCatalog, ThreatsTexts>();
        services.AddOperations(ThreatsPolicies.Add);
        services.AddSingleton<BusinessCalendar>();
        services.AddScoped<IntakeService>();
        services.AddScoped<CaseService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<MeasureService>();
        services.AddScoped<AdvisoryService>();
        services.AddScoped<IncidentService>();
        services.AddSingleton(new NavItem("/threats/report", "threats.nav.report", "threats.nav.report.about", "🛡", 300, ThreatsPolicies.CourtPeople));
        services.AddSingleton(new NavItem("/threats/mine", "threats.nav.mine", "threats.nav.mine.about", "📨", 301, ThreatsPolicies.CourtPeople));
        services.AddSingleton(new NavItem("/threats/triage", "threats.nav.triage", "threats.nav.triage.about", "📥", 302, ThreatsPolicies.Analysts));
        services.AddSingleton(new NavItem("/threats/cases", "threats.nav.cases", "threats.nav.cases.about", "🗂", 303, ThreatsPolicies.CaseReaders));
        services.AddSingleton(new NavItem("/threats/advisories", "threats.nav.advisories", "threats.nav.advisories.about", "📣", 305, ThreatsPolicies.Issuers));
        services.AddSingleton(new NavItem("/threats/health-notices", "threats.nav.notices", "threats.nav.notices.about", "😷", 306, ThreatsPolicies.MedicalOfficers));
        services.AddSingleton(new NavItem("/threats/incidents", "threats.nav.incidents", "threats.nav.incidents.about", "📝", 307, ThreatsPolicies.Debriefers));
        services.AddSingleton(new NavItem("/threats/measure-types", "threats.nav.measure-types", "threats.nav.measure-types.about", "📋", 304, ThreatsPolicies.Administrators));
        return services;
    }

    public static IEndpointRouteBuilder MapThreats(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/threats").WithTags("Threats");
        FileReportEndpoint.Map(group);
        MyReportsEndpoint.Map(group);
        GetReportEndpoint.Map(group);
        GetAttachmentEndpoint.Map(group);
        CourtsEndpoint.Map(group);
        OnBehalfCandidatesEndpoint.Map(group);
        TriageListEndpoint.Map(group);
        TriageReportEndpoint.Map(group);
        ListCasesEndpoint.Map(group);
        GetCaseEndpoint.Map(group);
        UpdateCaseEndpoint.Map(group);
        AddPersonEndpoint.Map(group);
        AddNoteEndpoint.Map(group);
        DashboardEndpoint.Map(group);
        AssessEndpoint.Map(group);
        ReviewAssessmentEndpoint.Map(group);
        ListMeasureTypesEndpoint.Map(group);
        SaveMeasureTypeEndpoint.Map(group);
        AddMeasureEndpoint.Map(group);
        SetMeasureStatusEndpoint.Map(group);
        MyProtectionEndpoint.Map(group);
        IssueAdvisoryEndpoint.Map(group);
        IssuedAdvisoriesEndpoint.Map(group);
        MyAdvisoriesEndpoint.Map(group);
        ConfirmAdvisoryEndpoint.Map(group);
        AskRecommendationEndpoint.Map(group);
        MyRecommendationRequestsEndpoint.Map(group);
        OpenRecommendationRequestsEndpoint.Map(group);
        FileHealthNoticeEndpoint.Map(group);
        FiledHealthNoticesEndpoint.Map(group);
        MyHealthNoticesEndpoint.Map(group);
        ConfirmHealthNoticeEndpoint.Map(group);
        OpenIncidentEndpoint.Map(group);
        ListIncidentsEndpoint.Map(group);
        GetIncidentEndpoint.Map(group);
        DebriefEndpoint.Map(group);
        AddActionItemEndpoint.Map(group);
        CloseIncidentEndpoint.Map(group);
        ActionDoneEndpoint.Map(group);
        MyActionItemsEndpoint.Map(group);
        IncidentAlarmsEndpoint.Map(group);
        LessonsEndpoint.Map(group);

        // Downloads for the pages (signed in with the cookie, which the API does not take).
        GetAttachmentEndpoint.MapDownload(app.MapGroup("/threats").ExcludeFromDescription());
        return app;
    }
}
