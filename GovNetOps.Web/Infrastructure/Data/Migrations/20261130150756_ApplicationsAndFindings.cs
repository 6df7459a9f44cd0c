using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationsAndFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NetworkAdminName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NetworkAdminMobile = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TechContactName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TechContactMobile = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IpCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BandwidthMbps = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangeType = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangeDetail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitOpinion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UnitSignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    ManagementOpinion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IpAllocation = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CarrierId = table.Column<int>(type: "INTEGER", nullable: true),
                    LocationClass = table.Column<int>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NextDeadlineAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkApplications_Carriers_CarrierId",
                        column: x => x.CarrierId,
                        principalTable: "Carriers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkApplications_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecurityFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RectificationDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Disconnected = table.Column<bool>(type: "INTEGER", nullable: false),
                    RectificationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RectifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityFindings_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationPauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationPauses_NetworkApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "NetworkApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Clock = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LatenessMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedUsers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationReminders_NetworkApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "NetworkApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationPauses_ApplicationId",
                table: "ApplicationPauses",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationReminders_ApplicationId_Clock_Level_DueAt",
                table: "ApplicationReminders",
                columns: new[] { "ApplicationId", "Clock", "Level", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkApplications_CarrierId_State",
                table: "NetworkApplications",
                columns: new[] { "CarrierId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkApplications_Number",
                table: "NetworkApplications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkApplications_SiteId",
                table: "NetworkApplications",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkApplications_State_NextDeadlineAt",
                table: "NetworkApplications",
                columns: new[] { "State", "NextDeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityFindings_SiteId_State",
                table: "SecurityFindings",
                columns: new[] { "SiteId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationPauses");

            migrationBuilder.DropTable(
                name: "ApplicationReminders");

            migrationBuilder.DropTable(
                name: "SecurityFindings");

            migrationBuilder.DropTable(
                name: "NetworkApplications");
        }
    }
}
