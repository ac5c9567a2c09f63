using Microsoft.EntityFrameworkCore.Migrations;


namespace XrayTriage.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RecordContentGateDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "content_gate_score",
                schema: "triage",
                table: "triage_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "content_gate_threshold",
                schema: "triage",
                table: "triage_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "not_assessable_reason",
                schema: "triage",
                table: "triage_results",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_triage_results_not_assessable_reason",
                schema: "triage",
                table: "triage_results",
                sql: "not_assessable_reason IS NULL OR (not_assessable_reason IN ('NotChestRadiograph', 'BlankImage') AND priority = 'NotAssessable' AND content_gate_score IS NOT NULL AND content_gate_threshold IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_triage_results_not_assessable_reason",
                schema: "triage",
                table: "triage_results");

            migrationBuilder.DropColumn(
                name: "content_gate_score",
                schema: "triage",
                table: "triage_results");

            migrationBuilder.DropColumn(
                name: "content_gate_threshold",
                schema: "triage",
                table: "triage_results");

            migrationBuilder.DropColumn(
                name: "not_assessable_reason",
                schema: "triage",
                table: "triage_results");
        }
    }
}
