using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartialJournalIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_MeetingId_AtUtc",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_OutcomeId_AtUtc",
                table: "JournalEntries");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_MeetingId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "MeetingId", "AtUtc" },
                filter: "\"MeetingId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_OutcomeId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "OutcomeId", "AtUtc" },
                filter: "\"OutcomeId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_MeetingId_AtUtc",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_OutcomeId_AtUtc",
                table: "JournalEntries");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_MeetingId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "MeetingId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_OutcomeId_AtUtc",
                table: "JournalEntries",
                columns: new[] { "OutcomeId", "AtUtc" });
        }
    }
}
