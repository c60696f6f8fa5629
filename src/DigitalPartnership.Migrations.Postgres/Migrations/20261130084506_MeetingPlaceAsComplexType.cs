using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MeetingPlaceAsComplexType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Milestones_PartnershipId_Year_Date",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_PartnershipId_Ordinal",
                table: "Meetings");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PartnershipId",
                table: "Milestones",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PartnershipId",
                table: "Meetings",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Milestones_PartnershipId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_PartnershipId",
                table: "Meetings");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PartnershipId_Year_Date",
                table: "Milestones",
                columns: new[] { "PartnershipId", "Year", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PartnershipId_Ordinal",
                table: "Meetings",
                columns: new[] { "PartnershipId", "Ordinal" });
        }
    }
}
