using DigitalPartnership.Core.Data;
using DigitalPartnership.Migrations.Postgres;
using DigitalPartnership.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DigitalPartnership.Tests.Hosting;

/// <summary>
/// The portal starts on a model compiled ahead of time (a second less of start-up): it must be the model the entity
/// configurations build, or the portal would read and write a schema the migrations never made.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void The_compiled_model_is_the_model_the_configurations_build(string engine)
    {
        using var compiled = Context(engine, compiledModel: true);
        using var built = Context(engine, compiledModel: false);

        var expected = Schema(built.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var actual = Schema(compiled.Model.GetRelationalModel());

        var differences = expected.Except(actual).Concat(actual.Except(expected).Select(line => "unexpected: " + line)).ToList();
        Assert.True(differences.Count == 0,
            $"CompiledModel/ of the {engine} migrations project is out of date (regenerate it as docs/architecture.md says under "
            + $"\"Changing the model\"):\n{string.Join("\n", differences.Take(10))}");
        Assert.IsAssignableFrom<RuntimeModel>(compiled.Model); // and it is the one the portal runs on
    }

    /// <summary>Every table, column (type, nullability), index and foreign key of a model, one line each.</summary>
    private static IReadOnlyList<string> Schema(IRelationalModel model) =>
        model.Tables.SelectMany(table => table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} max {c.MaxLength} {(c.IsNullable ? "null" : "not null")}")
                .Concat(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
                .Concat(table.ForeignKeyConstraints.Select(f =>
                    $"{table.Name} fk {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static PortalDbContext Context(string engine, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        IStoreProvider provider = engine == "sqlite"
            ? new SqliteStoreProvider { UseCompiledModel = compiledModel }
            : new PostgresStoreProvider { UseCompiledModel = compiledModel };
        provider.Configure(options, engine == "sqlite" ? "Data Source=:memory:" : "Host=127.0.0.1;Database=never_opened");
        return new PortalDbContext(options.Options);
    }
}
