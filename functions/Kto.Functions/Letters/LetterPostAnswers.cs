using Kto.Core.Letters;

namespace Kto.Functions.Letters;

/// <summary>How the API and the portal answer a refused "mark as posted" (<see cref="LetterBatchService.PostOutcome"/>): status, error code and the Dutch text.</summary>
public static class LetterPostAnswers
{
    public static (int Status, string Code, string Message) For(LetterBatchService.PostOutcome outcome, string batch) => outcome switch
    {
        LetterBatchService.PostOutcome.NotReady => (StatusCodes.Status409Conflict, "batch-not-ready",
            $"Batch {batch} is (nog) niet klaar: alleen een gemaakte batch kan als verstuurd gemarkeerd worden."),
        LetterBatchService.PostOutcome.Replaced => (StatusCodes.Status409Conflict, "batch-replaced",
            $"Batch {batch} is vervangen door een nieuwere en wordt niet verstuurd. Verstuur de nieuwste batch."),
        _ => (StatusCodes.Status404NotFound, "not-found", "Deze batch bestaat niet."),
    };
}
