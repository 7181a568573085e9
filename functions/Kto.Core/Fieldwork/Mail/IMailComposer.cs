namespace Kto.Core.Fieldwork;

/// <summary>Turns the content of one approach into a mail, from the bureau's editable templates.</summary>
public interface IMailComposer
{
    OutgoingMail Compose(MailContent content);
}
