using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace XrayTriage.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CreateAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "triage");

            migrationBuilder.CreateTable(
                name: "audit_events",
                schema: "triage",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamptz", nullable: false),
                    event_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    node = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_event_id_occurred_at",
                schema: "triage",
                table: "audit_events",
                columns: new[] { "event_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at",
                schema: "triage",
                table: "audit_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_subject",
                schema: "triage",
                table: "audit_events",
                column: "subject");

            // The audit trail is append-only for every role, not only for the application's:
            // an UPDATE, DELETE or TRUNCATE fails, so history cannot be rewritten through SQL either.
            migrationBuilder.Sql("""
                CREATE FUNCTION triage.audit_events_append_only() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'triage.audit_events is append-only (% refused)', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_events_no_update_delete
                    BEFORE UPDATE OR DELETE ON triage.audit_events
                    FOR EACH ROW EXECUTE FUNCTION triage.audit_events_append_only();
                CREATE TRIGGER audit_events_no_truncate
                    BEFORE TRUNCATE ON triage.audit_events
                    FOR EACH STATEMENT EXECUTE FUNCTION triage.audit_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events",
                schema: "triage");

            migrationBuilder.Sql("DROP FUNCTION triage.audit_events_append_only();");
        }
    }
}
