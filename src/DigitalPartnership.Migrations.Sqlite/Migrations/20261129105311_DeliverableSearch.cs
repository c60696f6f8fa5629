using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search over deliverables with SQLite's FTS5: title, source sentence, notes, leads and the outcome's
    /// title, kept in step by triggers so no code path can forget to update it.
    /// </summary>
    public partial class DeliverableSearch : Migration
    {
        private const string Insert = """
            INSERT INTO DeliverableSearch(rowid, Title, SourceSentence, Notes, EuLead, PartnerLead, OutcomeTitle)
            SELECT new.Id, new.Title, new.SourceSentence, new.Notes, new.EuLead, new.PartnerLead,
                   (SELECT o.Title FROM Outcomes o WHERE o.Id = new.OutcomeId);
            """;

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE DeliverableSearch USING fts5(
                    Title, SourceSentence, Notes, EuLead, PartnerLead, OutcomeTitle,
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER DeliverableSearch_Insert AFTER INSERT ON Deliverables BEGIN
                    {Insert}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER DeliverableSearch_Update
                AFTER UPDATE OF Title, SourceSentence, Notes, EuLead, PartnerLead, OutcomeId ON Deliverables BEGIN
                    DELETE FROM DeliverableSearch WHERE rowid = old.Id;
                    {Insert}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER DeliverableSearch_Delete AFTER DELETE ON Deliverables BEGIN
                    DELETE FROM DeliverableSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER DeliverableSearch_OutcomeTitle AFTER UPDATE OF Title ON Outcomes BEGIN
                    UPDATE DeliverableSearch SET OutcomeTitle = new.Title
                    WHERE rowid IN (SELECT d.Id FROM Deliverables d WHERE d.OutcomeId = new.Id);
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO DeliverableSearch(rowid, Title, SourceSentence, Notes, EuLead, PartnerLead, OutcomeTitle)
                SELECT d.Id, d.Title, d.SourceSentence, d.Notes, d.EuLead, d.PartnerLead, o.Title
                FROM Deliverables d JOIN Outcomes o ON o.Id = d.OutcomeId;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DeliverableSearch_OutcomeTitle;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DeliverableSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DeliverableSearch_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DeliverableSearch_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS DeliverableSearch;");
        }
    }
}
