using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class MaintenanceNoticeRecordConfiguration : IEntityTypeConfiguration<MaintenanceNoticeRecord>
{
    public void Configure(EntityTypeBuilder<MaintenanceNoticeRecord> builder)
    {
        builder.ToTable("MaintenanceNotices");
        builder.HasIndex(n => n.Number).IsUnique();
        builder.Property(n => n.Number).HasMaxLength(32);
        builder.Property(n => n.Work).HasMaxLength(1000);
        builder.Property(n => n.Impact).HasMaxLength(1000);
        builder.Property(n => n.ContactName).HasMaxLength(64);
        builder.Property(n => n.ContactMobile).HasMaxLength(32);
        builder.Property(n => n.FiledBy).HasMaxLength(256);
        builder.Property(n => n.DecidedBy).HasMaxLength(256);
        builder.Property(n => n.LateReason).HasMaxLength(500);
        builder.Property(n => n.LongWindowReason).HasMaxLength(500);
        builder.Property(n => n.DecisionReason).HasMaxLength(500);
        builder.Property(n => n.Status).HasConversion<int>();
        builder.Property(n => n.Version).IsConcurrencyToken();
        // The board and intake look up windows by status and time.
        builder.HasIndex(n => new { n.Status, n.StartsAt });
        builder.HasIndex(n => new { n.CarrierId, n.StartsAt });
        builder.HasOne(n => n.Carrier).WithMany().HasForeignKey(n => n.CarrierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Sites).WithOne().HasForeignKey(s => s.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MaintenanceNoticeSiteConfiguration : IEntityTypeConfiguration<MaintenanceNoticeSite>
{
    public void Configure(EntityTypeBuilder<MaintenanceNoticeSite> builder)
    {
        builder.ToTable("MaintenanceNoticeSites");
        builder.HasKey(s => new { s.NoticeId, s.SiteId });
        builder.HasIndex(s => s.SiteId);
        builder.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MaintenanceAlertRecordConfiguration : IEntityTypeConfiguration<MaintenanceAlertRecord>
{
    public void Configure(EntityTypeBuilder<MaintenanceAlertRecord> builder)
    {
        builder.ToTable("MaintenanceAlerts");
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.Source).HasConversion<int>();
        // Exactly once: a second insert of the same alert fails and is ignored.
        builder.HasIndex(a => new { a.NoticeId, a.Kind, a.DueAt }).IsUnique();
        builder.HasOne<MaintenanceNoticeRecord>().WithMany().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MaintenanceTicketLinkConfiguration : IEntityTypeConfiguration<MaintenanceTicketLink>
{
    public void Configure(EntityTypeBuilder<MaintenanceTicketLink> builder)
    {
        builder.ToTable("MaintenanceTicketLinks");
        builder.HasKey(l => l.TicketId);
        builder.Property(l => l.Verdict).HasConversion<int>();
        builder.Property(l => l.DecidedBy).HasMaxLength(256);
        builder.HasIndex(l => l.NoticeId);
        builder.HasOne(l => l.Notice).WithMany().HasForeignKey(l => l.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FaultTicketRecord>().WithOne().HasForeignKey<MaintenanceTicketLink>(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
