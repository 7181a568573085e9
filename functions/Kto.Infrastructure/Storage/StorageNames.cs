namespace Kto.Infrastructure.Storage;

/// <summary>
/// Every blob container and table the code uses, in one place. infra-bicep declares the same names and a test
/// compares the compiled template with these lists, so code and infrastructure cannot drift apart.
/// </summary>
public static class StorageNames
{
    // Blob containers.
    public const string DeliveriesContainer = Kto.Core.Deliveries.IDeliveryInbox.Folder;
    public const string ReceiptsContainer = "receipts";
    public const string ReportsContainer = "reports";
    public const string LettersContainer = "letters";

    // Tables.
    public const string CompaniesTable = "companies";
    public const string DeliveriesTable = "deliveries";
    public const string ServicesTable = "services";
    public const string ContactsTable = "contacts";
    public const string AttemptsTable = "attempts";
    public const string ResponsesTable = "responses";
    public const string ReportsTable = "reports";
    public const string TokensTable = "tokens";
    public const string JobStateTable = "jobstate";
    public const string MailRunsTable = "mailruns";
    /// <summary>The bureau's withdrawals and corrections of delivered services (the population's history).</summary>
    public const string CorrectionsTable = "corrections";

    // The portal: accounts, sign-in link hashes, sessions, the audit log.
    public const string UsersTable = "users";
    public const string SignInLinksTable = "signinlinks";
    public const string SessionsTable = "sessions";
    public const string AuditTable = "audit";

    // Letter batches (issue 14): which clients got which letter, and when the batch was posted.
    public const string LetterBatchesTable = "letterbatches";

    // Blik op Werk: the opdrachtgevers of a company and year, kept apart from the clients (same keys as services).
    public const string OpdrachtgeversTable = "opdrachtgevers";
    public const string OpdrachtgeverContactsTable = "opdrachtgevercontacts";
    public const string OpdrachtgeverAttemptsTable = "opdrachtgeverattempts";
    public const string OpdrachtgeverResponsesTable = "opdrachtgeverresponses";

    // The bureau overview's kept figures: one row per year and company.
    public const string OverviewSnapshotsTable = "overviewsnapshots";

    // The weekly digest and the delivery reminders: one create-only row per mail (kind and period / user).
    public const string DigestSendsTable = "digestsends";

    public static IReadOnlyList<string> Containers { get; } = [DeliveriesContainer, ReceiptsContainer, ReportsContainer, LettersContainer];

    public static IReadOnlyList<string> Tables { get; } =
        [CompaniesTable, DeliveriesTable, ServicesTable, ContactsTable, AttemptsTable, ResponsesTable, ReportsTable, TokensTable, JobStateTable, MailRunsTable,
         UsersTable, SignInLinksTable, SessionsTable, AuditTable,
         CorrectionsTable,
         LetterBatchesTable,
         OpdrachtgeversTable, OpdrachtgeverContactsTable, OpdrachtgeverAttemptsTable, OpdrachtgeverResponsesTable,
         OverviewSnapshotsTable,
         DigestSendsTable];
}
