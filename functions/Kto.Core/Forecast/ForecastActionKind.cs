namespace Kto.Core.Forecast;

/// <summary>What the bureau or the company can do now to raise a perceel's response (<see cref="ForecastAction"/>).</summary>
public enum ForecastActionKind { SendInvitations, SendReminders, PostLetters, CallPhoneOnly, MissingDelivery }
