namespace Varta.Training.Contracts;

/// <summary>What other modules may ask of Training: whether a person has a valid certificate for a course.</summary>
public interface ITrainingProgress
{
    /// <summary>The courses a user holds a valid (unexpired) certificate for, by course key.</summary>
    Task<IReadOnlyList<string>> CertifiedCoursesAsync(Guid userId, CancellationToken cancellationToken);
}
