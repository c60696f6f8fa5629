using DigitalPartnership.Core.Domain;
using DigitalPartnership.Web.Pages.Admin;

namespace DigitalPartnership.Tests.Web;

/// <summary>The audit log in words.</summary>
public sealed class AuditEventsTests
{
    [Theory]
    [InlineData(AuditActions.SignInSucceeded, "Account: ana@example.org", "Signed in")]
    [InlineData(AuditActions.DeliverableUpdated, "Deliverable #12: A team of experts", "Updated deliverable #12")]
    [InlineData(AuditActions.DeliverableCreated, "Deliverable #7: Joint testbed", "Added deliverable #7")]
    [InlineData(AuditActions.DeliverablesBulkUpdated, "3 deliverables", "Updated 3 deliverables together")]
    [InlineData(AuditActions.AccountLocked, "Account: ana@example.org", "Locked account ana@example.org")]
    [InlineData(AuditActions.AccountRolesChanged, "Account: ana@example.org", "Changed the roles of ana@example.org")]
    [InlineData(AuditActions.MeetingCorrected, "Meeting #1: 2nd Council", "Corrected a Council's date, place or ordinal")]
    [InlineData("something.new", "Whatever", "something.new")]
    public void Each_action_reads_as_a_sentence(string action, string subject, string expected) =>
        Assert.Equal(expected, AuditEvents.Describe(action, subject));

    [Fact]
    public void Every_action_the_portal_records_has_words_and_a_place_in_the_filter()
    {
        var recorded = typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(recorded.Order(), AuditEvents.Kinds.Select(k => k.Action).Order());
        Assert.All(recorded, action => Assert.NotEqual(action, AuditEvents.Describe(action, "Account: x@example.org")));
    }
}
