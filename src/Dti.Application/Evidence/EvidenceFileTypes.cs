using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Dti.Domain.Common;
using Dti.Domain.Evidence;

namespace Dti.Application.Evidence;

/// <summary>
/// Tells what a file is from its bytes, never from its name: the signature at its start (<c>%PDF-</c>, PNG, JPEG), and
/// for a ZIP container the entries that make it a document — <c>[Content_Types].xml</c> with <c>word/</c> or
/// <c>xl/</c> parts for DOCX and XLSX (OOXML), a first entry <c>mimetype</c> naming the type for ODT and ODS (ODF).
/// Anything else is refused with a 422 naming <c>file</c>, and so is an OOXML document with macros.
/// </summary>
/// <remarks>
/// Reading a ZIP is bounded: the entry count comes from the end-of-central-directory record before the archive is
/// opened (at most <see cref="MaxZipEntries"/>, no ZIP64), and only the <c>mimetype</c> entry is ever decompressed,
/// at most <see cref="MaxMimetypeBytes"/> of it — a ZIP bomb costs nothing.
/// </remarks>
public static class EvidenceFileTypes
{
    /// <summary>Far more parts than any real document has (a large workbook has a few hundred).</summary>
    public const int MaxZipEntries = 10_000;

    private const int MaxMimetypeBytes = 100;

    private const string Field = "file";

    /// <summary>The end-of-central-directory record: 22 bytes and a comment of up to 65,535.</summary>
    private const int EndRecordLength = 22;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();

    /// <summary>Signatures of content refused by name in the message, so the uploader learns what they sent.</summary>
    private static readonly (byte[] Signature, string What)[] Known =
    [
        ("MZ"u8.ToArray(), "a Windows program"),
        ("\u007fELF"u8.ToArray(), "a Linux program"),
        ("#!"u8.ToArray(), "a script"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("PK\u0005\u0006"u8.ToArray(), "an empty ZIP archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document (DOC/XLS); save it as DOCX, XLSX or PDF"),
    ];

    /// <summary>The type of <paramref name="content"/> (seekable; read from its start), or a 422 naming <c>file</c>.</summary>
    public static EvidenceFileType Identify(Stream content)
    {
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith(Pdf))
        {
            return EvidenceFileType.Pdf;
        }

        if (head.StartsWith(Png))
        {
            return EvidenceFileType.Png;
        }

        if (head.StartsWith(Jpeg))
        {
            return EvidenceFileType.Jpeg;
        }

        if (head.StartsWith(Zip))
        {
            return Document(content);
        }

        foreach (var (signature, what) in Known)
        {
            if (head.StartsWith(signature))
            {
                throw NotAllowed($"The content is {what}, which is not accepted as evidence.");
            }
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        throw NotAllowed(text.StartsWith('<') ? "The content is markup (HTML, XML or SVG), which is not accepted as evidence." : "The content is not a file type accepted as evidence.");
    }

    private static EvidenceFileType Document(Stream content)
    {
        var entries = EntryCount(content);
        if (entries is null)
        {
            throw NotAllowed("The content starts like a ZIP archive but is not a readable one (damaged, or ZIP64).");
        }

        if (entries > MaxZipEntries)
        {
            throw NotAllowed($"The content is a ZIP archive of {entries} entries; a document has far fewer (at most {MaxZipEntries} are read).");
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return OpenDocument(content, zip) ?? OfficeOpenXml(zip)
                ?? throw NotAllowed("The content is a ZIP archive but not a DOCX, XLSX, ODT or ODS document.");
        }
        catch (InvalidDataException)
        {
            throw NotAllowed("The content starts like a ZIP archive but is not a readable one (damaged).");
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>ODF: the first entry of the archive is <c>mimetype</c>, stored, holding the document's media type.</summary>
    private static EvidenceFileType? OpenDocument(Stream content, ZipArchive zip)
    {
        // The local header at offset 0 names the first entry (name length at byte 26, name from byte 30).
        Span<byte> header = stackalloc byte[38];
        content.Position = 0;
        if (content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) != 8 || !header[30..].SequenceEqual("mimetype"u8))
        {
            return null;
        }

        var entry = zip.GetEntry("mimetype");
        if (entry is null)
        {
            return null;
        }

        Span<byte> value = stackalloc byte[MaxMimetypeBytes];
        using var stream = entry.Open();
        var mediaType = Encoding.ASCII.GetString(value[..stream.ReadAtLeast(value, value.Length, throwOnEndOfStream: false)]).Trim();
        return mediaType == EvidenceFileType.Odt.MediaType ? EvidenceFileType.Odt
            : mediaType == EvidenceFileType.Ods.MediaType ? EvidenceFileType.Ods
            : throw NotAllowed($"The content is an OpenDocument file of type '{mediaType}'; only text (ODT) and spreadsheets (ODS) are accepted.");
    }

    /// <summary>OOXML: a <c>[Content_Types].xml</c> part and the main part's folder, <c>word/</c> or <c>xl/</c>.</summary>
    private static EvidenceFileType? OfficeOpenXml(ZipArchive zip)
    {
        var names = zip.Entries.Select(e => e.FullName).ToList();
        if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
        {
            return null;
        }

        var word = names.Any(n => n.StartsWith("word/", StringComparison.Ordinal));
        var excel = names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal));
        if (word == excel)
        {
            return null;
        }

        if (names.Any(n => n.EndsWith("/vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            throw NotAllowed("The document contains macros (vbaProject.bin); save it without macros as DOCX or XLSX, or as PDF.");
        }

        return word ? EvidenceFileType.Docx : EvidenceFileType.Xlsx;
    }

    /// <summary>
    /// The entry count of the archive's end-of-central-directory record, found in the archive's last 64 KiB; null when
    /// there is none or the archive is ZIP64 (more than 65,534 entries or 4 GiB, which no evidence file needs).
    /// </summary>
    private static int? EntryCount(Stream content)
    {
        var tail = (int)Math.Min(content.Length, EndRecordLength + ushort.MaxValue);
        var buffer = new byte[tail];
        content.Position = content.Length - tail;
        content.ReadExactly(buffer);
        content.Position = 0;
        for (var i = tail - EndRecordLength; i >= 0; i--)
        {
            if (buffer.AsSpan(i, 4).SequenceEqual("PK\u0005\u0006"u8))
            {
                var count = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                return count == ushort.MaxValue ? null : count;
            }
        }

        return null;
    }

    private static DomainException NotAllowed(string what) =>
        new("evidence.type-not-allowed", $"{what} Accepted: {EvidenceFileType.AllCodes} (the type is read from the content, not from the name).", Field);
}
