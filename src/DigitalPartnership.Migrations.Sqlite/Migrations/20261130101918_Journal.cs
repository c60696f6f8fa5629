using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Sqlite.Migrations
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
            // StatusChanges keeps its foreign key as created: changing it to RESTRICT would make EF rebuild the table,
            // outside this migration's transaction and without its triggers. The model no longer cascades, and the
            // append-only trigger below refuses any DELETE on StatusChanges, cascaded or not, so history stays.

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliverableId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    StatusChangeId = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JournalEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true)
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
                SELECT j."Id", 'progress', CAST(s."Previous" AS TEXT), CAST(s."Progress" AS TEXT)
                FROM "JournalEntries" j
                JOIN (SELECT "Id", "Progress", LAG("Progress") OVER (PARTITION BY "DeliverableId" ORDER BY "ChangedAtUtc", "Id") AS "Previous"
                      FROM "StatusChanges") s ON s."Id" = j."StatusChangeId"
                WHERE s."Progress" IS NOT s."Previous";
                """);

            foreach (var table in AppendOnlyTables)
            {
                foreach (var change in new[] { "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"CREATE TRIGGER AppendOnly_{table}_{change} BEFORE {change} ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} rows are history: {change} refused'); END;");
                }
            }

            foreach (var table in NewlyWatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS StoreVersion_{table}_{change};");
                    migrationBuilder.Sql($"CREATE TRIGGER StoreVersion_{table}_{change} AFTER {change} ON \"{table}\" BEGIN UPDATE StoreVersion SET Value = Value + 1 WHERE Id = 1; END;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyTables)
            {
                foreach (var change in new[] { "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS AppendOnly_{table}_{change};");
                }
            }

            migrationBuilder.DropTable(
                name: "JournalDetails");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Meetings");
        }
    }
}
