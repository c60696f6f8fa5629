using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <summary>
    /// What the importer already read and now keeps: the section that groups each outcome, a Council's last day when
    /// it lasted several, and the next Council's time and place in the announcing text's words. All nullable: rows
    /// imported before keep null, as their texts were read without them.
    /// </summary>
    public partial class SectionsAndDateRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Section",
                table: "Outcomes",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AsStated",
                table: "Milestones",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndDate",
                table: "Meetings",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Section",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "AsStated",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "EndDate",
                table: "Meetings");
        }
    }
}
