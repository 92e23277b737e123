using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Dti.Api.Tests.Evidence;

/// <summary>
/// Small but real files of each kind evidence may be, built here: a one-page PDF, the minimal package of each office
/// format (the parts Word, Excel and LibreOffice need to open it), and a 1×1 PNG and JPEG. Plus what must be refused.
/// </summary>
public static class EvidenceFiles
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string OdtType = "application/vnd.oasis.opendocument.text";
    public const string OdsType = "application/vnd.oasis.opendocument.spreadsheet";

    /// <summary>A 1×1 PNG (RGBA), chunk CRCs valid.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 greyscale JFIF JPEG.</summary>
    public static byte[] Jpeg() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");

    /// <summary>A one-page PDF whose page says <paramref name="text"/>, with a correct cross-reference table.</summary>
    public static byte[] Pdf(string text = "Bao cao quy 4/2023", int padding = 0)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            Stream($"BT /F1 12 Tf 72 770 Td ({text}) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        // A comment pads the file to a chosen size without changing what it shows.
        if (padding > 0)
        {
            pdf.Append('%').Append('x', padding).Append('\n');
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());

        static string Stream(string content) => $"<< /Length {content.Length} >>\nstream\n{content}\nendstream";
    }

    /// <summary>A Word document with one paragraph.</summary>
    public static byte[] Docx(bool withMacros = false)
    {
        (string, string)[] macros = withMacros ? [("word/vbaProject.bin", "macro")] : [];
        return Zip([.. DocxParts, .. macros]);
    }

    private static readonly (string Name, string Content)[] DocxParts =
    [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """),
        ("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo kết quả chuyển đổi số quý 4/2023</w:t></w:r></w:p></w:body></w:document>
            """),
    ];

    /// <summary>An Excel workbook with one sheet and one cell.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
        ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DTI" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
        ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """),
        ("xl/worksheets/sheet1.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>0.7326</v></c></row></sheetData></worksheet>
            """));

    public static byte[] Odt() => OpenDocument(OdtType, "<office:text><text:p>Báo cáo kết quả chuyển đổi số quý 4/2023</text:p></office:text>");

    public static byte[] Ods() => OpenDocument(OdsType, "<office:spreadsheet><table:table table:name=\"DTI\"><table:table-row><table:table-cell office:value-type=\"float\" office:value=\"0.7326\"/></table:table-row></table:table></office:spreadsheet>");

    /// <summary>A ZIP that is no document: a folder of photos someone zipped.</summary>
    public static byte[] PlainZip() => Zip(("anh-1.txt", "not a document"));

    /// <summary>The start of a Windows program (the MZ header and the DOS stub message).</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. "This program cannot be run in DOS mode.\r\n"u8];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    /// <summary>A multipart body with one file part named <c>file</c> and, when given, a description.</summary>
    public static MultipartFormDataContent Upload(byte[] bytes, string fileName, string? description = null, string? partType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        if (partType is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue(partType);
        }

        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        return form;
    }

    /// <summary>
    /// An upload as browsers and curl send it: the name's UTF-8 bytes straight in <c>filename="…"</c> (no
    /// <c>filename*</c>), <paramref name="normalization"/> as the sender's file system keeps it (macOS: decomposed).
    /// </summary>
    public static ByteArrayContent BrowserUpload(byte[] bytes, string fileName, string? description = null, NormalizationForm normalization = NormalizationForm.FormC)
    {
        const string boundary = "----dti-browser-boundary";
        using var body = new MemoryStream();
        body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName.Normalize(normalization)}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.Write(bytes);
        if (description is not null)
        {
            body.Write(Encoding.UTF8.GetBytes($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n{description}"));
        }

        body.Write(Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"));
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>
    /// The ODF package: <c>mimetype</c> first and stored uncompressed (so its type can be read at a fixed offset), then
    /// the manifest and the content.
    /// </summary>
    private static byte[] OpenDocument(string mediaType, string body)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", mediaType, CompressionLevel.NoCompression);
            Write(zip, "META-INF/manifest.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="{mediaType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
                """, CompressionLevel.Optimal);
            Write(zip, "content.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:body>{body}</office:body></office:document-content>
                """, CompressionLevel.Optimal);
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Write(zip, name, content, CompressionLevel.Optimal);
            }
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
