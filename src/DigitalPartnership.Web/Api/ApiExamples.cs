using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.Api;

/// <summary>
/// The examples of the OpenAPI document, made of the API's own records (so an example cannot show a field the API does
/// not write), with the seeded second EU–Japan Council as their data.
/// </summary>
public static class ApiExamples
{
    private static readonly DateTime Imported = new(2024, 5, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Saved = new(2026, 11, 29, 9, 30, 0, DateTimeKind.Utc);
    private static readonly StatusCountsModel Counts = new(Total: 3, NotStarted: 1, InProgress: 1, AtRisk: 0, Delayed: 0, Completed: 1, Discontinued: 0);

    public static ItemList<PartnershipModel> Partnerships { get; } =
        new([new PartnershipModel(1, "eu-japan-digital-partnership", "EU–Japan Digital Partnership", "Japan")]);

    public static ItemList<MeetingModel> Meetings { get; } = new([new MeetingModel(1, "eu-japan-digital-partnership", 2, "2nd Council, Brussels",
        "EU and Japan Deepen Digital Cooperation in Second Digital Partnership Council Meeting", "Brussels", "Belgium", null, 2024, 5)]);

    public static ItemList<OutcomeModel> Outcomes { get; } = new([new OutcomeModel(3, "semiconductors-and-6g", "Semiconductors and 6G",
        "A team of experts will be established to develop a research program on semiconductors, and collaborative research projects have been launched for 6G.",
        3, 1, ["semiconductors", "6g"], Counts, "半導体と6G", null)]);

    public static ItemList<AreaModel> Areas { get; } = new([new AreaModel("submarine-cables", "Submarine cables",
        "Secure and resilient submarine cable connectivity between the EU and its partners.", ["submarine cable", "submarine cables"], Counts)]);

    public static DeliverableModel Deliverable { get; } = new(7,
        "A team of experts will be established to develop a research program on semiconductors",
        DeliverableStatus.InProgress, 40, "DG CNECT", "MIC", new DateOnly(2025, 6, 30),
        "Terms of reference agreed; first meeting **in March**.",
        "A team of experts will be established to develop a research program on semiconductors, and collaborative research projects have been launched for 6G, with a focus on global standardization.",
        [new EvidenceLinkModel("https://digital-strategy.ec.europa.eu/en/news", "Press release")],
        ["semiconductors"], 3, "semiconductors-and-6g", Imported, Saved, 4, "半導体に関する研究プログラムを策定する専門家チームの設置", null);

    public static DeliverablePageModel DeliverablePage { get; } = new(
        [new DeliverableSummaryModel(7, Deliverable.Title, DeliverableStatus.InProgress, 40, new DateOnly(2025, 6, 30), Saved, 3, "semiconductors-and-6g", 1,
            ["semiconductors"], 4, Deliverable.TitleJapanese)],
        Total: 12,
        Next: "eyJTIjoiU291cmNlIiwiSyI6bnVsbCwiSSI6N30");

    public static ItemList<HistoryEntryModel> History { get; } = new([
        new HistoryEntryModel(31, Saved, "editor@example.org", DeliverableStatus.NotStarted, DeliverableStatus.InProgress, 40,
            "Terms of reference agreed at the kick-off."),
        new HistoryEntryModel(7, Imported, "importer", null, DeliverableStatus.NotStarted, null, "Proposed from the wording \"will be established\"."),
    ]);

    public static DeliverablePatch Patch { get; } = new()
    {
        Status = "in-progress",
        Progress = 40,
        TargetDate = "2025-06-30",
        ChangeNote = "Terms of reference agreed at the kick-off.",
    };

    public static MilestonesModel Milestones { get; } = new(new DateOnly(2024, 11, 29),
        [new NextCouncilModel("EU–Japan Digital Partnership", 3, "3rd Council", "Tokyo", "Japan", null, 2025, "Tokyo, Japan, 2025", 1)],
        [new TargetModel(7, Deliverable.Title, new DateOnly(2025, 6, 30), DeliverableStatus.InProgress)],
        Overdue: 0);

    public static ReportSummaryModel Report { get; } = new("EU–Japan Digital Partnership: progress report", "EU–Japan Digital Partnership",
        new DateOnly(2025, 5, 1),
        [new FilterLineModel("Partnership", "EU–Japan Digital Partnership"), new FilterLineModel("Status as of", "1 May 2025")],
        Counts,
        [new AreaSummaryModel("semiconductors", "Semiconductors", Counts)],
        [new OutcomeSummaryModel(3, "Semiconductors and 6G", "2nd Council, Brussels", Counts)],
        Overdue: 1, ChangesSince: new DateOnly(2024, 4, 30), ChangesSinceLabel: "2nd Council, Brussels (30 April 2024)", Changes: 4);

    public const string AtomFeed = """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Digital Partnership Portal: changes</title>
          <id>https://portal.example.org/feeds/changes.atom</id>
          <updated>2026-11-29T09:30:00Z</updated>
          <entry>
            <id>https://portal.example.org/deliverables/7#change-31</id>
            <title type="text">A team of experts will be established…: Not started → In progress</title>
            <updated>2026-11-29T09:30:00Z</updated>
            <author><name>editor@example.org</name></author>
            <link rel="alternate" href="https://portal.example.org/deliverables/7" />
            <content type="html">&lt;p&gt;Status: Not started → In progress. Progress: 40%.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    public const string Calendar = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Digital Partnership Portal//Milestones//EN
        METHOD:PUBLISH
        BEGIN:VEVENT
        UID:deliverable-7-target@digital-partnership-portal
        DTSTAMP:20261129T093000Z
        DTSTART;VALUE=DATE:20250630
        SUMMARY:Target: A team of experts will be established…
        URL:https://portal.example.org/deliverables/7
        END:VEVENT
        END:VCALENDAR
        """;
}
