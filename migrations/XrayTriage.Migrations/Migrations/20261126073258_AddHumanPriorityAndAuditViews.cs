using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace XrayTriage.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AddHumanPriorityAndAuditViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "acknowledged_at",
                schema: "triage",
                table: "studies",
                type: "timestamptz",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "acknowledged_by",
                schema: "triage",
                table: "studies",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "human_priority",
                schema: "triage",
                table: "studies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "human_priority_at",
                schema: "triage",
                table: "studies",
                type: "timestamptz",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "human_priority_by",
                schema: "triage",
                table: "studies",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "worklist_rank",
                schema: "triage",
                table: "studies",
                type: "smallint",
                nullable: false,
                computedColumnSql: "GREATEST((CASE triage_priority WHEN 'Urgent' THEN 3 WHEN 'Routine' THEN 2 WHEN 'NotAssessable' THEN 1 ELSE 0 END)::smallint, (CASE human_priority WHEN 'Urgent' THEN 3 WHEN 'Routine' THEN 2 WHEN 'NotAssessable' THEN 1 ELSE 0 END)::smallint)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_studies_worklist_rank",
                schema: "triage",
                table: "studies",
                columns: new[] { "worklist_rank", "first_received_at" },
                descending: new[] { true, false });

            migrationBuilder.AddCheckConstraint(
                name: "ck_studies_human_priority",
                schema: "triage",
                table: "studies",
                sql: "human_priority IN ('Urgent', 'Routine', 'NotAssessable')");

            // Views for admins who query PostgreSQL directly (README, "Worklist and audit"). They read columns, not
            // priority_rank, so a later change of the rank expression does not have to drop them.
            migrationBuilder.Sql("""
                CREATE VIEW triage.v_audit_trail AS
                SELECT id, occurred_at, event_id, event_type, outcome, actor, subject, detail, node
                FROM triage.audit_events;

                CREATE VIEW triage.v_study_access AS
                SELECT e.occurred_at, e.actor AS user_name, s.id AS study_id, s.study_instance_uid, e.detail, e.node
                FROM triage.audit_events e
                JOIN triage.studies s ON e.subject = 'study ' || s.id || ' ' || s.study_instance_uid
                WHERE e.event_id = 'DicomInstancesAccessed';

                CREATE VIEW triage.v_study_triage AS
                SELECT s.id AS study_id, s.study_instance_uid, s.modality, s.image_count, s.first_received_at, s.settled_at,
                       s.triage_priority, s.human_priority, s.human_priority_by, s.human_priority_at,
                       s.acknowledged_by, s.acknowledged_at,
                       (SELECT count(*) FROM triage.instances i WHERE i.study_id = s.id AND i.state = 'Triaged') AS triaged_images,
                       (SELECT max(f.probability) FROM triage.findings f
                          JOIN triage.inference_runs r ON r.id = f.inference_run_id
                          JOIN triage.instances i ON i.id = r.instance_id
                         WHERE i.study_id = s.id AND f.model = 'ensemble' AND f.label <> 'normal') AS max_abnormal_probability
                FROM triage.studies s;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS triage.v_study_triage; DROP VIEW IF EXISTS triage.v_study_access; DROP VIEW IF EXISTS triage.v_audit_trail;");

            migrationBuilder.DropIndex(
                name: "ix_studies_worklist_rank",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropCheckConstraint(
                name: "ck_studies_human_priority",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "worklist_rank",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "acknowledged_at",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "acknowledged_by",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "human_priority",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "human_priority_at",
                schema: "triage",
                table: "studies");

            migrationBuilder.DropColumn(
                name: "human_priority_by",
                schema: "triage",
                table: "studies");
        }
    }
}
