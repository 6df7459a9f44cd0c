using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovNetOps.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteRegistryFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IpCount",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NetworkPurpose",
                table: "Sites",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "UserKind",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // Existing sites: 事业单位 stays a public institution; the demo's organ types (政法机关, 政府部门, 乡镇政府)
            // are party and government organs (党政机关); anything else keeps its text as 其他.
            migrationBuilder.Sql(
                "UPDATE Sites SET UserKind = CASE WHEN UserType = '事业单位' THEN 2 "
                + "WHEN UserType IN ('党政机关', '政法机关', '政府部门', '乡镇政府', '') THEN 1 ELSE 3 END;");
            migrationBuilder.Sql("UPDATE Sites SET UserType = '党政机关' WHERE UserKind = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IpCount",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "NetworkPurpose",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "UserKind",
                table: "Sites");
        }
    }
}
