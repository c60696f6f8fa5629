using System.Net;
using System.Net.Sockets;
using DigitalPartnership.Core.Browsing;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Migrations.Postgres;
using DigitalPartnership.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DigitalPartnership.Tests.Postgres;

/// <summary>
/// What PostgreSQL must do as SQLite does, tested side by side on a real server (PORTAL_TEST_POSTGRES): the same
/// search results and filters, the same refusals at start, failures read as "try again", and a store moved from SQLite
/// without losing a row.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class PostgresTests
{
    [PostgresFact]
    public async Task Search_and_the_lead_filter_find_the_same_deliverables_on_both_engines()
    {
        await using var sqlite = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await using var postgres = await TestDatabase.CreateAsync(TestEngine.Postgres);
        foreach (var database in new[] { sqlite, postgres })
        {
            await SeedAsync(database, deliverables: 400);
            await using var db = database.NewContext();
            // Two of the seeded deliverables get a lead and notes with accents, in either case, and typed operators.
            await db.Deliverables.Where(d => d.Title.StartsWith("A team of experts")).ExecuteUpdateAsync(set => set.SetProperty(d => d.EuLead, "Énergie et Numérique"));
            await db.Deliverables.Where(d => d.Title.StartsWith("Collaborative research")).ExecuteUpdateAsync(set => set.SetProperty(d => d.Notes, "Café talks on e-commerce, 5G and the NEAR future (50%_done)"));
        }

        string[] queries =
        [
            "semiconductor", "SEMICOND", "roadmap quantum", "Memorandum", "cafe", "café", "e-commerce", "5g", "near future",
            "NEAR", "\"quantum\"", "quant*", "a & b", "roadmap | quantum", "!roadmap", "(pilot", "50%", "_done", "working group cyber",
            "zzzz nothing",
        ];
        foreach (var query in queries)
        {
            var onSqlite = await IdsAsync(sqlite, new DeliverableFilter(query));
            var onPostgres = await IdsAsync(postgres, new DeliverableFilter(query));
            Assert.True(onSqlite.SequenceEqual(onPostgres), $"\"{query}\": SQLite finds {onSqlite.Count} ({string.Join(",", onSqlite.Take(8))}), PostgreSQL {onPostgres.Count} ({string.Join(",", onPostgres.Take(8))})");
        }

        foreach (var lead in new[] { "énergie", "ÉNERGIE", "numérique", "dg connect", "METI" })
        {
            var onSqlite = await LeadIdsAsync(sqlite, lead);
            Assert.Equal(onSqlite, await LeadIdsAsync(postgres, lead));
            Assert.NotEmpty(onSqlite);
        }

        Assert.Equal(await TitleOrderAsync(sqlite), await TitleOrderAsync(postgres));
    }

    [PostgresFact]
    public void The_servers_passing_failures_are_read_as_try_again_and_others_are_not()
    {
        var provider = new PostgresStoreProvider();
        foreach (var state in new[] { "53300", "57P01", "57P03", "53100", "08006", "40P01" })
        {
            Assert.True(provider.IsUnavailable(new PostgresException("passing", "FATAL", "FATAL", state)), state);
        }

        Assert.True(provider.IsUnavailable(new NpgsqlException("connection refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(provider.IsUnavailable(new InvalidOperationException("wrapped", new PostgresException("shutdown", "FATAL", "FATAL", "57P01"))));
        Assert.False(provider.IsUnavailable(new PostgresException("bad sql", "ERROR", "ERROR", "42601")));
        Assert.False(provider.IsUnavailable(new PostgresException("unique", "ERROR", "ERROR", "23505")));
    }

    [PostgresFact]
    public async Task When_the_server_drops_the_portals_connections_readers_get_503_then_the_portal_recovers()
    {
        var store = TestEngine.NewStore(TestEngine.Postgres, "drop", fromTemplate: null);
        try
        {
            await using var portal = PortalProcess.Start(store.ProcessSettings());
            Assert.NotNull(await portal.WaitForHealthAsync(TimeSpan.FromSeconds(60)));
            using var client = new HttpClient { BaseAddress = portal.BaseAddress };

            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEngine.PostgresServer!) { Database = "postgres", Pooling = false }.ConnectionString))
            {
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db", admin);
                kill.Parameters.AddWithValue("db", store.Name);
                await kill.ExecuteNonQueryAsync();
            }

            using var during = await client.GetAsync("/health/ready");
            Assert.True(during.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)during.StatusCode}");
            using var signIn = await client.GetAsync("/account/signin");
            Assert.True(signIn.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)signIn.StatusCode}");
            if (signIn.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(signIn.Headers.RetryAfter);
            }

            // The pool replaces what the server closed: the next requests are answered as usual.
            var recovered = false;
            for (var i = 0; i < 20 && !recovered; i++)
            {
                recovered = (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
            }

            Assert.True(recovered);
            Assert.DoesNotContain(portal.Lines, line => line.Contains(" responded 500 "));
        }
        finally
        {
            TestEngine.Delete(store);
        }
    }

    [PostgresFact]
    public async Task Two_portals_starting_together_on_an_empty_database_migrate_and_seed_it_once()
    {
        var store = TestEngine.NewStore(TestEngine.Postgres, "twin", fromTemplate: null);
        try
        {
            await using var first = PortalProcess.Start(store.ProcessSettings());
            await using var second = PortalProcess.Start(store.ProcessSettings());

            Assert.NotNull(await first.WaitForHealthAsync(TimeSpan.FromSeconds(90)));
            Assert.NotNull(await second.WaitForHealthAsync(TimeSpan.FromSeconds(90)));
            Assert.Equal(1, new[] { first, second }.Count(p => p.Lines.Any(line => line.Contains("Applying "))));
            await using var db = TestDatabase.ContextOn(store);
            Assert.Equal(1, await db.Meetings.CountAsync());
            Assert.Equal(4, await db.Roles.CountAsync());
        }
        finally
        {
            TestEngine.Delete(store);
        }
    }

    [PostgresFact]
    public async Task A_database_that_does_not_exist_or_a_server_that_does_not_answer_stops_the_portal_with_one_line()
    {
        var missing = new NpgsqlConnectionStringBuilder(TestEngine.PostgresServer!) { Database = $"dpp_missing_{Guid.NewGuid():N}" }.ConnectionString;
        var closedPort = new NpgsqlConnectionStringBuilder(TestEngine.PostgresServer!) { Host = "127.0.0.1", Port = ClosedPort(), Database = "portal", Timeout = 3 }.ConnectionString;
        foreach (var (connection, says) in new[] { (missing, "does not exist"), (closedPort, "Cannot reach PostgreSQL") })
        {
            await using var portal = PortalProcess.Start(new Dictionary<string, string> { ["Portal__Database"] = "Postgres", ["ConnectionStrings__Portal"] = connection });

            Assert.Equal(1, await portal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains(portal.Lines, line => line.Contains("Cannot start:") && line.Contains(says));
            Assert.DoesNotContain(portal.Lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
    }

    [PostgresFact]
    public async Task A_store_copied_from_SQLite_has_every_row_and_its_people_sign_in_with_their_old_passwords()
    {
        await using var sqlite = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await SeedAsync(sqlite, deliverables: 1000);
        var target = TestEngine.NewStore(TestEngine.Postgres, "copy", fromTemplate: null);
        try
        {
            var withPassword = sqlite.Store.ProcessSettings();
            withPassword["PORTAL_PASSWORD"] = "a passphrase from before the move";
            await using (var account = PortalProcess.Start(withPassword, "users", "add", "--email", "moved@test.example.org", "--role", "Editor"))
            {
                Assert.Equal(0, await account.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            }

            await using var copy = PortalProcess.Start(new Dictionary<string, string>(), "store", "copy",
                "--from", sqlite.ConnectionString, "--from-database", "Sqlite", "--to", target.ConnectionString, "--to-database", "Postgres");
            Assert.Equal(0, await copy.WaitForExitAsync(TimeSpan.FromMinutes(3)));

            await using (var from = sqlite.NewContext())
            await using (var to = TestDatabase.ContextOn(target))
            {
                foreach (var table in from.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
                {
                    Assert.Equal(await CountAsync(from, table.GetTableName()!), await CountAsync(to, table.GetTableName()!));
                }

                Assert.Equal(await from.Deliverables.MaxAsync(d => d.Id), await to.Deliverables.MaxAsync(d => d.Id));
                // Columns of complex types came too: each Council keeps its number, city and date.
                Assert.Equal(await from.Meetings.OrderBy(m => m.Id).Select(m => m.Place).ToListAsync(),
                    await to.Meetings.OrderBy(m => m.Id).Select(m => m.Place).ToListAsync());
                Assert.Contains(await to.Meetings.Select(m => m.Place.City).ToListAsync(), city => city == "Brussels");
                Assert.Equal(await from.Milestones.OrderBy(m => m.Id).Select(m => m.Place).ToListAsync(),
                    await to.Milestones.OrderBy(m => m.Id).Select(m => m.Place).ToListAsync());
                Assert.NotEmpty(await to.Milestones.Where(m => m.Place.Ordinal != null || m.Place.City != null).ToListAsync());
            }

            // The portal on the copy: the same people, with the passwords they had, and the same list.
            await using (var portal = PortalProcess.Start(target.ProcessSettings()))
            {
                Assert.NotNull(await portal.WaitForHealthAsync(TimeSpan.FromSeconds(60)));
                var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = portal.BaseAddress };
                using var signedIn = await PortalFactory.SignInAsync(client, "moved@test.example.org", "a passphrase from before the move");
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                var list = await client.GetDocumentAsync("/deliverables?q=roadmap");
                await using var from = sqlite.NewContext();
                var expected = await from.Matching(new DeliverableFilter("roadmap")).CountAsync();
                Assert.Contains($"of {expected:N0}", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            }

            // Copying again refuses, and changes nothing.
            await using var again = PortalProcess.Start(new Dictionary<string, string>(), "store", "copy",
                "--from", sqlite.ConnectionString, "--to", target.ConnectionString, "--to-database", "Postgres");
            Assert.Equal(1, await again.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            Assert.Contains(again.Lines, line => line.StartsWith("error: The target already holds rows", StringComparison.Ordinal));
        }
        finally
        {
            TestEngine.Delete(target);
        }
    }

    private static async Task SeedAsync(TestDatabase database, int deliverables)
    {
        await using var db = database.NewContext();
        var clock = new FakeTimeProvider(PortalFactory.Now);
        var importer = new CouncilImporter(db, TestFiles.Taxonomy, clock);
        await new PortalSeeder(importer).SeedAsync(TestFiles.Seeds, CancellationToken.None);
        await new DatasetGenerator(db, clock).GenerateAsync(deliverables, 2, seed: 11, null, CancellationToken.None);
    }

    private static async Task<List<int>> IdsAsync(TestDatabase database, DeliverableFilter filter)
    {
        await using var db = database.NewContext();
        return await db.Matching(filter).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
    }

    private static async Task<List<int>> LeadIdsAsync(TestDatabase database, string lead)
    {
        await using var db = database.NewContext();
        return await db.Deliverables.WithLead(lead).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
    }

    private static async Task<List<int>> TitleOrderAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Deliverables.SortBy(DeliverableSort.Title).Select(d => d.Id).ToListAsync();
    }

    private static Task<int> CountAsync(PortalDbContext db, string table)
    {
        var sql = $"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"{table}\""; // a name from the model
        return db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again as the listener goes
    }
}
