using DigitalPartnership.Core.Domain;

namespace DigitalPartnership.Web.TagHelpers;

/// <summary>
/// A shape for each status (ring, half-filled ring, triangle, hourglass, tick, cross), drawn by site.css in the status's
/// colour, so a status can be told apart without colour: in greyscale, in print and by the colour-blind. An empty span
/// styled from the stylesheet, so nothing inline meets the Content-Security-Policy. It always stands beside the
/// status's words, so it is hidden from screen readers.
/// </summary>
public static class StatusIcon
{
    public static string Html(DeliverableStatus status) =>
        $"<span class=\"status-icon status-icon-{status.Slug()}\" aria-hidden=\"true\"></span>";
}
