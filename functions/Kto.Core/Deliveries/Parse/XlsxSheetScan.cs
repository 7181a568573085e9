using System.IO.Compression;
using System.Xml;

namespace Kto.Core.Deliveries;

/// <summary>
/// A quick pass over the first sheet's XML before the workbook reader sees it: where the last cell with a value
/// is. The reader walks every row up to the sheet's used range with an array as wide as that range, so one
/// styled cell at XFD1048576 costs minutes; this pass costs milliseconds and tells how far there is anything to read.
/// </summary>
internal readonly record struct XlsxSheetScan(int LastFilledRow, int LastFilledColumn)
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Row and column numbers are one-based; 0 when the sheet has no value at all.</summary>
    public static XlsxSheetScan Of(Stream content)
    {
        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = zip.GetEntry(FirstSheetPath(zip)) ?? throw new InvalidDataException("The workbook has no first sheet.");
        using var stream = sheet.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });

        int row = 0, column = 0, lastRow = 0, lastColumn = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != MainNamespace) continue;
            switch (xml.LocalName)
            {
                case "row":
                    row = int.TryParse(xml.GetAttribute("r"), out var r) ? r : row + 1;
                    column = 0;
                    break;
                case "c":
                    column = ColumnOf(xml.GetAttribute("r")) ?? column + 1;
                    if (!xml.IsEmptyElement && HasValue(xml))
                    {
                        lastRow = Math.Max(lastRow, row);
                        lastColumn = Math.Max(lastColumn, column);
                    }
                    break;
            }
        }
        return new XlsxSheetScan(lastRow, lastColumn);
    }

    /// <summary>Reads the children of a <c>c</c> element: a value (<c>v</c>) or an inline string (<c>is</c>) with text.</summary>
    private static bool HasValue(XmlReader xml)
    {
        var depth = xml.Depth;
        var found = false;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace && xml.Value.Length > 0)
                found = true;
        }
        return found;
    }

    /// <summary>The column number in a reference such as "XFD1048576" (16384), or null without one.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else break;
            if (column > 1 << 20) return null;
        }
        return column == 0 ? null : column;
    }

    /// <summary>The first sheet in workbook order, as the workbook reader takes it.</summary>
    private static string FirstSheetPath(ZipArchive zip)
    {
        string? relationshipId = null;
        using (var workbook = XmlReader.Create(Open(zip, "xl/workbook.xml"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            while (workbook.Read())
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
                {
                    relationshipId = workbook.GetAttribute("id", RelationshipNamespace);
                    break;
                }
            }
        }
        using var relationships = XmlReader.Create(Open(zip, "xl/_rels/workbook.xml.rels"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (relationships.Read())
        {
            if (relationships.NodeType != XmlNodeType.Element || relationships.LocalName != "Relationship" || relationships.GetAttribute("Id") != relationshipId)
                continue;
            var target = relationships.GetAttribute("Target") ?? "";
            return target.StartsWith('/') ? target[1..] : "xl/" + target;
        }
        throw new InvalidDataException("The workbook names no first sheet.");
    }

    private static Stream Open(ZipArchive zip, string path) =>
        (zip.GetEntry(path) ?? throw new InvalidDataException($"The workbook has no {path}.")).Open();
}
