using Microsoft.EntityFrameworkCore.Migrations;

namespace XrayTriage.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RecordOperatingPoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "operating_point",
                schema: "triage",
                table: "triage_results",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "operating_point",
                schema: "triage",
                table: "triage_results");
        }
    }
}
