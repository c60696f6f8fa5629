namespace DigitalPartnership.Core.Accounts;

/// <summary>The four roles of the portal, as PRODUCT.md describes them.</summary>
public static class PortalRoles
{
    /// <summary>Reads everything: outcomes, areas, deliverables, history.</summary>
    public const string Staff = "Staff";

    /// <summary>Updates deliverables and outcomes, adds deliverables, imports Council texts.</summary>
    public const string Editor = "Editor";

    /// <summary>Reads everything and builds and exports progress reports.</summary>
    public const string Manager = "Manager";

    /// <summary>Manages accounts and roles, reads the audit log; may also edit.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Staff, Editor, Manager, Admin];
}
