namespace Kto.Core.Letters;

/// <summary>Draws a batch of letters as PDF: a part per background step, then the parts as one PDF.</summary>
public interface ILetterRenderer
{
    byte[] Render(LetterDocument document);

    /// <summary>The parts, in order, as one PDF (one part is returned as it is).</summary>
    byte[] Merge(IReadOnlyList<byte[]> parts, string title);
}
