using System.Globalization;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Templates;
using QRCoder;
using SkiaSharp;

namespace Kto.Infrastructure.Letters;

/// <summary>
/// A batch of letters as one A4 PDF, drawn with SkiaSharp like the report. Per client: the letter (address in the
/// window of a Dutch window envelope, <see cref="AddressWindow"/>; the bureau as sender; the text of
/// <c>Templates/Letters/letter.liquid</c>; the short code and the short address in large type; the personal link as a
/// QR code drawn as vector squares), then the paper questionnaire with the same code on every page, and a blank page
/// when needed so every letter starts on a new sheet in duplex printing. Text stays text (pdftotext reads it).
/// An opdrachtgever's letter (Blik op Werk) goes to the organisation, for the attention of its contact person, with
/// the text of <c>Templates/Letters/Opdrachtgever/letter.liquid</c> and the opdrachtgever questionnaire behind it.
/// </summary>
public sealed class LetterPdfRenderer(LiquidTemplates templates, BureauSettings bureau) : ILetterRenderer
{
    private const double Mm = 72 / 25.4;
    public const double PageWidth = 210 * Mm;
    public const double PageHeight = 297 * Mm;
    private const double Left = 20 * Mm;
    private const double Right = PageWidth - 20 * Mm;
    private const double Bottom = PageHeight - 18 * Mm;

    /// <summary>
    /// The address field (NEN 1026 style, left window): 20 mm from the left edge, 50 mm from the top, 85 × 40 mm.
    /// In points: x, y from the top-left, width, height.
    /// </summary>
    public static readonly (double X, double Y, double Width, double Height) AddressWindow = (20 * Mm, 50 * Mm, 85 * Mm, 40 * Mm);

    private static readonly SKColor Accent = PdfLayout.Accent;
    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Subset = new(SubsetFaces);

    /// <summary>
    /// The parts of a batch (each drawn by one background step, with its own font subsets) as one PDF: the pages are
    /// copied as they are (PDFsharp's import), so text stays text.
    /// </summary>
    public byte[] Merge(IReadOnlyList<byte[]> parts, string title)
    {
        if (parts.Count == 1) return parts[0];
        using var output = new PdfSharp.Pdf.PdfDocument();
        output.Info.Title = title;
        output.Info.Creator = "KTO";
        foreach (var part in parts)
        {
            using var input = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(part), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            foreach (var page in input.Pages)
                output.AddPage(page);
        }
        using var stream = new MemoryStream();
        output.Save(stream);
        return stream.ToArray();
    }

    public byte[] Render(LetterDocument document)
    {
        var (regularFace, boldFace) = DejaVuFonts.Load();
        var (regular, bold) = Subset.Value;
        using var body = new Fonts(regularFace, regular, 10);
        using var small = new Fonts(regularFace, regular, 8);
        using var strong = new Fonts(boldFace, bold, 10);
        using var heading = new Fonts(boldFace, bold, 11);
        using var big = new Fonts(boldFace, bold, 22);
        using var huge = new Fonts(boldFace, bold, 28);
        var text = new Styles(body, small, strong, heading, big, huge);
        // The paper form is read by people who may read less easily: larger type than the letter, and airier.
        using var formBody = new Fonts(regularFace, regular, 11.5);
        using var formSmall = new Fonts(regularFace, regular, 10.5);
        using var formStrong = new Fonts(boldFace, bold, 11.5);
        var form = new Styles(formBody, formSmall, formStrong, heading, big, huge);

        var created = document.CreatedAt.UtcDateTime;
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               {
                   Title = $"Brieven KTO {document.Year} – {document.CompanyName}",
                   Author = bureau.Name,
                   Creator = "KTO",
                   Producer = "KTO (SkiaSharp PDF)",
                   Creation = created,
                   Modified = created,
               }) ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        {
            foreach (var letter in document.Letters)
            {
                var pages = 0;
                pages += DrawLetter(pdf, text, document, letter);
                var questionnaire = document.FormFor(letter);
                if (questionnaire is not null) pages += DrawPaperForm(pdf, form, document, letter, questionnaire);
                // Duplex: the next client's letter starts on the front of a new sheet.
                if (pages % 2 == 1 && questionnaire is not null)
                {
                    pdf.BeginPage((float)PageWidth, (float)PageHeight);
                    pdf.EndPage();
                }
            }
            pdf.Close();
        }
        return stream.ToArray();
    }

    private int DrawLetter(SKDocument pdf, Styles s, LetterDocument document, Letter letter)
    {
        var page = new PageWriter(pdf);
        var c = page.Canvas;
        // The sender, top right; a return line above the address, inside the window.
        var y = 18 * Mm;
        DrawText(c, bureau.Name, s.Heading, Accent, Right - s.Heading.Measure(bureau.Name), y);
        y += s.Small.Height + 4;
        DrawText(c, bureau.ContactEmail, s.Small, SKColors.Black, Right - s.Small.Measure(bureau.ContactEmail), y);
        // Phone and return address under it: the ways back for someone without e-mail.
        foreach (var line in new[] { Filled(bureau.Phone) is { } phone ? $"Telefoon {phone}" : null, bureau.FormReturnAddress }.OfType<string>())
        {
            y += s.Small.Height + 1;
            DrawText(c, line, s.Small, SKColors.Black, Right - s.Small.Measure(line), y);
        }

        var window = AddressWindow;
        var ay = window.Y + 4 * Mm;
        DrawText(c, $"Afzender: {bureau.Name}", s.Small, SKColors.Gray, window.X, ay);
        ay += s.Small.Height + 3 * Mm;
        foreach (var line in AddressLines(letter.Contact, letter.Audience))
        {
            DrawText(c, line, s.Body, SKColors.Black, window.X, ay + s.Body.Height * 0.8);
            ay += s.Body.Height + 1;
        }

        y = window.Y + window.Height + 2 * Mm;
        DrawText(c, $"Datum: {DutchTime.Format(DutchTime.DateOf(document.CreatedAt))}", s.Body, SKColors.Black, Left, y);
        y += s.Body.Height + 2;
        var subject = letter.Audience == SurveyAudience.Opdrachtgever
            ? $"{(letter.Kind.IsInvitation ? "Onderzoek" : "Herinnering: onderzoek")} naar de samenwerking met {document.CompanyName}"
            : $"{(letter.Kind.IsInvitation ? "Onderzoek" : "Herinnering: onderzoek")} naar uw begeleiding bij {document.CompanyName}";
        foreach (var line in PdfLayout.Wrap($"Betreft: {subject}", s.Strong.Measuring, Right - Left))
        {
            DrawText(c, line, s.Strong, SKColors.Black, Left, y);
            y += s.Strong.Height + 1;
        }
        y += 4;

        // The two ways in: code and short address large on the left, the QR code on the right.
        var qrSize = 34 * Mm;
        var boxHeight = qrSize + 4 * Mm;
        var boxTop = y;
        using (var frame = new SKPaint { Color = Accent, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true })
            c.DrawRect(SKRect.Create((float)Left, (float)boxTop, (float)(Right - Left), (float)boxHeight), frame);
        var tx = Left + 4 * Mm;
        var ty = boxTop + 2 * Mm + s.Strong.Height;
        DrawText(c, "Ga naar:", s.Strong, SKColors.Black, tx, ty);
        ty += s.Big.Height;
        DrawText(c, ShortAddress(document.ShortCodePage), s.Big, Accent, tx, ty);
        ty += s.Strong.Height + 6;
        DrawText(c, "Typ deze code:", s.Strong, SKColors.Black, tx, ty);
        ty += s.Huge.Height;
        DrawText(c, letter.Code, s.Huge, SKColors.Black, tx, ty);
        if (letter.SurveyUrl is { } url)
        {
            var qx = Right - 3 * Mm - qrSize;
            DrawQr(c, url, qx, boxTop + 2 * Mm, qrSize);
        }
        y = boxTop + boxHeight + 6;

        // The text, from the template.
        foreach (var block in Blocks(letter, document))
        {
            var font = block.Heading ? s.Heading : s.Body;
            if (block.Heading) y += 3;
            foreach (var line in PdfLayout.Wrap(block.Text, font.Measuring, Right - Left))
            {
                if (y + font.Height > Bottom)
                {
                    page.Next();
                    c = page.Canvas;
                    y = 20 * Mm;
                }
                DrawText(c, line, font, SKColors.Black, Left, y + font.Height * 0.8);
                y += font.Height + 1;
            }
            y += block.Heading ? 1 : 4;
        }
        page.End();
        return page.Count;
    }

    private int DrawPaperForm(SKDocument pdf, Styles s, LetterDocument document, Letter letter, Questionnaire questionnaire)
    {
        var page = new PageWriter(pdf);
        double y = 0;
        void Header()
        {
            var c = page.Canvas;
            y = 18 * Mm;
            DrawText(c, $"Vragenlijst {document.CompanyName}", s.Heading, Accent, Left, y);
            var code = $"Code: {letter.Code}";
            DrawText(c, code, s.Heading, SKColors.Black, Right - s.Heading.Measure(code), y);
            y += s.Heading.Height + 4;
        }
        void Ensure(double height)
        {
            if (y + height <= Bottom) return;
            page.Next();
            Header();
        }
        Header();
        var returnTo = bureau.FormReturnAddress is { } address ? $" (geen envelop? Stuur het naar {bureau.Name}, {address})" : "";
        foreach (var intro in new[]
                 {
                     "Zet bij elke vraag een kruisje in één vakje. Vragen met 'niet verplicht' mag u overslaan.",
                     $"Stuur het formulier terug in de antwoordenvelop{returnTo}, uiterlijk {DutchTime.Format(document.FieldworkCloses)}. " +
                     "Let op: vult u de vragenlijst ook op internet in? Dan telt alleen het eerste antwoord.",
                 })
        {
            foreach (var line in PdfLayout.Wrap(intro, s.Body.Measuring, Right - Left))
            {
                DrawText(page.Canvas, line, s.Body, SKColors.Black, Left, y + s.Body.Height * 0.8);
                y += s.Body.Height + 2;
            }
            y += 5;
        }

        var number = 0;
        foreach (var question in questionnaire.Questions)
        {
            number++;
            var label = $"{number}. {question.Text.In("nl")}{(question.Mandatory ? "" : " (niet verplicht)")}";
            var lines = PdfLayout.Wrap(label, s.Strong.Measuring, Right - Left);
            var answerHeight = question.Type == QuestionType.OpenText ? 4 * 8 * Mm : question.Type == QuestionType.Agree5 ? 18 * Mm : 15 * Mm;
            Ensure(lines.Count * (s.Strong.Height + 1) + answerHeight + 6);
            var c = page.Canvas;
            y += 4;
            foreach (var line in lines)
            {
                DrawText(c, line, s.Strong, SKColors.Black, Left, y + s.Strong.Height * 0.8);
                y += s.Strong.Height + 1;
            }
            y += 3;
            switch (question.Type)
            {
                case QuestionType.OpenText:
                    using (var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f })
                        for (var i = 1; i <= 4; i++)
                            c.DrawLine((float)Left, (float)(y + i * 8 * Mm), (float)Right, (float)(y + i * 8 * Mm), rule);
                    y += 4 * 8 * Mm + 2;
                    break;
                case QuestionType.Agree5:
                    y = Boxes(c, s, question.Options!.Select(o => o.Label.In("nl")).ToList(), y, Right - Left);
                    break;
                default:
                    var values = Enumerable.Range(question.Minimum!.Value, question.Maximum!.Value - question.Minimum.Value + 1)
                        .Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
                    y = Boxes(c, s, values, y, Right - Left);
                    if (question.LowLabel is not null && question.HighLabel is not null)
                    {
                        var ends = $"{ScaleEnd(values[0], question.LowLabel.In("nl"))}, {ScaleEnd(values[^1], question.HighLabel.In("nl"))}";
                        DrawText(c, ends, s.Small, SKColors.Black, Left, y + s.Small.Height * 0.8);
                        y += s.Small.Height + 2;
                    }
                    break;
            }
        }
        y += 6;
        Ensure(s.Strong.Height + 2);
        DrawText(page.Canvas, "Bedankt voor uw antwoorden!", s.Strong, SKColors.Black, Left, y + s.Strong.Height * 0.8);
        page.End();
        return page.Count;
    }

    /// <summary>"1 = heel slecht": the label as written when it names its number already, else the number put before it.</summary>
    internal static string ScaleEnd(string value, string label) =>
        label.TrimStart().StartsWith(value + " ", StringComparison.Ordinal) || label.TrimStart().StartsWith(value + "=", StringComparison.Ordinal)
            ? label.Trim()
            : $"{value} = {label.Trim()}";

    private static string? Filled(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A row of tick boxes with their labels, spread over the width; returns the cursor below it.</summary>
    private static double Boxes(SKCanvas c, Styles s, IReadOnlyList<string> labels, double y, double width)
    {
        var cell = width / labels.Count;
        var box = 5 * Mm;
        using var stroke = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        var maxLines = 1;
        for (var i = 0; i < labels.Count; i++)
        {
            var x = Left + i * cell;
            c.DrawRect(SKRect.Create((float)x, (float)y, (float)box, (float)box), stroke);
            var lines = PdfLayout.Wrap(labels[i], s.Small.Measuring, cell - box - 4);
            maxLines = Math.Max(maxLines, lines.Count);
            var ly = y + s.Small.Height * 0.8;
            foreach (var line in lines)
            {
                DrawText(c, line, s.Small, SKColors.Black, x + box + 2, ly);
                ly += s.Small.Height;
            }
        }
        return y + Math.Max(box, maxLines * s.Small.Height) + 4;
    }

    private IEnumerable<(string Text, bool Heading)> Blocks(Letter letter, LetterDocument document)
    {
        var opdrachtgever = letter.Audience == SurveyAudience.Opdrachtgever;
        var view = new LetterView(
            Salutation: opdrachtgever ? OrganisationSalutation(letter.Contact) : letter.Contact.Salutation(),
            Company: document.CompanyName,
            CompanyStop: SentenceStop.After(document.CompanyName),
            Perceel: opdrachtgever ? "" : PerceelNames.DisplayName(letter.Perceel),
            Closes: DutchTime.Format(document.FieldworkCloses),
            Bureau: bureau.Name,
            BureauEmail: bureau.ContactEmail,
            BureauPhone: Filled(bureau.Phone),
            BureauPostal: Filled(bureau.PostalAddress),
            IsReminder: !letter.Kind.IsInvitation,
            ShortPage: ShortAddress(document.ShortCodePage),
            Code: letter.Code);
        var rendered = templates.Render(opdrachtgever ? "Letters/Opdrachtgever/letter.liquid" : "Letters/letter.liquid", html: false, TemplateNames.SnakeCase, view);
        foreach (var paragraph in rendered.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = paragraph.Split('\n');
            var rest = new List<string>();
            foreach (var line in lines)
            {
                if (line.StartsWith("## ", StringComparison.Ordinal)) yield return (line[3..].Trim(), true);
                else rest.Add(line.Trim());
            }
            if (rest.Count > 0) yield return (string.Join('\n', rest), false);
        }
    }

    /// <summary>The short address as people type it: without <c>https://</c>.</summary>
    public static string ShortAddress(string page)
    {
        var uri = new Uri(page);
        return uri.Scheme == Uri.UriSchemeHttps ? page[(uri.Scheme.Length + 3)..] : page;
    }

    /// <summary>
    /// Name, street, postcode and place: the lines in the window. For an opdrachtgever the organisation (in the
    /// klantnummer's place), then "T.a.v." its contact person (in the surname's place), as a business letter is addressed.
    /// </summary>
    public static IReadOnlyList<string> AddressLines(ContactDetails contact, SurveyAudience audience = SurveyAudience.Client)
    {
        var names = audience == SurveyAudience.Opdrachtgever
            ? new[] { contact.Klantnummer.Trim(), Filled(contact.Achternaam) is { } person ? $"T.a.v. {person}" : null }
            : [string.Join(' ', new[] { contact.Voorletters ?? contact.Voornaam, contact.Tussenvoegsel, contact.Achternaam }
                .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()))];
        var place = string.Join("  ", new[] { contact.Postcode?.Trim(), contact.Woonplaats?.Trim().ToUpperInvariant() }.Where(p => !string.IsNullOrEmpty(p)));
        return names.Append(contact.Adres?.Trim()).Append(place).Where(l => !string.IsNullOrEmpty(l)).Select(l => l!).ToList();
    }

    /// <summary>"Beste Anna de Boer" for an opdrachtgever's contact person, or "Geachte heer, mevrouw" when none was delivered.</summary>
    internal static string OrganisationSalutation(ContactDetails contact) =>
        Filled(contact.Achternaam) is { } person ? $"Beste {person}" : "Geachte heer, mevrouw";

    /// <summary>The link as a QR code (error correction M), each dark module a filled square; the quiet zone is left white.</summary>
    private static void DrawQr(SKCanvas canvas, string url, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        using var path = new SKPath();
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            for (var col = 0; col < bits.Count; col++)
            {
                if (!bits[col]) continue;
                var start = col;
                while (col + 1 < bits.Count && bits[col + 1]) col++;
                path.AddRect(SKRect.Create((float)(x + start * module), (float)(y + row * module), (float)((col - start + 1) * module), (float)module));
            }
        }
        using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawPath(path, paint);
    }

    private static void DrawText(SKCanvas canvas, string text, Fonts font, SKColor color, double x, double baseline)
    {
        if (text.Length == 0) return;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, (float)x, (float)baseline, SKTextAlign.Left, font.Drawing, paint);
    }

    /// <summary>DejaVu cut down once per process to Latin (with its extensions A) and the punctuation Dutch text uses.</summary>
    private static (SKTypeface, SKTypeface) SubsetFaces()
    {
        var (regular, bold) = DejaVuFonts.Load();
        var codepoints = Enumerable.Range(0x20, 0x17F - 0x20 + 1).Concat(Enumerable.Range(0x2010, 0x2044 - 0x2010 + 1)).Append(0x20AC).ToList();
        return (Cut(regular, codepoints), Cut(bold, codepoints));
    }

    private static SKTypeface Cut(DejaVuFace face, IReadOnlyList<int> codepoints)
    {
        var bytes = FontSubsetter.Subset(face.Path, codepoints);
        if (bytes is null) return face.Typeface;
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data) ?? face.Typeface;
    }

    /// <summary>One size of a face: measured on the whole font, drawn with the subset (same advances).</summary>
    private sealed class Fonts(DejaVuFace face, SKTypeface drawing, double size) : IDisposable
    {
        public PdfFont Measuring { get; } = new(face, size);
        public SKFont Drawing { get; } = PdfFont.NewFont(drawing, size);
        public double Height => Measuring.Height;
        public double Measure(string text) => Measuring.Measure(text);

        public void Dispose()
        {
            Measuring.Dispose();
            Drawing.Dispose();
        }
    }

    private sealed record Styles(Fonts Body, Fonts Small, Fonts Strong, Fonts Heading, Fonts Big, Fonts Huge);

    /// <summary>Opens A4 pages one after the other on the document and counts them.</summary>
    private sealed class PageWriter
    {
        private readonly SKDocument pdf;

        public PageWriter(SKDocument pdf)
        {
            this.pdf = pdf;
            Canvas = pdf.BeginPage((float)PageWidth, (float)PageHeight);
            Count = 1;
        }

        public SKCanvas Canvas { get; private set; }
        public int Count { get; private set; }

        public void Next()
        {
            pdf.EndPage();
            Canvas = pdf.BeginPage((float)PageWidth, (float)PageHeight);
            Count++;
        }

        public void End() => pdf.EndPage();
    }
}
