using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace XrayTriage.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddTriagePipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "studies",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    study_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    patient_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    patient_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    accession_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    study_date = table.Column<DateOnly>(type: "date", nullable: true),
                    study_description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    modality = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    body_part_examined = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    first_received_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    image_count = table.Column<int>(type: "integer", nullable: false),
                    triage_priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    priority_rank = table.Column<short>(type: "smallint", nullable: false, computedColumnSql: "(CASE triage_priority WHEN 'Urgent' THEN 3 WHEN 'Routine' THEN 2 WHEN 'NotAssessable' THEN 1 ELSE 0 END)::smallint", stored: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_studies", x => x.id);
                    table.CheckConstraint("ck_studies_image_count", "image_count >= 0");
                    table.CheckConstraint("ck_studies_triage_priority", "triage_priority IN ('Urgent', 'Routine', 'NotAssessable')");
                });

            migrationBuilder.CreateTable(
                name: "instances",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    study_id = table.Column<long>(type: "bigint", nullable: false),
                    sop_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sop_class_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    series_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    transfer_syntax_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    calling_ae_title = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    spool_path = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    eligibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    skip_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    claimed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true),
                    triaged_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instances", x => x.id);
                    table.CheckConstraint("ck_instances_attempts", "attempts >= 0");
                    table.CheckConstraint("ck_instances_claim", "state <> 'Processing' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL)");
                    table.CheckConstraint("ck_instances_eligibility", "eligibility IN ('Eligible', 'Skipped')");
                    table.CheckConstraint("ck_instances_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_instances_size_bytes", "size_bytes >= 0");
                    table.CheckConstraint("ck_instances_skip_reason", "(eligibility = 'Skipped') = (skip_reason IS NOT NULL) AND (eligibility = 'Skipped') = (state = 'Skipped')");
                    table.CheckConstraint("ck_instances_state", "state IN ('Received', 'Processing', 'Triaged', 'Skipped', 'Failed')");
                    table.ForeignKey(
                        name: "fk_instances_study",
                        column: x => x.study_id,
                        principalSchema: "triage",
                        principalTable: "studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inference_runs",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    instance_id = table.Column<long>(type: "bigint", nullable: false),
                    manifest_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    manifest_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    device_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    latency_ms = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inference_runs", x => x.id);
                    table.CheckConstraint("ck_inference_runs_latency_ms", "latency_ms >= 0");
                    table.ForeignKey(
                        name: "fk_inference_runs_instance",
                        column: x => x.instance_id,
                        principalSchema: "triage",
                        principalTable: "instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    inference_run_id = table.Column<long>(type: "bigint", nullable: false),
                    model = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    label = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    probability = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_findings", x => x.id);
                    table.CheckConstraint("ck_findings_probability", "probability >= 0 AND probability <= 1");
                    table.ForeignKey(
                        name: "fk_findings_inference_run",
                        column: x => x.inference_run_id,
                        principalSchema: "triage",
                        principalTable: "inference_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "triage_results",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    instance_id = table.Column<long>(type: "bigint", nullable: false),
                    inference_run_id = table.Column<long>(type: "bigint", nullable: false),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    findings_over_threshold = table.Column<List<string>>(type: "text[]", nullable: false),
                    thresholds = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_results", x => x.id);
                    table.CheckConstraint("ck_triage_results_priority", "priority IN ('Urgent', 'Routine', 'NotAssessable')");
                    table.ForeignKey(
                        name: "fk_triage_results_inference_run",
                        column: x => x.inference_run_id,
                        principalSchema: "triage",
                        principalTable: "inference_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_triage_results_instance",
                        column: x => x.instance_id,
                        principalSchema: "triage",
                        principalTable: "instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_findings_label_model_probability",
                schema: "triage",
                table: "findings",
                columns: new[] { "label", "model", "probability" });

            migrationBuilder.CreateIndex(
                name: "ux_findings_run_model_label",
                schema: "triage",
                table: "findings",
                columns: new[] { "inference_run_id", "model", "label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_inference_runs_instance_id",
                schema: "triage",
                table: "inference_runs",
                column: "instance_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_instances_queue",
                schema: "triage",
                table: "instances",
                column: "received_at",
                filter: "state IN ('Received', 'Processing')");

            migrationBuilder.CreateIndex(
                name: "ix_instances_study_id_state",
                schema: "triage",
                table: "instances",
                columns: new[] { "study_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ux_instances_sop_instance_uid",
                schema: "triage",
                table: "instances",
                column: "sop_instance_uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_studies_unsettled",
                schema: "triage",
                table: "studies",
                column: "last_received_at",
                filter: "settled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_studies_worklist",
                schema: "triage",
                table: "studies",
                columns: new[] { "priority_rank", "first_received_at" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ux_studies_study_instance_uid",
                schema: "triage",
                table: "studies",
                column: "study_instance_uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_triage_results_inference_run_id",
                schema: "triage",
                table: "triage_results",
                column: "inference_run_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_triage_results_instance_id",
                schema: "triage",
                table: "triage_results",
                column: "instance_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "findings",
                schema: "triage");

            migrationBuilder.DropTable(
                name: "triage_results",
                schema: "triage");

            migrationBuilder.DropTable(
                name: "inference_runs",
                schema: "triage");

            migrationBuilder.DropTable(
                name: "instances",
                schema: "triage");

            migrationBuilder.DropTable(
                name: "studies",
                schema: "triage");
        }
    }
}
