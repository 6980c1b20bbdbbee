using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Training.Data;

internal sealed class TrainingModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
