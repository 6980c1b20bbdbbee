using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Community.Data;

internal sealed class CommunityModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Territory>(e =>
        {
            e.ToTable("community_territories");
            e.HasKey(t => t.Code);
            e.Property(t => t.Code).HasMaxLength(19);
            e.Property(t => t.Category).HasMaxLength(1).IsRequired();
            e.Property(t => t.Level).HasMaxLength(12).IsRequired();
            e.Property(t => t.Name).HasMaxLength(200).IsRequired();
            e.Property(t => t.ParentCode).HasMaxLength(19);
            e.Property(t => t.OblastCode).HasMaxLength(19).IsRequired();
            e.Property(t => t.HromadaCode).HasMaxLength(19);
            e.HasIndex(t => t.ParentCode);
            e.HasIndex(t => new { t.OblastCode, t.Level });
            e.HasIndex(t => t.Name);
        });
        b.Entity<TerritoryImport>(e =>
        {
            e.ToTable("community_territory_imports");
            e.HasKey(i => i.Id);
            e.Property(i => i.FileName).HasMaxLength(200).IsRequired();
            e.Property(i => i.Details).IsRequired();
            e.Property(i => i.RecordedBy).HasMaxLength(200).IsRequired();
        });
        b.Entity<PopulationCell>(e =>
        {
            e.ToTable("community_population");
            e.HasKey(p => new { p.HromadaCode, p.Year, p.Sex, p.AgeGroup });
            e.Property(p => p.HromadaCode).HasMaxLength(19);
            e.Property(p => p.Sex).HasMaxLength(1);
            e.Property(p => p.AgeGroup).HasMaxLength(10);
        });
    }
}
