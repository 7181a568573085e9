namespace Kto.Core.Accounts;

/// <summary>A bureau user sees every company; a company user only their own.</summary>
public enum UserRole { Bureau, Company }
