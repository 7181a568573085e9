namespace Kto.Core.Survey;

/// <summary>Where one ended service lives: company, measurement year and its id.</summary>
public readonly record struct ServiceRef(string Company, int Year, string ServiceId);
