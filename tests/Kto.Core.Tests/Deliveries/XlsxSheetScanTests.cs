using System.IO.Compression;
using System.Text;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The quick pass over a workbook's first sheet: where its last value is, so the row and column caps are checked
/// before the workbook reader walks a used range that may reach XFD1048576. Workbooks written by hand, part by part.
/// </summary>
public sealed class XlsxSheetScanTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static MemoryStream Workbook(string sheetData, string target = "worksheets/sheet1.xml", string? secondSheetData = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheets = secondSheetData is null
                ? """<sheet name="Levering" sheetId="1" r:id="rId1"/>"""
                : """<sheet name="Levering" sheetId="2" r:id="rId2"/><sheet name="Andere" sheetId="1" r:id="rId1"/>""";
            Add(zip, "xl/workbook.xml",
                $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels",
                """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
                """<Relationship Id="rId1" Type="worksheet" Target="worksheets/other.xml"/>""" +
                $"""<Relationship Id="rId2" Type="worksheet" Target="{target}"/></Relationships>""");
            if (secondSheetData is null)
            {
                // One sheet: rId1 is it.
                Add(zip, "xl/worksheets/other.xml", Sheet(sheetData));
            }
            else
            {
                Add(zip, "xl/worksheets/other.xml", Sheet(secondSheetData));
                Add(zip, target.StartsWith('/') ? target[1..] : "xl/" + target, Sheet(sheetData));
            }
        }
        stream.Position = 0;
        return stream;

        static string Sheet(string data) => $"""<worksheet xmlns="{Main}"><sheetData>{data}</sheetData></worksheet>""";
    }

    private static void Add(ZipArchive zip, string path, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static XlsxSheetScan Scan(string sheetData) => XlsxSheetScan.Of(Workbook(sheetData));

    [Fact]
    public void The_last_cell_with_a_value_gives_the_last_row_and_column()
    {
        // The caps are about values: the furthest row and the furthest column that hold one (each may come from another cell).
        var scan = Scan("""<row r="1"><c r="A1"><v>1</v></c><c r="AB1" t="s"><v>0</v></c></row><row r="7"><c r="C7"><v>2</v></c></row>""");

        Assert.Equal(new XlsxSheetScan(7, 28), scan);
    }

    [Fact]
    public void A_styled_cell_without_a_value_far_away_does_not_count()
    {
        // One formatted cell at XFD1048576 makes the used range huge; there is nothing there to read.
        var scan = Scan("""<row r="2"><c r="B2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/><c r="XFC1048576" s="1"><v></v></c></row>""");

        Assert.Equal(new XlsxSheetScan(2, 2), scan);
    }

    [Fact]
    public void An_inline_string_is_a_value()
    {
        // Some exporters write text inline instead of in the shared strings.
        Assert.Equal(new XlsxSheetScan(3, 4), Scan("""<row r="3"><c r="D3" t="inlineStr"><is><t>K1</t></is></c></row>"""));
    }

    [Fact]
    public void Rows_and_cells_without_a_reference_follow_the_one_before()
    {
        // The r attributes are optional: then a row is the next row, a cell the next column.
        var scan = Scan("""<row r="4"><c r="B4"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>""");

        Assert.Equal(new XlsxSheetScan(5, 3), scan);
    }

    [Fact]
    public void The_furthest_column_reference_is_read_as_its_number()
    {
        // XFD is column 16384, the last Excel has: the column cap must see it.
        Assert.Equal(new XlsxSheetScan(1, 16384), Scan("""<row r="1"><c r="XFD1"><v>1</v></c></row>"""));
    }

    [Theory]
    [InlineData("b1")]
    [InlineData("1")]
    [InlineData("AAAAAAA1")]
    [InlineData("1C")]
    public void A_cell_reference_without_a_readable_column_counts_as_the_next_column(string reference)
    {
        // Lower case, no letters, or a column past any real sheet (it would overflow): taken as the next cell.
        var scan = Scan($"""<row r="1"><c r="A1"><v>1</v></c><c r="{reference}"><v>2</v></c></row>""");

        Assert.Equal(new XlsxSheetScan(1, 2), scan);
    }

    [Fact]
    public void A_sheet_without_any_value_is_empty()
    {
        // Then the parser refuses the file as empty, not as too large.
        Assert.Equal(new XlsxSheetScan(0, 0), Scan("""<row r="1"><c r="A1" s="3"/></row>"""));
    }

    [Fact]
    public void Only_the_first_sheet_in_workbook_order_is_scanned_also_with_an_absolute_target()
    {
        // The workbook reader takes the first sheet in the workbook's order, not the first file: the scan must look at the same one.
        var relative = XlsxSheetScan.Of(Workbook("""<row r="2"><c r="B2"><v>1</v></c></row>""", "worksheets/sheet2.xml",
            secondSheetData: """<row r="900"><c r="Z900"><v>1</v></c></row>"""));
        var absolute = XlsxSheetScan.Of(Workbook("""<row r="3"><c r="C3"><v>1</v></c></row>""", "/xl/worksheets/sheet2.xml",
            secondSheetData: """<row r="900"><c r="Z900"><v>1</v></c></row>"""));

        Assert.Equal(new XlsxSheetScan(2, 2), relative);
        Assert.Equal(new XlsxSheetScan(3, 3), absolute);
    }

    [Fact]
    public void A_workbook_without_its_parts_is_unreadable()
    {
        // A zip that is no workbook is refused by the parser as unreadable (it catches this), never read as empty.
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) Add(zip, "iets.txt", "x");
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => XlsxSheetScan.Of(stream));
    }

    [Fact]
    public void A_styled_empty_cell_does_not_hide_the_value_after_it()
    {
        // An empty element has no children to read: reading on from it would swallow the next cell, here the one in Z.
        var scan = Scan("""<row r="1"><c r="A1" s="1"/><c r="Z1"><v>1</v></c></row>""");

        Assert.Equal(new XlsxSheetScan(1, 26), scan);
    }

    [Fact]
    public void A_cell_with_an_empty_value_a_comment_or_an_empty_CDATA_section_has_no_value()
    {
        // Only text counts: none of these cells gives the workbook reader anything to read, so none moves the caps.
        var scan = Scan("""<row r="2"><c r="B2"><v>1</v></c><c r="K2"><v></v></c><c r="L2"><!-- notitie --></c>""" +
            """<c r="M2"><v><![CDATA[]]></v></c></row><row r="9"><c r="N9" s="1"><v/></c></row>""");

        Assert.Equal(new XlsxSheetScan(2, 2), scan);
    }

    [Fact]
    public void A_workbook_whose_relationships_do_not_name_its_first_sheet_is_unreadable()
    {
        // The first sheet's r:id must resolve; when it does not, the parser refuses the file (it catches this), not reads it as empty.
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "xl/workbook.xml",
                $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Levering" sheetId="1" r:id="rId7"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels",
                """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>""");
        }
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => XlsxSheetScan.Of(stream));
    }
}
