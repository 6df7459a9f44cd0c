using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClockSignals : Migration
    {
        /// <inheritdoc />
    // The renames EF guessed carry no meaning: every row gets ProjectionVersion 0 and is rebuilt from its events at
    // start-up (Infrastructure/Tickets/TicketReadModelExtensions), which rewrites every clock column.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ResponseBreached",
                table: "FaultTickets",
                newName: "ResponseRunning");

            migrationBuilder.RenameColumn(
                name: "RepairBreached",
                table: "FaultTickets",
                newName: "RepairSuspended");

            migrationBuilder.AddColumn<bool>(
                name: "IsOpen",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ProjectionVersion",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "RepairAllowance",
                table: "FaultTickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RepairBreachedDeadline",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RepairMetAt",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RepairRunning",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResponseAllowance",
                table: "FaultTickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseBreachedDeadline",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseMetAt",
                table: "FaultTickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaultTickets_IsOpen_CarrierId",
                table: "FaultTickets",
                columns: new[] { "IsOpen", "CarrierId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FaultTickets_IsOpen_CarrierId",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "IsOpen",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "ProjectionVersion",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "RepairAllowance",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "RepairBreachedDeadline",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "RepairMetAt",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "RepairRunning",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "ResponseAllowance",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "ResponseBreachedDeadline",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "ResponseMetAt",
                table: "FaultTickets");

            migrationBuilder.RenameColumn(
                name: "ResponseRunning",
                table: "FaultTickets",
                newName: "ResponseBreached");

            migrationBuilder.RenameColumn(
                name: "RepairSuspended",
                table: "FaultTickets",
                newName: "RepairBreached");
        }
    }
}
