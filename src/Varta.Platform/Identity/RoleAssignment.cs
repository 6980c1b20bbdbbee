namespace Varta.Platform.Identity;

/// <summary>One role held by a user over one organisation unit and everything below it.</summary>
internal sealed class RoleAssignment
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Role { get; set; } = "";

    public Guid ScopeId { get; set; }
}
