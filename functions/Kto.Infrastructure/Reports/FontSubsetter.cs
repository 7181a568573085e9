using System.Runtime.InteropServices;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// Cuts a TrueType font down to the characters a document uses, with HarfBuzz's subsetter. SkiaSharp's PDF backend
/// embeds a font whole when its native library has no subsetter (the Linux build has none): DejaVu Sans would add
/// some 700 kB to every report. HarfBuzz's native library (HarfBuzzSharp.NativeAssets.Linux, the one SkiaSharp.HarfBuzz
/// uses) exports the subset API, which the managed HarfBuzzSharp does not wrap, hence these few imports.
/// </summary>
public static class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    /// <summary>The subset font file, or null when HarfBuzz is not there or cannot subset this font (then embed the whole font).</summary>
    public static byte[]? Subset(string fontPath, IEnumerable<int> codepoints)
    {
        try
        {
            return SubsetCore(fontPath, codepoints);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static byte[]? SubsetCore(string fontPath, IEnumerable<int> codepoints)
    {
        var blob = hb_blob_create_from_file_or_fail(fontPath);
        if (blob == IntPtr.Zero) return null;
        var face = hb_face_create(blob, 0);
        var input = hb_subset_input_create_or_fail();
        var subset = IntPtr.Zero;
        var subsetBlob = IntPtr.Zero;
        try
        {
            if (input == IntPtr.Zero) return null;
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints) hb_set_add(unicodes, (uint)codepoint);
            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero) return null;
            subsetBlob = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(subsetBlob, out var length);
            if (data == IntPtr.Zero || length == 0) return null;
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (subsetBlob != IntPtr.Zero) hb_blob_destroy(subsetBlob);
            if (subset != IntPtr.Zero) hb_face_destroy(subset);
            if (input != IntPtr.Zero) hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    [DllImport(Library)]
    private static extern IntPtr hb_blob_create_from_file_or_fail([MarshalAs(UnmanagedType.LPUTF8Str)] string fileName);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
