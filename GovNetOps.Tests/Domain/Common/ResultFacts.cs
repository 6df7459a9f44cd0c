using GovNetOps.Domain.Common;

namespace GovNetOps.Tests.Domain.Common;

public class ResultFacts
{
    [Fact]
    public void OkAndFail_CarryOutcome()
    {
        Assert.True(Result.Ok().IsSuccess);
        Assert.Null(Result.Ok().Error);
        Assert.Equal("请填写原因", Result.Fail("请填写原因").Error);
        Assert.Equal(5, Result<int>.Ok(5).Value);
        Assert.False(Result<int>.Fail("不行").IsSuccess);
        Assert.Equal(0, Result<int>.Fail("不行").Value);
    }

    [Fact]
    public void Fail_Throws_WhenMessageEmpty()
    {
        Assert.Throws<ArgumentException>(() => Result.Fail(" "));
        Assert.Throws<ArgumentException>(() => Result<int>.Fail(""));
    }
}
