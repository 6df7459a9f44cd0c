using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FindingReconnectionAndProvisionalNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReconnectedAt",
                table: "SecurityFindings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProvisionalDeadlineNotices",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Clock = table.Column<int>(type: "INTEGER", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifiedUsers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisionalDeadlineNotices", x => x.ApplicationId);
                    table.ForeignKey(
                        name: "FK_ProvisionalDeadlineNotices_NetworkApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "NetworkApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProvisionalDeadlineNotices");

            migrationBuilder.DropColumn(
                name: "ReconnectedAt",
                table: "SecurityFindings");
        }
    }
}
