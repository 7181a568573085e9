namespace Kto.Client;

/// <summary>A call that did not end as the caller needed: a non-2xx answer, or no answer in time (status 0).</summary>
public sealed class KtoApiException(string message, int status = 0) : Exception(message)
{
    public int Status { get; } = status;
}
