using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PolicyVersionsContactsAndReportDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthlyReportDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Emailed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Posted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReportDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StoppedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityContacts_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicyVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    Response = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    RepairCountyDirect = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    RepairTownship = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    RepairCoreRoom = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Complex = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicyVersions", x => x.Version);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReportDeliveries_Month",
                table: "MonthlyReportDeliveries",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityContacts_SiteId_StoppedOn",
                table: "SecurityContacts",
                columns: new[] { "SiteId", "StoppedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyReportDeliveries");

            migrationBuilder.DropTable(
                name: "SecurityContacts");

            migrationBuilder.DropTable(
                name: "SlaPolicyVersions");
        }
    }
}
