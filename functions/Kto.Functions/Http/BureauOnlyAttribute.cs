namespace Kto.Functions.Http;

/// <summary>
/// Only the bureau may call this HTTP function: 401 without a valid key, 403 for a company key. Checked before the
/// function runs, by <see cref="AccessGate"/> (in both hosts).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BureauOnlyAttribute : Attribute;
