using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportProjectionColumns : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
