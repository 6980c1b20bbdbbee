using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;
using Varta.Training.Courses;
using Varta.Training.Data;

namespace Varta.Training.Contracts;

internal sealed class TrainingProgress(VartaDbContext db, TimeProvider clock) : ITrainingProgress
{
    public async Task<IReadOnlyList<string>> CertifiedCoursesAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId && c.RevokedAt == null).ToListAsync(cancellationToken);
        return [.. certificates.Where(c => Progress.IsValid(c, now)).Select(c => c.CourseKey).Distinct().Order(StringComparer.Ordinal)];
    }
}
