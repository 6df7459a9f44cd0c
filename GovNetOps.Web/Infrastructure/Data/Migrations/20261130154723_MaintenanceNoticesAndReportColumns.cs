using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MaintenanceNoticesAndReportColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ComplexApprovedAt",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReopenCount",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RepairSeconds",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseSeconds",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedSeconds",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedSince",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuspensionCount",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MaintenanceNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CarrierId = table.Column<int>(type: "INTEGER", nullable: false),
                    AllSites = table.Column<bool>(type: "INTEGER", nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactMobile = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FiledByOps = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LongWindowReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenanceNotices_Carriers_CarrierId",
                        column: x => x.CarrierId,
                        principalTable: "Carriers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedUsers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenanceAlerts_MaintenanceNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "MaintenanceNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceNoticeSites",
                columns: table => new
                {
                    NoticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceNoticeSites", x => new { x.NoticeId, x.SiteId });
                    table.ForeignKey(
                        name: "FK_MaintenanceNoticeSites_MaintenanceNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "MaintenanceNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaintenanceNoticeSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceTicketLinks",
                columns: table => new
                {
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceTicketLinks", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_MaintenanceTicketLinks_FaultTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "FaultTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaintenanceTicketLinks_MaintenanceNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "MaintenanceNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceAlerts_NoticeId_Kind_DueAt",
                table: "MaintenanceAlerts",
                columns: new[] { "NoticeId", "Kind", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceNotices_CarrierId_StartsAt",
                table: "MaintenanceNotices",
                columns: new[] { "CarrierId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceNotices_Number",
                table: "MaintenanceNotices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceNotices_Status_StartsAt",
                table: "MaintenanceNotices",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceNoticeSites_SiteId",
                table: "MaintenanceNoticeSites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceTicketLinks_NoticeId",
                table: "MaintenanceTicketLinks",
                column: "NoticeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MaintenanceAlerts");

            migrationBuilder.DropTable(
                name: "MaintenanceNoticeSites");

            migrationBuilder.DropTable(
                name: "MaintenanceTicketLinks");

            migrationBuilder.DropTable(
                name: "MaintenanceNotices");

            migrationBuilder.DropColumn(
                name: "ComplexApprovedAt",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "ReopenCount",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "RepairSeconds",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "ResponseSeconds",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "SuspendedSeconds",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "SuspendedSince",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "SuspensionCount",
                table: "FaultTickets");
        }
    }
}
