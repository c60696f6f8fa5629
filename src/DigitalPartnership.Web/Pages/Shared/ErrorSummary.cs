using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace DigitalPartnership.Web.Pages.Shared;

/// <summary>
/// The problems of a form, as GOV.UK's error summary shows them at the top of the page: each message links to its
/// field, and <c>wwwroot/js/portal.js</c> moves focus to the summary so it is read first. <c>_ErrorSummary.cshtml</c>
/// draws it; the fields themselves get <c>aria-invalid</c> and <c>aria-describedby</c> from <c>FieldErrorTagHelper</c>.
/// </summary>
/// <param name="Lead">A sentence under the heading, e.g. "Nothing was saved."</param>
/// <param name="TestId">The <c>data-testid</c> of the summary, for tests that read it.</param>
public sealed record ErrorSummary(IReadOnlyList<ErrorSummary.Problem> Problems, string? Lead = null, string TestId = "form-problems")
{
    /// <summary>One message, and the id of the field it is about (null for a problem of the whole form).</summary>
    /// <param name="TestId">For a message that tests read on its own.</param>
    public sealed record Problem(string Message, string? FieldId = null, string? TestId = null);

    public static ErrorSummary None { get; } = new([]);

    public bool HasProblems => Problems.Count > 0;

    /// <summary>
    /// The model state's errors in the order of <paramref name="fieldOrder"/> (the form's order; other keys after), each
    /// linked to the id <c>asp-for</c> gives its field, unless <paramref name="fieldIds"/> names another (a list of
    /// checkboxes has no field of its own: link to its first box).
    /// </summary>
    public static ErrorSummary From(ModelStateDictionary state, IReadOnlyList<string>? fieldOrder = null,
        IReadOnlyDictionary<string, string>? fieldIds = null, string? lead = null)
    {
        var order = (fieldOrder ?? []).ToList();
        var problems = state
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => order.IndexOf(entry.Key) is var position and >= 0 ? position : int.MaxValue)
            .SelectMany(entry => entry.Value!.Errors.Select(error => new Problem(
                string.IsNullOrEmpty(error.ErrorMessage) ? ContentHtml.Words("This value is not valid.") : error.ErrorMessage,
                entry.Key.Length == 0 ? null : fieldIds?.GetValueOrDefault(entry.Key) ?? FieldId(entry.Key))))
            .ToList();
        return new ErrorSummary(problems, lead);
    }

    /// <summary>Problems that belong to no single field (a filter, a pasted text, a selection).</summary>
    public static ErrorSummary Of(IEnumerable<string> messages, string? lead = null, string testId = "form-problems") =>
        new(messages.Select(message => new Problem(message)).ToList(), lead, testId);

    /// <summary>The id that <c>asp-for</c> gives the field named <paramref name="name"/> ("Input.Title" → "Input_Title").</summary>
    public static string FieldId(string name) => TagBuilder.CreateSanitizedId(name, "_");

    /// <summary>The id of the message under a field, which the field names in <c>aria-describedby</c>.</summary>
    public static string MessageId(string fieldId) => fieldId + "-error";
}
