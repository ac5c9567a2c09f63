using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;



namespace XrayTriage.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddReportOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "sc_series_uuid",
                schema: "triage",
                table: "studies",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "sr_series_uuid",
                schema: "triage",
                table: "studies",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<Guid>(
                name: "sc_uuid",
                schema: "triage",
                table: "instances",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "spool_purged_at",
                schema: "triage",
                table: "instances",
                type: "timestamptz",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "tracking_uuid",
                schema: "triage",
                table: "instances",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddColumn<byte[]>(
                name: "heatmap",
                schema: "triage",
                table: "inference_runs",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "heatmap_height",
                schema: "triage",
                table: "inference_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "heatmap_width",
                schema: "triage",
                table: "inference_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reports",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    study_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    sr_uuid = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    predecessor_report_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    image_count = table.Column<int>(type: "integer", nullable: false),
                    fanned_out_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.id);
                    table.CheckConstraint("ck_reports_image_count", "image_count >= 0");
                    table.CheckConstraint("ck_reports_predecessor", "(version = 1) = (predecessor_report_id IS NULL)");
                    table.CheckConstraint("ck_reports_priority", "priority IN ('Urgent', 'Routine', 'NotAssessable')");
                    table.CheckConstraint("ck_reports_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_reports_predecessor",
                        column: x => x.predecessor_report_id,
                        principalSchema: "triage",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_study",
                        column: x => x.study_id,
                        principalSchema: "triage",
                        principalTable: "studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_deliveries",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    report_id = table.Column<long>(type: "bigint", nullable: false),
                    destination = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_deliveries", x => x.id);
                    table.CheckConstraint("ck_report_deliveries_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_report_deliveries_claim", "state <> 'Sending' OR (claimed_by IS NOT NULL AND lease_until IS NOT NULL)");
                    table.CheckConstraint("ck_report_deliveries_delivered", "(state = 'Delivered') = (delivered_at IS NOT NULL)");
                    table.CheckConstraint("ck_report_deliveries_state", "state IN ('Pending', 'Sending', 'Delivered', 'Failed', 'Superseded')");
                    table.ForeignKey(
                        name: "fk_report_deliveries_report",
                        column: x => x.report_id,
                        principalSchema: "triage",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_instances_unpurged",
                schema: "triage",
                table: "instances",
                column: "id",
                filter: "spool_purged_at IS NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_inference_runs_heatmap",
                schema: "triage",
                table: "inference_runs",
                sql: "(heatmap IS NULL AND heatmap_width IS NULL AND heatmap_height IS NULL) OR (heatmap_width BETWEEN 1 AND 64 AND heatmap_height BETWEEN 1 AND 64 AND octet_length(heatmap) = heatmap_width * heatmap_height)");

            migrationBuilder.CreateIndex(
                name: "ix_report_deliveries_claim",
                schema: "triage",
                table: "report_deliveries",
                columns: new[] { "destination", "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ux_report_deliveries_report_id_destination",
                schema: "triage",
                table: "report_deliveries",
                columns: new[] { "report_id", "destination" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_not_fanned_out",
                schema: "triage",
                table: "reports",
                column: "id",
                filter: "fanned_out_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reports_predecessor_report_id",
                schema: "triage",
                table: "reports",
                column: "predecessor_report_id");

            migrationBuilder.CreateIndex(
                name: "ux_reports_study_id_version",
                schema: "triage",
                table: "reports",
                columns: new[] { "study_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_deliveries",
                schema: "triage");

            migrationBuilder.DropTable(
                name: "reports",
                schema: "triage");

            migrationBuilder.DropIndex(
                name: "ix_instances_unpurged",
                schema: "triage",
                table: "instances");

            migrationBuilder.DropCheckConstraint(
                name: "ck_inference_runs_heatmap",
                schema: "triage",
                table: "inference_runs");

            migrationBuilder.DropColumn(
                name: "sc_series_uuid",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "sr_series_uuid",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "sc_uuid",
                schema: "triage",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "spool_purged_at",
                schema: "triage",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "tracking_uuid",
                schema: "triage",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "heatmap",
                schema: "triage",
                table: "inference_runs");

            migrationBuilder.DropColumn(
                name: "heatmap_height",
                schema: "triage",
                table: "inference_runs");

            migrationBuilder.DropColumn(
                name: "heatmap_width",
                schema: "triage",
                table: "inference_runs");
        }
    }
}
