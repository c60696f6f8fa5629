using DigitalPartnership.Core.Browsing;

namespace DigitalPartnership.Web.Pages.Deliverables;

/// <summary>
/// What the shared deliverable fields need: the form as typed, the partner's name for labels, and the areas to choose
/// from. The form is named <see cref="Input"/> as on the edit and new pages, so the fields' <c>asp-for</c> names are
/// the ones those pages bind.
/// </summary>
public sealed record DeliverableFieldsView(DeliverableForm Input, string Partner, IReadOnlyList<AreaRef> AllAreas);
