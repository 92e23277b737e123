using Dti.Domain.Common;

namespace Dti.Domain.Evidence;

/// <summary>
/// The kinds of file accepted as evidence: what Vietnamese agencies send as tài liệu kiểm chứng (signed PDFs, Word and
/// Excel files, their OpenDocument equivalents, scans and photos). The type is read from the content; the file name's
/// extension must then agree with it (<see cref="EnsureNameAgrees"/>).
/// </summary>
public sealed class EvidenceFileType
{
    public static readonly EvidenceFileType Pdf = new("PDF", "a PDF document", "application/pdf", [".pdf"]);

    public static readonly EvidenceFileType Docx = new("DOCX", "a Word document (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);

    public static readonly EvidenceFileType Xlsx = new("XLSX", "an Excel workbook (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static readonly EvidenceFileType Odt = new("ODT", "an OpenDocument text (ODT)", "application/vnd.oasis.opendocument.text", [".odt"]);

    public static readonly EvidenceFileType Ods = new("ODS", "an OpenDocument spreadsheet (ODS)", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);

    public static readonly EvidenceFileType Png = new("PNG", "a PNG image", "image/png", [".png"]);

    public static readonly EvidenceFileType Jpeg = new("JPEG", "a JPEG image", "image/jpeg", [".jpg", ".jpeg"]);

    public static readonly IReadOnlyList<EvidenceFileType> All = [Pdf, Docx, Xlsx, Odt, Ods, Png, Jpeg];

    private EvidenceFileType(string code, string description, string mediaType, IReadOnlyList<string> extensions)
    {
        Code = code;
        Description = description;
        MediaType = mediaType;
        Extensions = extensions;
    }

    /// <summary>The short name the API's messages list (<c>PDF</c>, <c>DOCX</c>…).</summary>
    public string Code { get; }

    /// <summary>How a message names the content: "a PNG image".</summary>
    public string Description { get; }

    /// <summary>The media type downloads are served with.</summary>
    public string MediaType { get; }

    /// <summary>The extensions a file of this type may have, lower case with the dot.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The allowed types as a message lists them: "PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG".</summary>
    public static string AllCodes => string.Join(", ", All.Select(t => t.Code));

    /// <summary>
    /// Refuses a name whose extension says another type than the content: a renamed executable or page must not be
    /// served back under a trusted name.
    /// </summary>
    public void EnsureNameAgrees(string fileName, string field)
    {
        var dot = fileName.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : fileName[dot..].ToLowerInvariant();
        if (Extensions.Contains(extension, StringComparer.Ordinal))
        {
            return;
        }

        var says = extension.Length == 0 ? "has no extension" : $"says {fileName[dot..]}";
        throw new DomainException(
            "evidence.extension-mismatch",
            $"The content is {Description} but the name {says}; name it {string.Join(" or ", Extensions)}.",
            field);
    }

    public override string ToString() => Code;
}
