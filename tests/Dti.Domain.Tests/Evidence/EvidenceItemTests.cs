using System.Text;
using Dti.Domain.Common;
using Dti.Domain.Evidence;

namespace Dti.Domain.Tests.Evidence;

public class EvidenceItemTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 18, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Guid Agency = Guid.CreateVersion7();
    private static readonly EvidenceContent Content = EvidenceContent.Create(new string('a', 64), 1234, EvidenceFileType.Pdf, Now);

    [TestCase("Báo cáo quý 4.pdf")]
    [TestCase("BÁO CÁO.PDF")]
    [TestCase("bao.cao.v2.pdf")]
    public void AFileWhoseNameAgreesWithItsContentIsEvidence(string name)
    {
        var item = EvidenceItem.File(Agency, name, Content, EvidenceFileType.Pdf, "Bản ký số", "client", "Sở TT&TT", Now);

        Assert.That((item.Kind, item.FileName, item.MediaType, item.SizeBytes, item.Sha256), Is.EqualTo((EvidenceKind.File, name, "application/pdf", 1234L, Content.Sha256)));
        Assert.That(item.DomainEvents, Is.EqualTo(new[] { new EvidenceAdded(item.Id, Agency, EvidenceKind.File, Content.Sha256) }));
    }

    [Test]
    public void AFileNameIsKeptInNfc()
    {
        var decomposed = "Báo cáo quý 4.pdf".Normalize(NormalizationForm.FormD);

        var item = EvidenceItem.File(Agency, decomposed, Content, EvidenceFileType.Pdf, null, null, null, Now);

        Assert.That(item.FileName, Is.EqualTo("Báo cáo quý 4.pdf".Normalize(NormalizationForm.FormC)));
    }

    [TestCase("Ảnh.pdf", "The content is a PNG image but the name says .pdf; name it .png.")]
    [TestCase("Ảnh", "The content is a PNG image but the name has no extension; name it .png.")]
    [TestCase("Ảnh.png.exe", "The content is a PNG image but the name says .exe; name it .png.")]
    public void ANameThatSaysAnotherTypeIsRefused(string name, string message)
    {
        var png = EvidenceContent.Create(new string('b', 64), 70, EvidenceFileType.Png, Now);

        var refused = Assert.Throws<DomainException>(() => EvidenceItem.File(Agency, name, png, EvidenceFileType.Png, null, null, null, Now));

        Assert.That((refused!.Rule, refused.Field, refused.Message), Is.EqualTo(("evidence.extension-mismatch", "file", message)));
    }

    [Test]
    public void JpegTakesBothOfItsExtensions()
    {
        var jpeg = EvidenceContent.Create(new string('c', 64), 134, EvidenceFileType.Jpeg, Now);

        Assert.DoesNotThrow(() => EvidenceItem.File(Agency, "Hội nghị.jpg", jpeg, EvidenceFileType.Jpeg, null, null, null, Now));
        Assert.DoesNotThrow(() => EvidenceItem.File(Agency, "Hội nghị.JPEG", jpeg, EvidenceFileType.Jpeg, null, null, null, Now));
    }

    [TestCase("C:\\Users\\cv\\Báo cáo.pdf")]
    [TestCase("../Báo cáo.pdf")]
    public void APathIsNoFileName(string name)
    {
        var refused = Assert.Throws<DomainException>(() => EvidenceItem.File(Agency, name, Content, EvidenceFileType.Pdf, null, null, null, Now));

        Assert.That(refused!.Rule, Is.EqualTo("evidence.file-name"));
    }

    [Test]
    public void ALinkIsAnAbsoluteHttpAddressWithADescription()
    {
        var link = EvidenceItem.Link(Agency, " https://dichvucong.quangtri.gov.vn/thong-ke?nam=2023 ", "Thống kê hồ sơ", null, null, Now);

        Assert.That((link.Kind, link.Url, link.Description, link.Sha256), Is.EqualTo((EvidenceKind.Link, "https://dichvucong.quangtri.gov.vn/thong-ke?nam=2023", "Thống kê hồ sơ", (string?)null)));
    }

    [TestCase("ftp://files.quangtri.gov.vn/a.pdf", "Thống kê", "evidence.link-not-http")]
    [TestCase("/thong-ke", "Thống kê", "evidence.link-not-http")]
    [TestCase("https://user:secret@quangtri.gov.vn/", "Thống kê", "evidence.link-credentials")]
    [TestCase("https://quangtri.gov.vn/", "  ", "required")]
    public void ALinkThatIsNoWebAddressOrSaysNothingIsRefused(string url, string description, string rule)
    {
        var refused = Assert.Throws<DomainException>(() => EvidenceItem.Link(Agency, url, description, null, null, Now));

        Assert.That(refused!.Rule, Is.EqualTo(rule));
    }
}
