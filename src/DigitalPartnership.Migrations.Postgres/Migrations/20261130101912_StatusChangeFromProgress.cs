using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Each history row keeps the progress before the change, so a change of progress alone reads "Progress 10% → 40%".
    /// Rows written before this migration take it from the row before them (the same SQL on both engines).
    /// </summary>
    public partial class StatusChangeFromProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FromProgress",
                table: "StatusChanges",
                type: "integer",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "StatusChanges" SET "FromProgress" = (
                    SELECT p."Progress" FROM "StatusChanges" AS p
                    WHERE p."DeliverableId" = "StatusChanges"."DeliverableId"
                      AND (p."ChangedAtUtc" < "StatusChanges"."ChangedAtUtc"
                           OR (p."ChangedAtUtc" = "StatusChanges"."ChangedAtUtc" AND p."Id" < "StatusChanges"."Id"))
                    ORDER BY p."ChangedAtUtc" DESC, p."Id" DESC
                    LIMIT 1)
                WHERE "FromStatus" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FromProgress",
                table: "StatusChanges");
        }
    }
}
