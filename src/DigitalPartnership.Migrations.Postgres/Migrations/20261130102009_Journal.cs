using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The journal: one entry per accepted save with a detail per changed field, the status timeline copied into it,
    /// append-only by trigger, and the meeting's concurrency token for corrections.
    /// </summary>
    public partial class Journal : Migration
    {
        /// <summary>History tables: triggers refuse UPDATE and DELETE on them, whatever path the SQL comes from.</summary>
        private static readonly string[] AppendOnlyTables = ["JournalEntries", "JournalDetails", "StatusChanges", "AuditEntries"];

        /// <summary>Tables the pages show that the StoreVersion migration did not know (written out, as there).</summary>
        private static readonly string[] NewlyWatchedTables = ["JournalEntries", "JournalDetails"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StatusChanges_Deliverables_DeliverableId",
                table: "StatusChanges");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    DeliverableId = table.Column<int>(type: "integer", nullable: true),
                    OutcomeId = table.Column<int>(type: "integer", nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    StatusChangeId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.CheckConstraint("CK_JournalEntries_OneSubject", "(CASE WHEN \"DeliverableId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"OutcomeId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MeetingId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_JournalEntries_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Outcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_StatusChanges_StatusChangeId",
                        column: x => x.StatusChangeId,
                        principalTable: "StatusChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalDetails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JournalEntryId = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalDetails_JournalEntries_JournalEntryId",
                        column: x => x.JournalEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalDetails_JournalEntryId",
                table: "JournalDetails",
                column: "JournalEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_DeliverableId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "DeliverableId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_MeetingId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "MeetingId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_OutcomeId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "OutcomeId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_StatusChangeId",
                table: "JournalEntries",
                column: "StatusChangeId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_StatusChanges_Deliverables_DeliverableId",
                table: "StatusChanges",
                column: "DeliverableId",
                principalTable: "Deliverables",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The status timeline so far becomes the journal's first entries: one entry per row (who, when, the note),
            // with the status and progress it moved as details. Nothing is lost; StatusChanges stays for the reports.
            migrationBuilder.Sql("""
                INSERT INTO "JournalEntries" ("AtUtc", "By", "Note", "Subject", "DeliverableId", "StatusChangeId")
                SELECT "ChangedAtUtc", "ChangedBy", "Note", 0, "DeliverableId", "Id" FROM "StatusChanges" ORDER BY "Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "JournalDetails" ("JournalEntryId", "Field", "OldValue", "NewValue")
                SELECT j."Id", 'status', CASE s."FromStatus" WHEN 0 THEN 'Not started' WHEN 1 THEN 'In progress' WHEN 2 THEN 'At risk' WHEN 3 THEN 'Delayed' WHEN 4 THEN 'Completed' WHEN 5 THEN 'Discontinued' END, CASE s."ToStatus" WHEN 0 THEN 'Not started' WHEN 1 THEN 'In progress' WHEN 2 THEN 'At risk' WHEN 3 THEN 'Delayed' WHEN 4 THEN 'Completed' WHEN 5 THEN 'Discontinued' END
                FROM "JournalEntries" j JOIN "StatusChanges" s ON s."Id" = j."StatusChangeId"
                WHERE s."FromStatus" IS NULL OR s."FromStatus" <> s."ToStatus";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "JournalDetails" ("JournalEntryId", "Field", "OldValue", "NewValue")
                SELECT j."Id", 'progress', CAST(s."Previous" AS text), CAST(s."Progress" AS text)
                FROM "JournalEntries" j
                JOIN (SELECT "Id", "Progress", LAG("Progress") OVER (PARTITION BY "DeliverableId" ORDER BY "ChangedAtUtc", "Id") AS "Previous"
                      FROM "StatusChanges") s ON s."Id" = j."StatusChangeId"
                WHERE s."Progress" IS DISTINCT FROM s."Previous";
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION portal_refuse_history_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% rows are history: % refused', TG_TABLE_NAME, TG_OP;
                END $$;
                """);
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION portal_refuse_history_change();");
                migrationBuilder.Sql($"CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION portal_refuse_history_change();");
            }

            foreach (var table in NewlyWatchedTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS store_version ON \"{table}\";");
                migrationBuilder.Sql($"CREATE TRIGGER store_version AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION portal_store_changed();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS append_only ON \"{table}\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS append_only_truncate ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS portal_refuse_history_change();");
            foreach (var table in new[] { "JournalEntries", "JournalDetails" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS store_version ON \"{table}\";");
            }

            migrationBuilder.DropForeignKey(
                name: "FK_StatusChanges_Deliverables_DeliverableId",
                table: "StatusChanges");

            migrationBuilder.DropTable(
                name: "JournalDetails");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Meetings");

            migrationBuilder.AddForeignKey(
                name: "FK_StatusChanges_Deliverables_DeliverableId",
                table: "StatusChanges",
                column: "DeliverableId",
                principalTable: "Deliverables",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
