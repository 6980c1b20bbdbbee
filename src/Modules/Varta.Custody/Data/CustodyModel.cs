using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Custody.Data;

internal sealed class CustodyModel : IModelContributor
{
    /// <summary>The unique index that keeps a person from having two open records.</summary>
    public const string OpenRecordOfPersonIndex = "UX_custody_records_PersonId_open";

    public void Configure(ModelBuilder b)
    {
        b.Entity<Camera>(e =>
        {
            e.ToTable("custody_cameras");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(100).IsRequired();
            e.Property(c => c.Room).HasMaxLength(200).IsRequired();
            e.Property(c => c.RoomType).HasMaxLength(40).IsRequired();
            e.HasIndex(c => new { c.FacilityId, c.Code }).IsUnique();
        });
        b.Entity<Cell>(e =>
        {
            e.ToTable("custody_cells");
            e.HasKey(c => c.Id);
            e.Property(c => c.Number).HasMaxLength(20).IsRequired();
            e.Property(c => c.CameraIds).HasMaxLength(500);
            e.Property(c => c.FloorArea).HasPrecision(8, 2);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.FacilityId, c.Number }).IsUnique();
        });
        b.Entity<FacilitySettings>(e =>
        {
            e.ToTable("custody_facility_settings");
            e.HasKey(s => s.FacilityId);
            e.Property(s => s.MinFloorAreaPerPerson).HasPrecision(6, 2);
        });
        b.Entity<Person>(e =>
        {
            e.ToTable("custody_persons");
            e.HasKey(p => p.Id);
            e.Property(p => p.Surname).HasMaxLength(100).IsRequired();
            e.Property(p => p.GivenName).HasMaxLength(100).IsRequired();
            e.Property(p => p.Patronymic).HasMaxLength(100);
            e.Property(p => p.Sex).HasMaxLength(10).IsRequired();
            e.Property(p => p.Citizenship).HasMaxLength(60).IsRequired();
            e.Property(p => p.IdentityDocument).HasMaxLength(100);
            e.Property(p => p.PreferredLanguage).HasMaxLength(40);
            e.Property(p => p.SearchKey).HasMaxLength(210).IsRequired();
            e.HasIndex(p => new { p.SearchKey, p.DateOfBirth });
        });
        b.Entity<CustodyRecord>(e =>
        {
            e.ToTable("custody_records");
            e.HasKey(r => r.Id);
            e.Property(r => r.Number).HasMaxLength(40).IsRequired();
            e.Property(r => r.Status).HasMaxLength(20).IsRequired();
            e.Property(r => r.LegalBasis).HasMaxLength(20).IsRequired();
            e.Property(r => r.LegalBasisDetail).HasMaxLength(500);
            e.Property(r => r.AdministrativeException).HasMaxLength(40);
            e.Property(r => r.LegalRegime).HasMaxLength(40).IsRequired();
            e.Property(r => r.DetentionPlace).HasMaxLength(300).IsRequired();
            e.Property(r => r.DetainingOfficer).HasMaxLength(200).IsRequired();
            e.Property(r => r.ProceedingsNumber).HasMaxLength(40);
            e.Property(r => r.RiskLevel).HasMaxLength(20);
            e.Property(r => r.ClosedGrounds).HasMaxLength(40);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.FacilityId, r.Year, r.Sequence }).IsUnique();
            e.HasIndex(r => r.Number);
            e.HasIndex(r => new { r.FacilityId, r.Status });
            e.HasIndex(r => new { r.Status, r.NextCheckDue });
            e.HasIndex(r => r.PersonId);
            // One open record per person, whoever books at the same moment ("Status" quoted alike on SQLite and PostgreSQL).
            e.HasIndex(r => r.PersonId, OpenRecordOfPersonIndex).IsUnique().HasFilter($"\"Status\" = '{RecordStatus.InCustody}'");
            e.HasIndex(r => r.ProceedingsNumber);
            e.HasIndex(r => r.CellId);
            // The retention job's scan: closed records not yet anonymised, oldest closed first.
            e.HasIndex(r => r.ClosedAt, "IX_custody_records_ClosedAt_not_anonymised").HasFilter("\"AnonymisedAt\" IS NULL");
            // Reports: detentions and closures in a period, per facility; each index holds what its count reads, so the
            // database answers from the index alone.
            e.HasIndex(r => new { r.FacilityId, r.DetainedAt, r.InjuriesOnArrival, r.LegalAidNotifiedAt },
                "IX_custody_records_FacilityId_DetainedAt_report"); // named: the default name is longer than PostgreSQL allows
            e.HasIndex(r => new { r.FacilityId, r.ClosedAt, r.DetainedAt });
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RecordCounter>(e =>
        {
            e.ToTable("custody_record_counters");
            e.HasKey(c => new { c.FacilityId, c.Year });
            e.Property(c => c.Last).IsConcurrencyToken();
        });
        b.Entity<CustodyEntry>(e =>
        {
            e.ToTable("custody_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(40).IsRequired();
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.Property(x => x.AuthorId).HasMaxLength(100);
            e.Property(x => x.CorrectionReason).HasMaxLength(2000);
            e.Property(x => x.VideoCameraId).HasMaxLength(100);
            e.HasIndex(x => new { x.RecordId, x.Seq }).IsUnique();
            e.HasIndex(x => x.RecordedAt); // the review facts are read in storage order, from where the reader left off
            // Reports: complaints and use of force that occurred in a period, corrections made in it. The period's entries
            // of the type are found first, then their records by key (for the facility): a region's month reads tens of
            // index rows, not every entry of the region's records (9,000 records over three years in the benchmark).
            e.HasIndex(x => new { x.Type, x.OccurredAt, x.RecordId });
            e.HasIndex(x => new { x.Type, x.RecordedAt, x.RecordId });
            e.HasOne<CustodyRecord>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CustodyAlert>(e =>
        {
            e.ToTable("custody_alerts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Kind).HasMaxLength(40).IsRequired();
            e.HasIndex(a => new { a.FacilityId, a.ClearedAt });
            e.HasIndex(a => new { a.RecordId, a.Kind, a.ClearedAt });
            e.HasIndex(a => a.RaisedAt);
            e.HasIndex(a => new { a.FacilityId, a.Kind, a.DueAt }); // reports: checks overdue in a period
        });
    }
}
