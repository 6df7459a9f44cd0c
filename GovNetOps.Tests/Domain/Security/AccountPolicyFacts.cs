using GovNetOps.Domain.Security;

namespace GovNetOps.Tests.Domain.Security;

public sealed class AccountPolicyFacts
{
    [Theory]
    [InlineData("abcdefgh", 1)]
    [InlineData("abcdefg1", 2)]
    [InlineData("Abcdefg1", 3)]
    [InlineData("abcdefg1!", 3)]
    [InlineData("ABCDEFG1!", 3)]
    [InlineData("Tongbai@2026", 4)]
    [InlineData("通柏abcd1234", 3)] // a Chinese character counts as a symbol
    [InlineData("", 0)]
    public void ClassCount_CountsTheFourClasses(string password, int classes) =>
        Assert.Equal(classes, PasswordRules.ClassCount(password));

    [Fact]
    public void IsExpired_TurnsTrueOnTheDayTheMaximumAgeIsReached()
    {
        var policy = new AccountPolicy { MaxAgeDays = 90 };
        var set = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

        Assert.False(policy.IsExpired(set, set.AddDays(90).AddTicks(-1)));
        Assert.True(policy.IsExpired(set, set.AddDays(90)));
        Assert.False(policy.IsExpired(null, set.AddYears(5))); // an age not kept yet: its clock starts at the next sign-in
    }
}
