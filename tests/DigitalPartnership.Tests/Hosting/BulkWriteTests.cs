using System.Data.Common;
using System.Globalization;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using DigitalPartnership.Core.Domain;
using DigitalPartnership.Core.Generation;
using DigitalPartnership.Core.Importing;
using DigitalPartnership.Tests.Support;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DigitalPartnership.Tests.Hosting;

/// <summary>
/// The bulk writer (<see cref="IStoreProvider.WriteRowsAsync"/>: JSON batches on SQLite, binary COPY on PostgreSQL) writes
/// past EF Core. A value it wrote in another form than EF Core would (a date as other text, a number as text, bytes
/// mangled) would read back wrong, or sort and compare wrong, on every page built from a copied or generated store.
/// </summary>
public sealed class BulkWriteTests
{
    [Fact]
    public async Task A_store_copy_holds_every_value_exactly_as_the_portal_wrote_it()
    {
        await using var source = await TestDatabase.CreateAsync();
        var target = TestEngine.NewStore(TestEngine.Name, "bulk");
        try
        {
            await using (var db = source.NewContext())
            {
                await FillAsThePortalDoesAsync(db);
            }

            await using (var to = TestDatabase.ContextOn(target))
            {
                await to.Database.MigrateAsync();
            }

            await using (var from = source.NewContext())
            await using (var to = TestDatabase.ContextOn(target))
            {
                await new StoreCopy(from, to).CopyAsync(null, CancellationToken.None);
            }

            await using (var from = source.NewContext())
            await using (var to = TestDatabase.ContextOn(target))
            {
                // Not the store's version: it counts writes, and the copy's own inserts move it.
                var tables = from.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
                    .Where(table => table != "StoreVersion").Distinct().Order(StringComparer.Ordinal).ToList();
                foreach (var table in tables)
                {
                    var written = await RowsAsync(from, table);
                    var copied = await RowsAsync(to, table);
                    Assert.True(written.SequenceEqual(copied),
                        $"{table}: the portal wrote\n{string.Join("\n", written.Except(copied).Take(3))}\nthe bulk writer\n{string.Join("\n", copied.Except(written).Take(3))}");
                }

                // Every kind of column had a value to get wrong: dates, offsets, day dates, enums, flags, bytes, text.
                foreach (var table in new[] { "Meetings", "Milestones", "Deliverables", "StatusChanges", "JournalEntries", "JournalDetails",
                             "AspNetUsers", "ApiTokens", "UserSessions", "DataProtectionKeys" })
                {
                    Assert.True((await RowsAsync(from, table)).Count > 0, $"{table} has no rows to compare");
                }

                Assert.True((await RowsAsync(from, "JournalDetails")).Count > 1000, "no table crosses a batch of 1,000 rows");
            }
        }
        finally
        {
            TestEngine.Delete(target);
        }
    }

    /// <summary>Rows written through EF Core's SaveChanges, as the portal writes them, with a clock that has sub-second ticks; then generated ones.</summary>
    private static async Task FillAsThePortalDoesAsync(PortalDbContext db)
    {
        var now = new DateTime(2026, 11, 30, 9, 41, 7, DateTimeKind.Utc).AddTicks(1_234_567);
        var clock = new FakeTimeProvider(new DateTimeOffset(now));
        await new PortalSeeder(new CouncilImporter(db, TestFiles.Taxonomy, clock)).SeedAsync(TestFiles.Seeds, CancellationToken.None);

        var user = new IdentityUser { UserName = "bulk@test.example.org", Email = "bulk@test.example.org", EmailConfirmed = true, LockoutEnd = new DateTimeOffset(now.AddDays(3)) };
        db.Users.Add(user);
        db.ApiTokens.Add(ApiToken.Issue(user.Id, "reporting script", ApiTokenKind.Api, readOnly: true, now).Token);
        db.UserSessions.Add(new UserSession(Guid.NewGuid().ToString("N"), user.Id, "Firefox on Linux", now, TimeSpan.FromDays(14)));
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\" />" });

        var deliverable = await db.Deliverables.OrderBy(d => d.Id).FirstAsync();
        deliverable.ChangeStatus(DeliverableStatus.AtRisk, 30, "Funding is late — 資金が遅れている.", "bulk@test.example.org", now.AddMinutes(5));
        deliverable.SetResponsibility("DG CONNECT", "METI", new DateOnly(2027, 3, 31), "bulk@test.example.org", now.AddMinutes(6));
        await db.SaveChangesAsync();

        // And rows the generator wrote in bulk, its keys, foreign keys and link rows worked out by BulkInsert: enough
        // that the larger tables cross the SQLite writer's batch of 1,000 rows.
        await new DatasetGenerator(db, clock).GenerateAsync(300, 3, seed: 5, null, CancellationToken.None);
    }

    /// <summary>A table's rows as text, each value with the type the store gave back, in one fixed order.</summary>
    private static async Task<List<string>> RowsAsync(PortalDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            int columns;
            await using (var shape = await count.ExecuteReaderAsync())
            {
                columns = shape.FieldCount;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, columns).Select(i => Describe(reader, i))));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Describe(DbDataReader reader, int column)
    {
        var value = reader.GetValue(column);
        var text = value switch
        {
            DBNull => "NULL",
            byte[] bytes => Convert.ToHexString(bytes),
            DateTime date => date.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return $"{reader.GetName(column)}={value.GetType().Name}:{text}";
    }
}
