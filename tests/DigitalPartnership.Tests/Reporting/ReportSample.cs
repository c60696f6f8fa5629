using DigitalPartnership.Core.Domain;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Reporting;

/// <summary>
/// One small partnership whose history every report test can reason about by hand: two Councils, three areas, five
/// deliverables (one in Japanese, one with formula-like text, one added after the others).
/// </summary>
public static class ReportSample
{
    /// <summary>The clock of the report tests: the report date when no as-of date is given.</summary>
    public static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly SecondCouncil = new(2024, 5, 3);
    public const string JapaneseTitle = "半導体サプライチェーンの早期警戒メカニズム";
    public const string JapaneseLead = "経済産業省（METI）";
    public const string FormulaTitle = "=HYPERLINK(\"http://example.org/x\",\"click\")";

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var data = new ReportData(db);
        var partnership = data.Partnership();
        var first = data.Meeting(partnership, 1, "Tokyo", new DateOnly(2023, 7, 3));
        var second = data.Meeting(partnership, 2, "Brussels", SecondCouncil);
        var ai = data.Area("Artificial intelligence");
        var chips = data.Area("Semiconductors");
        var cables = data.Area("Submarine cables");

        var trust = data.Outcome(second, "AI and semiconductors", ai, chips);
        var safety = data.Deliverable(trust, "Joint AI safety evaluation", DeliverableStatus.NotStarted, At(2024, 5, 3, 10), ai);
        safety.ChangeStatus(DeliverableStatus.InProgress, 30, "Experts met.", "editor@example.org", At(2024, 6, 15, 9));
        safety.ChangeStatus(DeliverableStatus.AtRisk, 40, "Funding unclear.", "manager@example.org", At(2024, 9, 20, 16));
        safety.SetResponsibility("DG CONNECT", "MIC", new DateOnly(2024, 12, 31), "editor@example.org", At(2024, 9, 20, 16));

        var warning = data.Deliverable(trust, JapaneseTitle, DeliverableStatus.NotStarted, At(2024, 5, 3, 10), chips);
        warning.ChangeStatus(DeliverableStatus.Completed, 100, "署名済み。", "editor@example.org", At(2024, 8, 1, 8));
        warning.SetResponsibility("DG GROW", JapaneseLead, new DateOnly(2024, 7, 1), "editor@example.org", At(2024, 8, 1, 8));

        var connect = data.Outcome(first, "Connectivity", cables, ai);
        var formula = data.Deliverable(connect, FormulaTitle, DeliverableStatus.NotStarted, At(2023, 7, 3, 12), cables);
        formula.ChangeStatus(DeliverableStatus.InProgress, 20, "-1 risk; =cmd", "editor@example.org", At(2023, 10, 1, 12));
        formula.SetResponsibility("+SUM(A1:A9)", "@cmd", new DateOnly(2025, 6, 30), "editor@example.org", At(2023, 10, 1, 12));

        var plain = data.Deliverable(connect, "-2+3 cable landing study", DeliverableStatus.NotStarted, At(2023, 7, 3, 12));
        // Leads that a spreadsheet would read as formulas (a tab or a line break the entity refuses outright).
        plain.SetResponsibility("-DG TRADE", "@MIC", null, "editor@example.org", At(2023, 7, 3, 12));

        data.Deliverable(connect, "Late deliverable", DeliverableStatus.NotStarted, At(2025, 4, 1, 7));
        await data.SaveAsync();
    }

    private static DateTime At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);
}
