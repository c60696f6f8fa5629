using System.Net;
using DigitalPartnership.Core.Accounts;
using DigitalPartnership.Tests.Support;

namespace DigitalPartnership.Tests.Accounts;

/// <summary>Weak passwords are refused, each with the reason a person can act on.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaa", "common passwords")]
    [InlineData("zqzqzqzqzqzqzqzq", "repeats")]
    [InlineData("password1234", "common passwords")]
    [InlineData("123456789012", "common passwords")]
    [InlineData("abcabcabcabc", "repeats")]
    [InlineData("PASSWORD1234", "common passwords")]
    [InlineData("new.person@test.example.org", "e-mail address")]
    [InlineData("new.person2025", "e-mail address")]
    public void A_weak_password_is_refused_with_its_reason(string password, string reason)
    {
        var problem = PasswordRules.Problem(password, "new.person@test.example.org");

        Assert.NotNull(problem);
        Assert.Contains(reason, problem.Value.Description);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Partnership-2025!")]
    [InlineData("kyoto lantern orbit 47")]
    public void A_long_uncommon_password_is_accepted(string password) =>
        Assert.Null(PasswordRules.Problem(password, "new.person@test.example.org"));

    [Fact]
    public async Task The_account_form_refuses_the_four_weak_passwords_of_the_review_each_with_a_reason()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateClientAsync(PortalRoles.Admin);
        foreach (var password in new[] { "aaaaaaaaaaaa", "password1234", "123456789012", "weak.person@test.example.org" })
        {
            var form = await PortalFactory.FormAsync(admin, "/admin/users/new");
            form["Input.Email"] = "weak.person@test.example.org";
            form["Input.Role"] = PortalRoles.Staff;
            form["Input.Password"] = password;

            using var refused = await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(form));

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Matches("common passwords|repeats|e-mail address", page.QuerySelector("main")!.TextContent);
            Assert.Equal("weak.person@test.example.org", page.QuerySelector("[name='Input.Email']")!.GetAttribute("value"));
        }
    }
}
