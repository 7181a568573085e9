namespace Kto.Infrastructure.Portal;

/// <summary>What the sign-in mail reads: the link, the time it stops working (HH:mm, Dutch time) and whom to ask.</summary>
public sealed record SignInMailView(string Link, string Expires, string Bureau, string BureauEmail);
