using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The store's version: one row, moved on by a statement-level trigger on every insert, update and delete of the
    /// tables the pages show (<see cref="WatchedTables"/>), in the same transaction as the change.
    /// </summary>
    public partial class StoreVersion : Migration
    {
        /// <summary>Written out here, not read from the model, so this migration does tomorrow what it did today.</summary>
        private static readonly string[] WatchedTables =
        [
            "Partnerships", "Meetings", "Milestones", "Areas", "AreaAlias", "Outcomes", "OutcomeAreas", "Deliverables",
            "DeliverableAreas", "EvidenceLink", "StatusChanges",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoreVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreVersion", x => x.Id);
                });
            migrationBuilder.Sql("""INSERT INTO "StoreVersion" ("Id", "Value") VALUES (1, 1);""");
            migrationBuilder.Sql("""
                CREATE FUNCTION portal_store_changed() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "StoreVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in WatchedTables)
            {
                migrationBuilder.Sql($"CREATE TRIGGER store_version AFTER INSERT OR UPDATE OR DELETE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION portal_store_changed();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in WatchedTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS store_version ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS portal_store_changed();");
            migrationBuilder.DropTable(
                name: "StoreVersion");
        }
    }
}
