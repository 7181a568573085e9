using System.Text;
using Kto.Core;
using Microsoft.AspNetCore.Http.Features;
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

    /// <summary>The longest delivery name (<c>DeliveryFileName</c>).</summary>
    private const int MaxNameLength = 120;

    /// <summary>Sections before the file: the form sends two (token, file); more is not our form.</summary>
    private const int MaxSections = 10;

    public string? FormToken { get; private set; }

    /// <summary>The body is not a readable multipart form (cut off, no boundary, malformed headers, too many parts): answer 400.</summary>
    public bool IsUnreadable { get; private set; }
    public string? FileName { get; private set; }
    public Stream? File { get; private set; }

    /// <param name="maxBodyBytes">
    /// When given, Kestrel's own limit is lifted for this request and the body is cut off at this many bytes instead:
    /// a file over the delivery limit then reaches the upload use case (which stops reading at the limit and answers
    /// with a receipt) instead of Kestrel's bare 413, also when the browser declares a larger Content-Length.
    /// </param>
    public static async Task<PortalUpload> OpenAsync(HttpRequest request, CancellationToken cancellationToken, string fileField = FileField, long? maxBodyBytes = null)
    {
        var upload = new PortalUpload();
        try
        {
            await upload.ReadUntilFileAsync(request, fileField, maxBodyBytes, cancellationToken);
        }
        catch (Exception e) when (PortalForms.IsUnreadableBody(e))
        {
            upload.IsUnreadable = true;
            upload.File = null;
        }
        return upload;
    }

    private async Task ReadUntilFileAsync(HttpRequest request, string fileField, long? maxBodyBytes, CancellationToken cancellationToken)
    {
        var upload = this;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) { upload.IsUnreadable = true; return; }

        var body = request.Body;
        if (maxBodyBytes is { } cap)
        {
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
            body = new LimitedStream(body, cap, () => new InvalidDataException("The request body is larger than an upload form may be."));
        }
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        var sections = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++sections > MaxSections) { upload.IsUnreadable = true; return; }
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (disposition.IsFileDisposition() && name == fileField)
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (string.IsNullOrEmpty(fileName)) continue; // the input left empty
                upload.FileName = fileName;
                upload.File = section.Body;
                return; // the file is the last field the form sends
            }
            if (name == Kto.Core.Accounts.PortalKey.FormField)
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[256];
                var read = await text.ReadBlockAsync(buffer, cancellationToken);
                upload.FormToken = new string(buffer, 0, read);
            }
        }
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
        if (result.Length <= MaxNameLength) return result;
        // Too long: shorten the name before the extension, so "….xlsx" stays an .xlsx (the format shows in the name).
        var extension = Path.GetExtension(result);
        if (extension.Length is < 2 or > 10) return result[..MaxNameLength];
        return result[..(MaxNameLength - extension.Length)].TrimEnd(' ', '.', '-', '_') + extension;
    }

    public ValueTask DisposeAsync() => File?.DisposeAsync() ?? ValueTask.CompletedTask;
}
