using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "IncidentId",
                table: "FaultTickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncidentNumber",
                table: "FaultTickets",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FaultTickets_IncidentNumber",
                table: "FaultTickets",
                column: "IncidentNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FaultTickets_IncidentNumber",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "IncidentId",
                table: "FaultTickets");

            migrationBuilder.DropColumn(
                name: "IncidentNumber",
                table: "FaultTickets");
        }
    }
}
