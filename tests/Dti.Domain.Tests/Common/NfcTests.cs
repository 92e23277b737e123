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

    [TestCase("Thông tư \u0301")]
    [TestCase("A\u030A")]
    [TestCase("\u1EA0\u0323")]
    public void AStableCharacterFollowedByACombiningMarkIsStillNormalised(string value) =>
        Assert.That(Nfc.Of(value), Is.EqualTo(value.Normalize(NormalizationForm.FormC)));

    /// <summary>
    /// What lets <see cref="Nfc.Of"/> skip the check: every stable character is NFC on its own, is no combining mark, and
    /// composes with no other stable character on either side (every ordered pair is NFC as it is).
    /// </summary>
    [Test]
    public void StableCharactersAreNfcInEveryPair()
    {
        var stable = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(Nfc.IsStable).ToArray();
        Assert.That(stable, Has.Length.EqualTo(0x300 + 90 + 24 + 368));
        var marks = stable.Where(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark);
        Assert.That(marks, Is.Empty);

        var notNfc = new List<string>();
        Span<char> pair = stackalloc char[2];
        foreach (var first in stable)
        {
            pair[0] = first;
            foreach (var second in stable)
            {
                pair[1] = second;
                var text = pair.ToString();
                if (!text.IsNormalized(NormalizationForm.FormC))
                {
                    notNfc.Add($"U+{(int)first:X4} U+{(int)second:X4}");
                }
            }
        }

        Assert.That(notNfc, Is.Empty);
    }
}
