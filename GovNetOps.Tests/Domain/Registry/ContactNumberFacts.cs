using GovNetOps.Domain.Registry;

namespace GovNetOps.Tests.Domain.Registry;

public sealed class ContactNumberFacts
{
    [Theory]
    [InlineData("13800000015", "13800000015")]
    [InlineData("138 0000 0015", "13800000015")]
    [InlineData("0377-66123456", "0377-66123456")]
    [InlineData("037766123456", "0377-66123456")]
    public void Normalise_AcceptsMobilesAndNanyangLandlines(string text, string expected) =>
        Assert.Equal(expected, ContactNumber.Normalise(text));

    [Theory]
    [InlineData("1380000001")]
    [InlineData("23800000015")]
    [InlineData("010-66123456")]
    [InlineData("0377-0612345")]
    [InlineData("")]
    public void Normalise_RefusesOtherNumbers(string text) => Assert.Null(ContactNumber.Normalise(text));

    [Theory]
    [InlineData("13800000015", "138****0015")]
    [InlineData("0377-66123456", "0377-****3456")]
    public void Mask_HidesTheMiddle(string number, string expected) => Assert.Equal(expected, ContactNumber.Mask(number));
}
