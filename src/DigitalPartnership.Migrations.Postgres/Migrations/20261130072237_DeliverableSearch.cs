using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DigitalPartnership.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Full-text search over deliverables: one tsvector a deliverable, over its title, source sentence, notes, leads and
    /// its outcome's title, kept in step by triggers so no code path can forget it, with a GIN index. The text is read as
    /// SQLite's FTS5 reads it (unicode61, remove_diacritics): every run of letters and digits is a word, lower-cased,
    /// accents removed, so a search finds the same deliverables on both engines. The text is read in the database's own
    /// collation ("default"): a sorted column such as Title is byte-ordered ("C"), under which only ASCII letters are
    /// letters. The database needs a UTF-8 locale (see docs/deploy.md).
    /// </summary>
    public partial class DeliverableSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("""
                CREATE TABLE "DeliverableSearch" (
                    "Id" integer PRIMARY KEY REFERENCES "Deliverables" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_DeliverableSearch_Document" ON "DeliverableSearch" USING GIN ("Document");""");
            migrationBuilder.Sql("""
                CREATE FUNCTION portal_search_document(VARIADIC parts text[]) RETURNS tsvector
                LANGUAGE sql STABLE AS $$
                    SELECT to_tsvector('simple'::regconfig,
                        unaccent(lower(regexp_replace(array_to_string(parts, ' ') COLLATE "default", '[^[:alnum:]]+', ' ', 'g'))))
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION portal_deliverable_search() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "DeliverableSearch" ("Id", "Document")
                    SELECT NEW."Id", portal_search_document(NEW."Title", NEW."SourceSentence", NEW."Notes", NEW."EuLead", NEW."PartnerLead", o."Title")
                    FROM "Outcomes" o WHERE o."Id" = NEW."OutcomeId"
                    ON CONFLICT ("Id") DO UPDATE SET "Document" = EXCLUDED."Document";
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER deliverable_search
                AFTER INSERT OR UPDATE OF "Title", "SourceSentence", "Notes", "EuLead", "PartnerLead", "OutcomeId" ON "Deliverables"
                FOR EACH ROW EXECUTE FUNCTION portal_deliverable_search();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION portal_outcome_search() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "DeliverableSearch" s
                    SET "Document" = portal_search_document(d."Title", d."SourceSentence", d."Notes", d."EuLead", d."PartnerLead", NEW."Title")
                    FROM "Deliverables" d
                    WHERE d."OutcomeId" = NEW."Id" AND s."Id" = d."Id";
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER outcome_search AFTER UPDATE OF "Title" ON "Outcomes"
                FOR EACH ROW EXECUTE FUNCTION portal_outcome_search();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "DeliverableSearch" ("Id", "Document")
                SELECT d."Id", portal_search_document(d."Title", d."SourceSentence", d."Notes", d."EuLead", d."PartnerLead", o."Title")
                FROM "Deliverables" d JOIN "Outcomes" o ON o."Id" = d."OutcomeId";
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS outcome_search ON "Outcomes";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS deliverable_search ON "Deliverables";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS portal_outcome_search();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS portal_deliverable_search();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS portal_search_document(VARIADIC text[]);");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DeliverableSearch";""");
        }
    }
}
