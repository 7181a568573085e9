namespace Kto.Core.Letters;

/// <summary>Draws a batch of letters as one PDF.</summary>
public interface ILetterRenderer
{
    byte[] Render(LetterDocument document);
}
