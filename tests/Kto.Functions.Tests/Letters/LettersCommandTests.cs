using System.Text.Json;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Letters;

/// <summary><c>./kto letters</c> end to end: writes the PDF and prints the batch id and count; <c>--posted</c> twice records once.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class LettersCommandTests(LocalStack stack)
{
    [Fact]
    public async Task Letters_writes_the_pdf_prints_the_batch_and_posted_twice_records_once()
    {
        var (company, _) = await stack.NewCompanyAsync("kletter");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", LetterBatchTests.Export(end, "C"));
        var file = TestTemp.File($"kto-letters-{Guid.NewGuid():N}.pdf");
        try
        {
            var made = await KtoCli.RunAsync(stack, "letters", company, "--year", end.Year.ToString(), "--out", file);
            Assert.Equal(0, made.Exit);
            var json = JsonDocument.Parse(made.Stdout).RootElement;
            var id = json.GetProperty("id").GetString()!;
            Assert.Equal(1, json.GetProperty("letters").GetInt32());
            Assert.Contains($"batch {id}: 1 letters written to {file}", made.Stderr);
            Assert.Contains("P.J. van der Berg", LetterPdf.Text(await File.ReadAllBytesAsync(file), 1, LetterPdf.Window));

            var posted = await KtoCli.RunAsync(stack, "letters", company, "--posted", id);
            var again = await KtoCli.RunAsync(stack, "letters", company, "--posted", id);
            Assert.Equal((0, 0), (posted.Exit, again.Exit));
            Assert.Equal(1, JsonDocument.Parse(posted.Stdout).RootElement.GetProperty("recorded").GetInt32());
            Assert.Equal(0, JsonDocument.Parse(again.Stdout).RootElement.GetProperty("recorded").GetInt32());

            var unknown = await KtoCli.RunAsync(stack, "letters", company, "--posted", "20260101-000000-abcd");
            Assert.Equal(1, unknown.Exit);
            Assert.Contains("\"error\"", unknown.Stdout);
            var usage = await KtoCli.RunAsync(stack, "letters", company);
            Assert.Equal(1, usage.Exit);
            Assert.Contains("usage: ./kto letters", usage.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
