using Microsoft.EntityFrameworkCore;

namespace Varta.Platform.Organisation;

/// <summary>A node of the organisation tree: country → region → unit → site.</summary>
internal sealed class OrgUnit
{
    public Guid Id { get; set; }

    public Guid? ParentId { get; set; }

    public OrgUnitKind Kind { get; set; }

    /// <summary>For sites: "detention-facility" or "court-building".</summary>
    public string? SiteKind { get; set; }

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string Code { get; set; } = "";

    public static void Configure(ModelBuilder builder) => builder.Entity<OrgUnit>(e =>
    {
        e.ToTable("platform_org_units");
        e.HasKey(u => u.Id);
        e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(u => u.SiteKind).HasMaxLength(32);
        e.Property(u => u.Name).HasMaxLength(300).IsRequired();
        e.Property(u => u.NameEn).HasMaxLength(300).IsRequired();
        e.Property(u => u.Code).HasMaxLength(40).IsRequired();
        e.HasIndex(u => u.Code).IsUnique();
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    });
}

public enum OrgUnitKind
{
    Country,
    Region,
    Unit,
    Site,
}

public static class SiteKinds
{
    public const string DetentionFacility = "detention-facility";
    public const string CourtBuilding = "court-building";
}
