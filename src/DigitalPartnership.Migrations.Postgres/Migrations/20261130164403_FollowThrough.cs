using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeliverableId = table.Column<int>(type: "integer", nullable: false),
                    EarlierId = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LinkedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.Sql("CREATE TRIGGER store_version AFTER INSERT OR UPDATE OR DELETE ON \"Continuations\" FOR EACH STATEMENT EXECUTE FUNCTION portal_store_changed();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS store_version ON \"Continuations\";");
            migrationBuilder.DropTable(
                name: "Continuations");
        }
    }
}
