using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Evidence;

/// <summary>
/// Evidence files and links through HTTP: every accepted type is told by its content, names that lie and content that
/// is no document are refused naming <c>file</c>, the size limit holds on the file and on the body, the same bytes are
/// stored once, downloads are byte-identical with their Vietnamese name, and another agency's evidence is a 404.
/// Run on each content store: <see cref="DatabaseEvidenceTests"/> and <see cref="FolderEvidenceTests"/>.
/// </summary>
public abstract class EvidenceTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>Small, so that "over the limit" needs no 20 MB upload; the body limit is this plus the multipart overhead.</summary>
    protected const int MaxFileBytes = 50_000;

    protected Guid Ict { get; private set; }

    protected Guid Health { get; private set; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Evidence:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [SetUp]
    public async Task CreateTwoAgencies()
    {
        Ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        Health = await Client.CreateAgencyId("000.00.32.H50", "Sở Y tế");
    }

    public static IEnumerable<TestCaseData> AcceptedFiles()
    {
        yield return new TestCaseData("Báo cáo quý 4.pdf", EvidenceFiles.Pdf(), EvidenceFiles.PdfType).SetArgDisplayNames("PDF");
        yield return new TestCaseData("Kế hoạch.docx", EvidenceFiles.Docx(), EvidenceFiles.DocxType).SetArgDisplayNames("DOCX");
        yield return new TestCaseData("Số liệu DTI.xlsx", EvidenceFiles.Xlsx(), EvidenceFiles.XlsxType).SetArgDisplayNames("XLSX");
        yield return new TestCaseData("Báo cáo.odt", EvidenceFiles.Odt(), EvidenceFiles.OdtType).SetArgDisplayNames("ODT");
        yield return new TestCaseData("Số liệu.ods", EvidenceFiles.Ods(), EvidenceFiles.OdsType).SetArgDisplayNames("ODS");
        yield return new TestCaseData("Ảnh chụp màn hình.png", EvidenceFiles.Png(), "image/png").SetArgDisplayNames("PNG");
        yield return new TestCaseData("Hội nghị.jpg", EvidenceFiles.Jpeg(), "image/jpeg").SetArgDisplayNames("JPEG .jpg");
        yield return new TestCaseData("Hội nghị.JPEG", EvidenceFiles.Jpeg(), "image/jpeg").SetArgDisplayNames("JPEG .JPEG");
    }

    [TestCaseSource(nameof(AcceptedFiles))]
    public async Task EachAcceptedTypeIsStoredWithTheTypeReadFromItsContent(string fileName, byte[] bytes, string mediaType)
    {
        // The part's own Content-Type says nothing true here: the API reads the type from the bytes.
        var response = await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(bytes, fileName, "Tài liệu kiểm chứng chỉ số 7", partType: "text/plain"));

        var evidence = await Created(response);
        Assert.Multiple(() =>
        {
            Assert.That(evidence.GetProperty("kind").GetString(), Is.EqualTo("File"));
            Assert.That(evidence.GetProperty("fileName").GetString(), Is.EqualTo(fileName.Normalize(NormalizationForm.FormC)));
            Assert.That(evidence.GetProperty("mediaType").GetString(), Is.EqualTo(mediaType));
            Assert.That(evidence.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(bytes.Length));
            Assert.That(evidence.GetProperty("sha256").GetString(), Is.EqualTo(Sha256(bytes)));
            Assert.That(evidence.GetProperty("description").GetString(), Is.EqualTo("Tài liệu kiểm chứng chỉ số 7"));
            Assert.That(evidence.GetProperty("uploadedByName").GetString(), Is.EqualTo("Test coordinator"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/agencies/{Ict}/evidence/{evidence.GetProperty("id").GetGuid()}"));
        });
    }

    public static IEnumerable<TestCaseData> LyingNames()
    {
        yield return new TestCaseData(EvidenceFiles.Png(), "Báo cáo.pdf", "The content is a PNG image but the name says .pdf").SetArgDisplayNames("PNG named .pdf");
        yield return new TestCaseData(EvidenceFiles.Pdf(), "Số liệu.xlsx", "The content is a PDF document but the name says .xlsx").SetArgDisplayNames("PDF named .xlsx");
        yield return new TestCaseData(EvidenceFiles.Docx(), "Kế hoạch.xlsx", "The content is a Word document (DOCX) but the name says .xlsx").SetArgDisplayNames("DOCX named .xlsx");
        yield return new TestCaseData(EvidenceFiles.Ods(), "Số liệu.odt", "The content is an OpenDocument spreadsheet (ODS) but the name says .odt").SetArgDisplayNames("ODS named .odt");
        yield return new TestCaseData(EvidenceFiles.Jpeg(), "Hội nghị", "The content is a JPEG image but the name has no extension").SetArgDisplayNames("JPEG without extension");
    }

    [TestCaseSource(nameof(LyingNames))]
    public async Task ANameWhoseExtensionLiesAboutTheContentIsRefused(byte[] bytes, string fileName, string message)
    {
        var response = await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(bytes, fileName));

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "file", "evidence.extension-mismatch");
        Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.StartWith(message));
        await NothingStored();
    }

    public static IEnumerable<TestCaseData> RefusedContent()
    {
        yield return new TestCaseData(EvidenceFiles.Executable(), "Báo cáo.pdf", "a Windows program").SetArgDisplayNames("executable named .pdf");
        yield return new TestCaseData(EvidenceFiles.Executable(), "setup.exe", "a Windows program").SetArgDisplayNames("executable");
        yield return new TestCaseData(EvidenceFiles.Html(), "Báo cáo.html", "markup").SetArgDisplayNames("HTML");
        yield return new TestCaseData(EvidenceFiles.Html(), "Báo cáo.pdf", "markup").SetArgDisplayNames("HTML named .pdf");
        yield return new TestCaseData(EvidenceFiles.PlainZip(), "Ảnh.docx", "not a DOCX, XLSX, ODT or ODS").SetArgDisplayNames("plain ZIP named .docx");
        yield return new TestCaseData(EvidenceFiles.Docx(withMacros: true), "Kế hoạch.docx", "macros").SetArgDisplayNames("DOCX with macros");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("Số liệu: 0,7326"), "Số liệu.txt", "not a file type accepted").SetArgDisplayNames("plain text");
        yield return new TestCaseData(EvidenceFiles.Pdf()[..4], "Báo cáo.pdf", "not a file type accepted").SetArgDisplayNames("four bytes of a PDF");
    }

    [TestCaseSource(nameof(RefusedContent))]
    public async Task ContentThatIsNoAcceptedDocumentIsRefusedWhateverItsName(byte[] bytes, string fileName, string what)
    {
        var response = await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(bytes, fileName));

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "file", "evidence.type-not-allowed");
        Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain(what).And.Contain("PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG"));
        await NothingStored();
    }

    [Test]
    public async Task AFileOverTheSizeSettingIsRefusedNamingFileAndALargerBodyWith413()
    {
        var justOver = EvidenceFiles.Pdf(padding: MaxFileBytes);
        Assert.That(justOver.Length, Is.GreaterThan(MaxFileBytes));
        var atTheLimit = EvidenceFiles.Pdf(padding: MaxFileBytes - (justOver.Length - MaxFileBytes));
        Assert.That(atTheLimit.Length, Is.EqualTo(MaxFileBytes));

        await Created(await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(atTheLimit, "Báo cáo.pdf")));
        var over = await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(justOver, "Báo cáo.pdf"));
        var far = await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(EvidenceFiles.Pdf(padding: 4 * MaxFileBytes), "Báo cáo.pdf"));

        var problem = await over.AssertProblem(HttpStatusCode.UnprocessableEntity, "file", "evidence.too-large");
        Assert.That(problem.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain($"at most {MaxFileBytes} bytes"));
        var tooLarge = await far.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(tooLarge.GetProperty("detail").GetString(), Does.Contain($"at most {MaxFileBytes + (64 * 1024)} bytes"));
        Assert.That(await InDatabase(db => db.Evidence.CountAsync()), Is.EqualTo(1), "only the file at the limit was stored");
    }

    [Test]
    public async Task TheSameBytesUploadedTwiceAreStoredOnceAsTwoPiecesOfEvidence()
    {
        var pdf = EvidenceFiles.Pdf();
        var first = await Created(await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(pdf, "Báo cáo quý 4.pdf")));
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, Health);
        var second = await Created(await reporter.PostAsync(Evidence(Health), EvidenceFiles.Upload(pdf, "Bản sao.pdf", "Bản sao gửi Sở Y tế")));

        Assert.That(second.GetProperty("sha256").GetString(), Is.EqualTo(first.GetProperty("sha256").GetString()).And.EqualTo(Sha256(pdf)));
        Assert.That(second.GetProperty("id").GetGuid(), Is.Not.EqualTo(first.GetProperty("id").GetGuid()));
        Assert.That(await InDatabase(db => db.EvidenceContents.CountAsync()), Is.EqualTo(1), "one content row");
        Assert.That(await InDatabase(db => db.Evidence.CountAsync()), Is.EqualTo(2), "two evidence rows");
        await AssertStoredOnce(Sha256(pdf));
        Assert.That(await Download(Client, Health, second.GetProperty("id").GetGuid()), Is.EqualTo(pdf));
    }

    [Test]
    public async Task ConcurrentUploadsOfTheSameBytesStoreThemOnce()
    {
        var xlsx = EvidenceFiles.Xlsx();

        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(xlsx, $"Số liệu {i}.xlsx"))));

        foreach (var response in responses)
        {
            await Created(response);
        }

        Assert.That(await InDatabase(db => db.EvidenceContents.CountAsync()), Is.EqualTo(1), "one content row");
        Assert.That(await InDatabase(db => db.Evidence.CountAsync(e => e.Sha256 == Sha256(xlsx))), Is.EqualTo(10), "ten evidence rows");
        await AssertStoredOnce(Sha256(xlsx));
    }

    [TestCase("pdf", EvidenceFiles.PdfType)]
    [TestCase("docx", EvidenceFiles.DocxType)]
    public async Task ADownloadIsByteIdenticalAndKeepsTheVietnameseName(string extension, string mediaType)
    {
        var bytes = extension == "pdf" ? EvidenceFiles.Pdf() : EvidenceFiles.Docx();
        var id = (await Created(await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(bytes, $"Báo cáo quý 4.{extension}")))).GetProperty("id").GetGuid();

        var response = await Client.GetAsync($"{Evidence(Ict)}/{id}/content");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(response.Content.Headers.ContentDisposition?.ToString(), Is.EqualTo(
            $"attachment; filename=\"Bao cao quy 4.{extension}\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%204.{extension}"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo($"Báo cáo quý 4.{extension}"), "filename* decodes to the uploaded name");
        Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo($"\"{Sha256(bytes)}\""));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));

        using var again = new HttpRequestMessage(HttpMethod.Get, $"{Evidence(Ict)}/{id}/content");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.That((await Client.SendAsync(again)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "a client holding these bytes need not fetch them again");
    }

    [Test]
    public async Task AVietnameseNameSentAsRawUtf8ByABrowserIsKeptInNfc()
    {
        // Browsers and curl put the name's UTF-8 bytes in filename="…"; macOS hands them over decomposed (NFD).
        var content = EvidenceFiles.BrowserUpload(EvidenceFiles.Pdf(), "Báo cáo quý 4.pdf", normalization: NormalizationForm.FormD);

        var evidence = await Created(await Client.PostAsync(Evidence(Ict), content));

        Assert.That(evidence.GetProperty("fileName").GetString(), Is.EqualTo("Báo cáo quý 4.pdf".Normalize(NormalizationForm.FormC)));
        var download = await Client.GetAsync($"{Evidence(Ict)}/{evidence.GetProperty("id").GetGuid()}/content");
        Assert.That(download.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("Báo cáo quý 4.pdf"));
    }

    [Test]
    public async Task AnotherAgencysEvidenceIsNotFound()
    {
        var pdf = EvidenceFiles.Pdf();
        var others = (await Created(await Client.PostAsync(Evidence(Health), EvidenceFiles.Upload(pdf, "Báo cáo.pdf")))).GetProperty("id").GetGuid();
        var reporter = await CreateClientAsync(ClientRole.AgencyReporter, Ict);

        foreach (var uri in new[] { $"{Evidence(Health)}/{others}", $"{Evidence(Health)}/{others}/content", Evidence(Health), $"{Evidence(Ict)}/{others}", $"{Evidence(Ict)}/{others}/content" })
        {
            await (await reporter.GetAsync(uri)).AssertProblem(HttpStatusCode.NotFound);
        }

        // Under the wrong agency even the coordinator finds nothing: evidence is addressed under its own agency.
        await (await Client.GetAsync($"{Evidence(Ict)}/{others}")).AssertProblem(HttpStatusCode.NotFound);
        await (await reporter.PostAsync(Evidence(Health), EvidenceFiles.Upload(pdf, "Báo cáo.pdf"))).AssertProblem(HttpStatusCode.NotFound);
        await (await reporter.PostAsJsonAsync($"{Evidence(Health)}/links", new { url = "https://quangtri.gov.vn", description = "Cổng thông tin" })).AssertProblem(HttpStatusCode.NotFound);
        await (await Client.PostAsync(Evidence(Guid.NewGuid()), EvidenceFiles.Upload(pdf, "Báo cáo.pdf"))).AssertProblem(HttpStatusCode.NotFound);
        Assert.That(await InDatabase(db => db.Evidence.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task ALinkIsEvidenceToo()
    {
        var response = await Client.PostAsJsonAsync($"{Evidence(Ict)}/links", new
        {
            url = "https://dichvucong.quangtri.gov.vn/thong-ke?nam=2023",
            description = "Thống kê hồ sơ trực tuyến toàn trình năm 2023 trên Cổng dịch vụ công tỉnh",
        });

        var link = await Created(response);
        Assert.Multiple(() =>
        {
            Assert.That(link.GetProperty("kind").GetString(), Is.EqualTo("Link"));
            Assert.That(link.GetProperty("url").GetString(), Is.EqualTo("https://dichvucong.quangtri.gov.vn/thong-ke?nam=2023"));
            Assert.That(link.GetProperty("fileName").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(link.GetProperty("sha256").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
        await (await Client.GetAsync($"{Evidence(Ict)}/{link.GetProperty("id").GetGuid()}/content")).AssertProblem(HttpStatusCode.NotFound);
    }

    [TestCase("ftp://files.quangtri.gov.vn/bao-cao.pdf", HttpStatusCode.BadRequest, "url")]
    [TestCase("javascript:alert(1)", HttpStatusCode.BadRequest, "url")]
    [TestCase("/relative/path", HttpStatusCode.BadRequest, "url")]
    [TestCase("https://user:secret@quangtri.gov.vn/", HttpStatusCode.UnprocessableEntity, "url")]
    [TestCase("https://quangtri.gov.vn/" + "x", HttpStatusCode.BadRequest, "description")]
    public async Task ALinkNeedsAnAbsoluteHttpAddressAndADescription(string url, HttpStatusCode status, string field)
    {
        var description = field == "description" ? null : "Trang thống kê";

        var response = await Client.PostAsJsonAsync($"{Evidence(Ict)}/links", new { url, description });

        await response.AssertProblem(status, field);
    }

    [Test]
    public async Task ALinkLongerThanTheLimitIsRefused()
    {
        var response = await Client.PostAsJsonAsync($"{Evidence(Ict)}/links", new { url = "https://quangtri.gov.vn/" + new string('a', 2000), description = "Quá dài" });

        await response.AssertProblem(HttpStatusCode.BadRequest, "url");
    }

    [Test]
    public async Task TheListShowsAnAgencysEvidenceNewestFirst()
    {
        await Created(await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Một.pdf")));
        await Created(await Client.PostAsJsonAsync($"{Evidence(Ict)}/links", new { url = "https://quangtri.gov.vn/hai", description = "Hai" }));
        await Created(await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(EvidenceFiles.Png(), "Ba.png")));
        await Created(await Client.PostAsync(Evidence(Health), EvidenceFiles.Upload(EvidenceFiles.Png(), "Của Sở Y tế.png")));

        var page = await ReadJson(await Client.GetAsync($"{Evidence(Ict)}?pageSize=2"));
        var files = await ReadJson(await Client.GetAsync($"{Evidence(Ict)}?kind=File"));

        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
        Assert.That(page.GetProperty("items").EnumerateArray().Select(Name), Is.EqualTo(new[] { "Ba.png", "https://quangtri.gov.vn/hai" }));
        Assert.That(files.GetProperty("items").EnumerateArray().Select(Name), Is.EqualTo(new[] { "Ba.png", "Một.pdf" }));

        static string? Name(JsonElement e) => e.GetProperty("fileName").GetString() ?? e.GetProperty("url").GetString();
    }

    [Test]
    public async Task AnUploadNamesMisspeltFieldsAndAMissingFile()
    {
        var misspelt = EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo.pdf");
        misspelt.Add(new StringContent("Mô tả"), "descripton");
        var noFile = new MultipartFormDataContent { { new StringContent("Mô tả"), "description" } };
        var twoFiles = EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Một.pdf");
        twoFiles.Add(new ByteArrayContent(EvidenceFiles.Png()), "file", "Hai.png");

        await (await Client.PostAsync(Evidence(Ict), misspelt)).AssertProblem(HttpStatusCode.BadRequest, "descripton");
        await (await Client.PostAsync(Evidence(Ict), noFile)).AssertProblem(HttpStatusCode.BadRequest, "file");
        await (await Client.PostAsync(Evidence(Ict), twoFiles)).AssertProblem(HttpStatusCode.BadRequest, "file");
        await (await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload([], "Rỗng.pdf"))).AssertProblem(HttpStatusCode.UnprocessableEntity, "file", "evidence.empty");
        await (await Client.PostAsync(Evidence(Ict), EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo.pdf", "Mô tả\u0000"))).AssertProblem(HttpStatusCode.BadRequest, "description");
        await (await Client.PostAsJsonAsync(Evidence(Ict), new { file = "Báo cáo.pdf" })).AssertProblem(HttpStatusCode.UnsupportedMediaType);
        await NothingStored();
    }

    [Test]
    public async Task ReadersAndTheMinistrySeeNoEvidence()
    {
        var reader = await CreateClientAsync(ClientRole.Reader);
        var ministry = await CreateClientAsync(ClientRole.Ministry);

        await (await reader.GetAsync(Evidence(Ict))).AssertProblem(HttpStatusCode.Forbidden);
        await (await ministry.PostAsync(Evidence(Ict), EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo.pdf"))).AssertProblem(HttpStatusCode.Forbidden);
    }

    /// <summary>Where the store keeps the bytes of <paramref name="sha256"/>: exactly once.</summary>
    protected abstract Task AssertStoredOnce(string sha256);

    protected static string Evidence(Guid agency) => $"/api/v1/agencies/{agency}/evidence";

    protected static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    protected static async Task<byte[]> Download(HttpClient client, Guid agency, Guid id)
    {
        var response = await client.GetAsync($"{Evidence(agency)}/{id}/content");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    protected static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task NothingStored()
    {
        Assert.That(await InDatabase(db => db.Evidence.CountAsync()), Is.Zero, "no evidence row");
        Assert.That(await InDatabase(db => db.EvidenceContents.CountAsync()), Is.Zero, "no content row");
    }
}
