using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The store's version: one row, moved on by a trigger on every insert, update and delete of the tables the pages
    /// show (<see cref="WatchedTables"/>), in the same transaction as the change.
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreVersion", x => x.Id);
                });
            migrationBuilder.Sql("INSERT INTO StoreVersion (Id, Value) VALUES (1, 1);");
            foreach (var table in WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"CREATE TRIGGER StoreVersion_{table}_{change} AFTER {change} ON \"{table}\" BEGIN UPDATE StoreVersion SET Value = Value + 1 WHERE Id = 1; END;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS StoreVersion_{table}_{change};");
                }
            }

            migrationBuilder.DropTable(
                name: "StoreVersion");
        }
    }
}
