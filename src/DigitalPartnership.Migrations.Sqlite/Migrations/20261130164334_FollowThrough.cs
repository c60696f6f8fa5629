using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Follow-through across Councils: which earlier deliverable each deliverable continues. The pages show the links,
    /// so a change to them moves the store's version, as every table the pages show does.
    /// </summary>
    public partial class FollowThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Continuations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliverableId = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LinkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Continuations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Continuations_Deliverables_DeliverableId",
                        column: x => x.DeliverableId,
                        principalTable: "Deliverables",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Continuations_Deliverables_EarlierId",
                        column: x => x.EarlierId,
                        principalTable: "Deliverables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Continuations_DeliverableId_EarlierId",
                table: "Continuations",
                columns: new[] { "DeliverableId", "EarlierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Continuations_EarlierId",
                table: "Continuations",
                column: "EarlierId");

            foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER StoreVersion_Continuations_{change} AFTER {change} ON \"Continuations\" BEGIN UPDATE StoreVersion SET Value = Value + 1 WHERE Id = 1; END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS StoreVersion_Continuations_{change};");
            }

            migrationBuilder.DropTable(
                name: "Continuations");
        }
    }
}
