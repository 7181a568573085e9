namespace Kto.Core.Fieldwork;

/// <summary>How a client was approached; <see cref="ContactModes"/> has the names stored and shown on the API.</summary>
public enum ContactMode { Email, Letter, Phone }
