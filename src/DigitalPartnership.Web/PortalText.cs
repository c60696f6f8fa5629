namespace DigitalPartnership.Web;

/// <summary>
/// The words many pages share: statuses, roles, nouns that are counted, common buttons. Views reach it as
/// <c>Words</c>; its Japanese is <c>Resources/PortalText.ja.resx</c>. A text only one view uses belongs to that view.
/// </summary>
public sealed class PortalText;
