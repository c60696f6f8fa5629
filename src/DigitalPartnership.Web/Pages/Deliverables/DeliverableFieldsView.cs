using DigitalPartnership.Core.Browsing;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// What the shared deliverable fields need: the form as typed, the partner's name for labels, and the areas to choose
/// from. The form is named <see cref="Input"/> as on the edit and new pages, so the fields' <c>asp-for</c> names are
/// the ones those pages bind.
/// </summary>
public sealed record DeliverableFieldsView(DeliverableForm Input, string Partner, IReadOnlyList<AreaRef> AllAreas)
{
    /// <summary>The id of the first area's box: where the error summary sends the reader for a problem with the areas.</summary>
    public string? FirstAreaId => AllAreas.Count == 0 ? null : AreaId(AllAreas[0].Slug);

    public static string AreaId(string slug) => $"area-{slug}";

    /// <summary>The form's problems for the top of the page, linked to their fields, in the form's order.</summary>
    public Pages.Shared.ErrorSummary Problems(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IServiceProvider services) =>
        Pages.Shared.ErrorSummary.From(state, DeliverableForm.FieldOrder(nameof(Input)),
            FirstAreaId is { } first ? new Dictionary<string, string> { [$"{nameof(Input)}.{nameof(DeliverableForm.Areas)}"] = first } : null,
            lead: services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<DeliverableFieldsView>>()["Nothing was saved. Please correct:"]);
}
