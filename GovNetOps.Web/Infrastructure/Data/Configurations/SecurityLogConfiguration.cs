using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovNetOps.Web.Infrastructure.Data.Configurations;

public sealed class SecurityLogEntryConfiguration : IEntityTypeConfiguration<SecurityLogEntry>
{
    public void Configure(EntityTypeBuilder<SecurityLogEntry> builder)
    {
        builder.ToTable("SecurityLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.Outcome).HasConversion<int>();
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Roles).HasMaxLength(128);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(512);
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        // The audit page's filters, newest first; a change record is mirrored once.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Kind, e.At });
        builder.HasIndex(e => new { e.UserName, e.At });
        builder.HasIndex(e => e.ChangeRecordId).IsUnique();
    }
}

public sealed class ChainHeadRecordConfiguration : IEntityTypeConfiguration<ChainHeadRecord>
{
    public void Configure(EntityTypeBuilder<ChainHeadRecord> builder)
    {
        builder.ToTable("ChainHeads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).HasMaxLength(32);
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.Property(h => h.Mac).HasMaxLength(64);
    }
}

public sealed class SecurityLogArchiveRecordConfiguration : IEntityTypeConfiguration<SecurityLogArchiveRecord>
{
    public void Configure(EntityTypeBuilder<SecurityLogArchiveRecord> builder)
    {
        builder.ToTable("SecurityLogArchives");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(256);
        builder.Property(a => a.FileSha256).HasMaxLength(64);
        builder.Property(a => a.LastHash).HasMaxLength(64);
        builder.Property(a => a.Mac).HasMaxLength(64);
        builder.HasIndex(a => a.ToEntryId).IsUnique();
    }
}
