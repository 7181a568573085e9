using System.Diagnostics;

namespace Kto.Functions.Tests.Support;

/// <summary>poppler's <c>pdfsig</c>, an independent verifier of PDF signatures: its report on a PDF's signatures.</summary>
public static class Pdfsig
{
    /// <summary>pdfsig's report on the file: every signature, validated; times in UTC.</summary>
    public static string Check(byte[] pdf)
    {
        var path = TestTemp.File($"kto-sig-{Guid.NewGuid():N}.pdf");
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

    /// <summary>The first signature's DER CMS as <c>pdfsig -dump</c> writes it out (a <c>.sig0</c> file in its working directory).</summary>
    public static byte[] DumpFirstSignature(byte[] pdf)
    {
        var folder = TestTemp.Folder("kto-sig-dump-");
        try
        {
            var path = Path.Combine(folder, "report.pdf");
            File.WriteAllBytes(path, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdfsig", ["-dump", path])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            var dumped = Directory.GetFiles(folder, "*.sig0");
            Assert.True(dumped.Length == 1, "pdfsig -dump wrote no signature: " + stdout.Result);
            return File.ReadAllBytes(dumped[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
