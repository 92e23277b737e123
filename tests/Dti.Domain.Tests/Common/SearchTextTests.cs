using Dti.Domain.Common;

namespace Dti.Domain.Tests.Common;

public class SearchTextTests
{
    [TestCase("Quảng Trị", "quang tri")]
    [TestCase("Sở Khoa học và Công nghệ", "so khoa hoc va cong nghe")]
    [TestCase("Đài Phát thanh - Truyền hình", "dai phat thanh - truyen hinh")]
    [TestCase("  ỦY   BAN  ", "uy ban")]
    [TestCase("Nghệ An", "nghe an")]
    [TestCase("", "")]
    public void FoldingRemovesCaseDiacriticsAndTheStrokeOfD(string text, string folded) =>
        Assert.That(SearchText.Fold(text), Is.EqualTo(folded));

    [Test]
    public void DecomposedInputFoldsLikeComposedInput() =>
        Assert.That(SearchText.Fold("Quảng Trị".Normalize(System.Text.NormalizationForm.FormD)), Is.EqualTo("quang tri"));
}
