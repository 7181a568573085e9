namespace Kto.Core.Fieldwork;

/// <summary>What a contact attempt came to; <see cref="AttemptOutcomes"/> has the names stored and shown on the API.</summary>
public enum AttemptOutcome { Sent, Reached, NoAnswer, Failed, Deferred, Unknown, Voicemail, Refused, WrongNumber, CallBack }
