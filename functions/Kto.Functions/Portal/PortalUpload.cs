using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kto.Functions.Portal;

/// <summary>
/// Reads the upload form as a stream: first the anti-forgery field, then the file, whose body is handed on
/// unread so the upload path can stream it to storage and cut it off at the size limit (never buffered whole).
/// The form puts the token field before the file input, so the token is known before a byte of the file is read.
/// </summary>
public sealed class PortalUpload : IAsyncDisposable
{
    public const string FileField = "bestand";

    public string? FormToken { get; private set; }
    public string? FileName { get; private set; }
    public Stream? File { get; private set; }

    public static async Task<PortalUpload> OpenAsync(HttpRequest request, CancellationToken cancellationToken, string fileField = FileField)
    {
        var upload = new PortalUpload();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return upload;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return upload;

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (disposition.IsFileDisposition() && name == fileField)
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (string.IsNullOrEmpty(fileName)) continue; // the input left empty
                upload.FileName = fileName;
                upload.File = section.Body;
                return upload; // the file is the last field the form sends
            }
            if (name == Kto.Core.Accounts.PortalKey.FormField)
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[256];
                var read = await text.ReadBlockAsync(buffer, cancellationToken);
                upload.FormToken = new string(buffer, 0, read);
            }
        }
        return upload;
    }

    /// <summary>The browser's file name without folders, with characters a delivery name may not hold replaced by '-'.</summary>
    public static string SafeFileName(string? name)
    {
        var baseName = (name ?? "").Replace('\\', '/');
        baseName = baseName[(baseName.LastIndexOf('/') + 1)..].Trim();
        var cleaned = new StringBuilder(baseName.Length);
        foreach (var c in baseName)
            cleaned.Append(char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' ? c : '-');
        var result = cleaned.ToString().TrimStart(' ', '.', '-', '_');
        while (result.Contains("..", StringComparison.Ordinal)) result = result.Replace("..", ".", StringComparison.Ordinal);
        return result.Length > 120 ? result[..120] : result;
    }

    public ValueTask DisposeAsync() => File?.DisposeAsync() ?? ValueTask.CompletedTask;
}
