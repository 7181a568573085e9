using System.Diagnostics;

namespace Kto.Functions.Tests.Support;

/// <summary>poppler's <c>pdfsig</c>, an independent verifier of PDF signatures: its report on a PDF's signatures.</summary>
public static class Pdfsig
{
    /// <summary>pdfsig's report on the file: every signature, validated; times in UTC.</summary>
    public static string Check(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kto-sig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfsig", [path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["TZ"] = "UTC" },
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return stdout.Result + stderr;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
