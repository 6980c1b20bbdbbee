using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Community.Data;

internal sealed class CommunityModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
    }
}
