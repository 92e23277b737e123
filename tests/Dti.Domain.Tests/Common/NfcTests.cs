using System.Text;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Common;

public sealed class NfcTests
{
    private const string Composed = "Sở Thông tin và Truyền thông Cần Thơ";

    [Test]
    public void DecomposedVietnameseComesBackComposed()
    {
        var decomposed = Composed.Normalize(NormalizationForm.FormD);
        Assert.That(decomposed, Is.Not.EqualTo(Composed), "the test needs decomposed input");

        Assert.That(Nfc.Of(decomposed), Is.EqualTo(Composed));
    }

    [Test]
    public void TextAlreadyInNfcIsTheSameInstance() => Assert.That(Nfc.Of(Composed), Is.SameAs(Composed));
}
