namespace Kto.Core.Letters;

/// <summary>What a typed short code came to (<see cref="ShortCodeResult"/>).</summary>
public enum ShortCodeOutcome { Found, Malformed, Unknown, TooManyGuesses }
