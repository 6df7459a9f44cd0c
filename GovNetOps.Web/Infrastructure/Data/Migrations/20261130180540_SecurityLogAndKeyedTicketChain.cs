using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityLogAndKeyedTicketChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChainVersion",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ChainHeads",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyedFromId = table.Column<long>(type: "INTEGER", nullable: false),
                    Mac = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainHeads", x => x.Chain);
                });

            migrationBuilder.CreateTable(
                name: "SecurityLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChangeRecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SecurityLogArchives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Mac = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityLogArchives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityLog_At",
                table: "SecurityLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityLog_ChangeRecordId",
                table: "SecurityLog",
                column: "ChangeRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityLog_Kind_At",
                table: "SecurityLog",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityLog_UserName_At",
                table: "SecurityLog",
                columns: new[] { "UserName", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityLogArchives_ToEntryId",
                table: "SecurityLogArchives",
                column: "ToEntryId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainHeads");

            migrationBuilder.DropTable(
                name: "SecurityLog");

            migrationBuilder.DropTable(
                name: "SecurityLogArchives");

            migrationBuilder.DropColumn(
                name: "ChainVersion",
                table: "TicketEvents");
        }
    }
}
