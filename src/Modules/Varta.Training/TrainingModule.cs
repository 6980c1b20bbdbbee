using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;
using Varta.Training.Data;

namespace Varta.Training;

/// <summary>Dynamic security and court security training: courses, flashcards on FSRS-6, tests, reflective journal, certificates (see DESIGN.md, "Training").</summary>
public static class TrainingModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new TrainingModel();

    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrainingOptions>(configuration.GetSection("Training"));
        services.AddSingleton(Model);
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/training").WithTags("Training");
        return app;
    }
}
