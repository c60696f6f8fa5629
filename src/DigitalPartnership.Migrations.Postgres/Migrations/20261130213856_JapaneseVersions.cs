using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JapaneseVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SummaryJapanese",
                table: "Outcomes",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleJapanese",
                table: "Outcomes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryJapanese",
                table: "Deliverables",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleJapanese",
                table: "Deliverables",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SummaryJapanese",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "TitleJapanese",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "SummaryJapanese",
                table: "Deliverables");

            migrationBuilder.DropColumn(
                name: "TitleJapanese",
                table: "Deliverables");
        }
    }
}
