using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalPartnership.Web.Pages.Admin;

public sealed class UsersModel(PortalDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        Users = users.Select(u => new UserRow(u.Id, u.Email ?? "", PortalRoles.All.Where(roles[u.Id].Contains).ToList(), u.LockoutEnd > now)).ToList();
    }

    public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, bool Locked);
}
