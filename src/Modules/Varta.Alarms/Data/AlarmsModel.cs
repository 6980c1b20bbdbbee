using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Data;

internal sealed class AlarmsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Zone>(e =>
        {
            e.ToTable("alarms_zones");
            e.HasKey(z => z.Id);
            e.Property(z => z.Name).HasMaxLength(200).IsRequired();
            e.Property(z => z.NameEn).HasMaxLength(200).IsRequired();
            e.Property(z => z.Kind).HasMaxLength(30).IsRequired();
            e.HasIndex(z => z.SiteId);
        });
        b.Entity<Device>(e =>
        {
            e.ToTable("alarms_devices");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasMaxLength(30).IsRequired();
            e.Property(d => d.Name).HasMaxLength(200).IsRequired();
            e.Property(d => d.SecretHash).HasMaxLength(64).IsRequired();
            e.Property(d => d.AccountNumber).HasMaxLength(20);
            e.HasIndex(d => d.SecretHash).IsUnique();
            e.HasIndex(d => d.AccountNumber);
            e.HasIndex(d => d.SiteId);
            e.HasIndex(d => new { d.Offline, d.SilentAfter }); // the supervision scan, every second: devices overdue
        });
        b.Entity<Alarm>(e =>
        {
            e.ToTable("alarms_alarms");
            e.HasKey(a => a.Id);
            e.Property(a => a.Kind).HasMaxLength(30).IsRequired();
            e.Property(a => a.Status).HasMaxLength(20).IsRequired();
            e.Property(a => a.IdempotencyKey).HasMaxLength(100);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(200);
            e.Property(a => a.AcknowledgedByName).HasMaxLength(200);
            e.Property(a => a.RaisedByName).HasMaxLength(200);
            e.Property(a => a.RaisedByRole).HasMaxLength(40);
            e.Property(a => a.ResolvedBy).HasMaxLength(200);
            e.Property(a => a.Responders).HasMaxLength(1000);
            e.Property(a => a.Outcome).HasMaxLength(20);
            e.Property(a => a.PanelRef).HasMaxLength(40);
            e.Property(a => a.PanelText).HasMaxLength(300);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.DeviceId, a.IdempotencyKey }).IsUnique();
            e.HasIndex(a => new { a.Status, a.SiteId });
            e.HasIndex(a => new { a.Status, a.ReceivedAt }); // the escalation scan, every second: open alarms, oldest first
        });
        b.Entity<MedicalProfile>(e =>
        {
            e.ToTable("alarms_medical_profiles");
            e.HasKey(m => m.UserId);
            e.Ignore(m => m.Active);
            e.Property(m => m.BloodType).HasMaxLength(10);
            e.Property(m => m.Allergies).HasMaxLength(1000);
            e.Property(m => m.Conditions).HasMaxLength(1000);
            e.Property(m => m.Medications).HasMaxLength(1000);
            e.Property(m => m.EmergencyContactName).HasMaxLength(200);
            e.Property(m => m.EmergencyContactPhone).HasMaxLength(40);
        });
        b.Entity<ArmingSchedule>(e =>
        {
            e.ToTable("alarms_arming_schedules");
            e.HasKey(a => a.SiteId);
            e.Property(a => a.Windows).HasMaxLength(4000);
            e.Property(a => a.Holidays).HasMaxLength(8000);
        });
        b.Entity<Dc09Key>(e =>
        {
            e.ToTable("alarms_dc09_keys");
            e.HasKey(k => k.DeviceId);
            e.Property(k => k.Protected).HasMaxLength(1000).IsRequired();
            e.Property(k => k.IssuedBy).HasMaxLength(200).IsRequired();
        });
        b.Entity<DutyShift>(e =>
        {
            e.ToTable("alarms_duty_shifts");
            e.HasKey(s => s.Id);
            e.Property(s => s.CreatedBy).HasMaxLength(200).IsRequired();
            e.Property(s => s.CancelledBy).HasMaxLength(200);
            e.Property(s => s.CancelReason).HasMaxLength(500);
            e.HasIndex(s => new { s.SiteId, s.StartsAt });
            e.HasIndex(s => new { s.UserId, s.StartsAt }); // the overlap check
        });
        b.Entity<AlarmEvent>(e =>
        {
            e.ToTable("alarms_events");
            // Seq is numbered at commit (inside the audit chain's lock), so it cannot be the key EF tracks rows by.
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Seq).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(30).IsRequired();
            e.Property(x => x.Actor).HasMaxLength(200).IsRequired();
            e.HasIndex(x => new { x.SiteId, x.Seq });
        });
    }
}
