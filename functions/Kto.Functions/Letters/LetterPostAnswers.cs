using Kto.Core.Letters;
using Kto.Core.Portal;

namespace Kto.Functions.Letters;

/// <summary>How the API and the portal answer a refused "mark as posted" (<see cref="LetterBatchService.PostOutcome"/>): status, error code and the Dutch text (its values apart, so a page writes it in its language).</summary>
public static class LetterPostAnswers
{
    public static (int Status, string Code, PageText Message) For(LetterBatchService.PostOutcome outcome, string batch) => outcome switch
    {
        LetterBatchService.PostOutcome.NotReady => (StatusCodes.Status409Conflict, "batch-not-ready",
            new PageText("Batch {0} is (nog) niet klaar: alleen een gemaakte batch kan als verstuurd gemarkeerd worden.", batch)),
        LetterBatchService.PostOutcome.Replaced => (StatusCodes.Status409Conflict, "batch-replaced",
            new PageText("Batch {0} is vervangen door een nieuwere en wordt niet verstuurd. Verstuur de nieuwste batch.", batch)),
        _ => (StatusCodes.Status404NotFound, "not-found", "Deze batch bestaat niet."),
    };
}
