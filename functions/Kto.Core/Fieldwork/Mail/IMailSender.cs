namespace Kto.Core.Fieldwork;

/// <summary>Sends mail over one connection for a whole job run.</summary>
public interface IMailSender
{
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
