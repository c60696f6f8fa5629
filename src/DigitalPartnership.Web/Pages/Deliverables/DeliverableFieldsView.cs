using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>What the shared deliverable fields need: the form as typed, its errors, and the partner's name for labels.</summary>
public sealed record DeliverableFieldsView(DeliverableForm Form, ModelStateDictionary Errors, string Partner,
    IReadOnlyList<Core.Browsing.AreaRef> AllAreas)
{
    public string? Error(string field) =>
        Errors.TryGetValue($"Input.{field}", out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
