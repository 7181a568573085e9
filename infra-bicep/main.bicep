// KtoFunctions: all Azure resources of one environment (test or prod) in one resource group.
//   az deployment group create -g RG -f infra-bicep/main.bicep -p infra-bicep/main.test.bicepparam
// See infra-bicep/README.md for the full deploy, the post-deploy Event Grid step, publishing and roll-back.
//
// Two lists here must match the code, and tests/Kto.Infra.Tests checks them against the compiled template:
//   blobContainerNames / tableNames  <->  Kto.Infrastructure.Storage.StorageNames
//   ktoSettingDefaults (+ deploy-time ones) <-> Kto.Infrastructure.Configuration.SettingsCatalog.AppSettingNames()
// Adding a setting to the code = adding one line to ktoSettingDefaults below.

targetScope = 'resourceGroup'

@description('Which environment this is; "prod" turns on Production behaviour (Key Vault has purge protection in every environment).')
@allowed(['test', 'prod'])
param environmentName string

@description('Azure region of the regional resources (Flex Consumption must be available there).')
param location string = resourceGroup().location

@description('Short lowercase prefix of every resource name.')
@minLength(2)
@maxLength(6)
param baseName string = 'kto'

@description('Public base URL in links sent to clients; empty = https://<function app>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('SHA-256 (hex) of the bureau key (see README, Configuration). Only the hash is deployed; the key itself is never stored. Production does not start without it.')
@secure()
param bureauKeyHash string = ''

@description('The research bureau\'s name as clients and UWV see it (mail sender name, report).')
param bureauName string

@description('The bureau\'s umbrella organisation: UWV accepts only VBO, VSO or MOA.')
@allowed(['VBO', 'VSO', 'MOA'])
param bureauMembership string

@description('The privacy address: where clients ask about their data (shown in every mail, letter and on the questionnaire).')
param bureauContactEmail string

@description('The contact address for questions about the survey and the portal (the portal footer, sign-in and welcome mails); empty: the privacy address.')
param bureauQuestionsEmail string = ''

@description('The bureau\'s phone number, printed on letters so people without e-mail can opt out or ask by phone; empty: not printed.')
param bureauPhone string = ''

@description('The bureau\'s postal address on one line, printed on letters (opting out by post); empty: not printed.')
param bureauPostalAddress string = ''

@description('Where paper forms are sent back (e.g. an antwoordnummer), printed on the letter and the form; empty: the postal address.')
param bureauReturnAddress string = ''

@description('Days after which raw delivery files are deleted from the deliveries container.')
@minValue(1)
@maxValue(365)
param deliveryRetentionDays int = 30

@description('Days after which receipts are deleted (kept longer than deliveries: they hold no personal data).')
@minValue(30)
@maxValue(3650)
param receiptRetentionDays int = 730

@description('Storage redundancy.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@description('Most Flex Consumption instances (a cost ceiling).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 20

@description('Memory per Flex Consumption instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily Log Analytics ingestion cap in GB.')
@minValue(1)
param logDailyQuotaGb int = 1

@description('Where Communication Services keeps data at rest.')
@allowed(['Europe', 'Netherlands'])
param communicationDataLocation string = 'Europe'

@description('Application (client) id of the Entra app used as SMTP user; empty until it exists (see README).')
param smtpEntraAppId string = ''

@description('Optional SMTP password (Entra app client secret) written to Key Vault. Prefer az keyvault secret set.')
@secure()
param mailPassword string = ''

@description('Name of the Key Vault certificate object (with private key) the bureau signs report PDFs with; imported or created in the vault after deployment (see README).')
param signingCertificateName string = 'kto-report-signing'

@description('The RFC 3161 timestamp authority (TSA) that puts a trusted time on every report signature (PAdES B-T), e.g. the bureau\'s qualified TSA; empty = no timestamp (PAdES B-B). When it gives no timestamp, the report is not signed.')
param signingTimestampUrl string = ''

@description('Days every snapshot in the backup account stays immutable (cannot be changed or deleted); shorter than the app\'s Kto__Backup__RetentionDays.')
@minValue(1)
@maxValue(3650)
param backupImmutabilityDays int = 30

@description('Days the app keeps a nightly snapshot (Kto__Backup__RetentionDays); longer than backupImmutabilityDays, or retention cannot delete.')
@minValue(2)
@maxValue(3650)
param backupRetentionDays int = 35

@description('The bureau\'s operations address: alerts (ingest failed, mail run stopped on errors, failing functions, no backup, signing certificate expiring) are mailed here; empty = no alerts.')
param operationsEmail string = ''

@description('Per-environment values for app settings, name to value; they replace the defaults in ktoSettings.')
param ktoSettingOverrides object = {}

@description('Who may reach storage and Key Vault over the network (infra-bicep/README.md, "Network rules").')
type networkAccessType = {
  @description('Public IPv4 addresses or CIDR ranges allowed in, e.g. the bureau\'s office and the machine that publishes (a single address without /32).')
  allowedIpRanges: string[]

  @description('Subnet the function app integrates with (delegated to Microsoft.App/environments, service endpoints Microsoft.Storage and Microsoft.KeyVault); empty = none.')
  appSubnetId: string

  @description('Enabled: the public endpoints admit the listed networks, or every network while none is listed. Disabled: private endpoints only.')
  publicNetworkAccess: ('Enabled' | 'Disabled')
}

@description('Network rules for storage and Key Vault; the default admits every network (Entra ID is still required).')
param networkAccess networkAccessType = {
  allowedIpRanges: []
  appSubnetId: ''
  publicNetworkAccess: 'Enabled'
}

var suffix = take(uniqueString(subscription().id, resourceGroup().id, environmentName), 6)
var tags = {
  application: 'KtoFunctions'
  environment: environmentName
}

var names = {
  identity: 'id-${baseName}-${environmentName}-${suffix}'
  storage: 'st${baseName}${environmentName}${suffix}'
  plan: 'plan-${baseName}-${environmentName}-${suffix}'
  functionApp: 'func-${baseName}-${environmentName}-${suffix}'
  logAnalytics: 'log-${baseName}-${environmentName}-${suffix}'
  appInsights: 'appi-${baseName}-${environmentName}-${suffix}'
  keyVault: 'kv-${baseName}-${environmentName}-${suffix}'
  systemTopic: 'evgt-${baseName}-${environmentName}-${suffix}'
  communication: 'acs-${baseName}-${environmentName}-${suffix}'
  emailService: 'acs-email-${baseName}-${environmentName}-${suffix}'
  backup: 'stbk${baseName}${environmentName}${suffix}'
}
var backupContainerName = 'snapshots'

// Kto.Infrastructure.Storage.StorageNames: every container and table the code uses.
var blobContainerNames = ['deliveries', 'receipts', 'reports', 'letters']
var tableNames = ['companies', 'deliveries', 'services', 'contacts', 'attempts', 'responses', 'reports', 'tokens', 'jobstate', 'mailruns', 'users', 'signinlinks', 'sessions', 'audit', 'corrections', 'letterbatches', 'opdrachtgevers', 'opdrachtgevercontacts', 'opdrachtgeverattempts', 'opdrachtgeverresponses', 'overviewsnapshots', 'digestsends']
var deploymentContainerName = 'app-package'
var mailPasswordSecretName = 'kto-mail-password'
var surveyFormKeySecretName = 'kto-survey-form-key'
var portalSessionKeySecretName = 'kto-portal-session-key'

// Kto.Infrastructure.Configuration.SettingsCatalog: every setting the code binds, as Kto__{Section}__{Property}.
// One line per setting; values are strings (the configuration binder parses them with the invariant culture).
var ktoSettingDefaults = {
  Kto__Environment: environmentName == 'prod' ? 'Production' : 'Test'
  Kto__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${names.functionApp}.azurewebsites.net' : publicBaseUrl
  Kto__BureauKeyHash: bureauKeyHash
  Kto__Delivery__MaxFileBytes: '52428800'
  Kto__Delivery__MaxCellLength: '1000'
  Kto__Delivery__BsnColumnShare: '0.5'
  Kto__Delivery__MaxRows: '100000'
  Kto__Delivery__MaxColumns: '200'
  Kto__Delivery__MaxRowBytes: '1048576'
  Kto__Delivery__MaxIssuesPerCode: '100'
  Kto__Delivery__StalledAfter: '01:00:00'
  Kto__Delivery__RawFileRetentionDays: string(deliveryRetentionDays)
  Kto__Mail__Host: 'smtp.azurecomm.net'
  Kto__Mail__Port: '587'
  Kto__Mail__Security: 'StartTls'
  Kto__Mail__UserName: empty(smtpEntraAppId) ? '' : '${names.communication}.${smtpEntraAppId}.${tenant().tenantId}'
  Kto__Mail__Password: '@Microsoft.KeyVault(SecretUri=https://${names.keyVault}${environment().suffixes.keyvaultDns}/secrets/${mailPasswordSecretName}/)'
  // A new Azure e-mail domain starts at about 30 mails a minute and 100 an hour; raise after Azure raises the quota.
  Kto__Mail__MaxPerMinute: '30'
  Kto__Mail__MaxPerHour: '100'
  Kto__Mail__BatchSize: '10'
  Kto__Mail__RunTimeLimit: '00:08:00'
  Kto__Mail__MaxThrottleWait: '00:01:05'
  Kto__Mail__RetryAfter: '00:30:00'
  Kto__Mail__ClaimDuration: '00:15:00'
  Kto__Mail__MaxDeferrals: '10'
  Kto__Bureau__Name: bureauName
  Kto__Bureau__Membership: bureauMembership
  Kto__Bureau__ContactEmail: bureauContactEmail
  Kto__Bureau__QuestionsEmail: bureauQuestionsEmail
  Kto__Bureau__Phone: bureauPhone
  Kto__Bureau__PostalAddress: bureauPostalAddress
  Kto__Bureau__ReturnAddress: bureauReturnAddress
  Kto__Bureau__ContactRetentionDays: '90'
  // Contact policy: not fixed by UWV; the bureau's choice.
  Kto__Fieldwork__ReminderDays: '7,14'
  Kto__Fieldwork__ClosesMonth: '1'
  Kto__Fieldwork__ClosesDay: '31'
  Kto__Fieldwork__QuietUntilHour: '8'
  Kto__Fieldwork__QuietFromHour: '21'
  Kto__Fieldwork__CallFromHour: '9'
  Kto__Fieldwork__CallUntilHour: '20'
  Kto__Fieldwork__NoCallsOnSunday: 'true'
  Kto__Fieldwork__MaxCallAttempts: '5'
  Kto__Fieldwork__NoMailOnSunday: 'true'
  Kto__Fieldwork__LettersPerStep: '250'
  Kto__Questionnaire__CurrentVersion: 'kto-2026-1'
  Kto__Questionnaire__OpdrachtgeverVersion: 'bow-opdrachtgever-2026-1'
  // Report norms. MinimumResponseRate is unconfirmed (UWV's guideline for bureaus is not public): set the real value.
  Kto__Report__KpiMinimumMeanGrade: '7'
  Kto__Report__MinimumResponseRate: '0.3'
  Kto__Report__MinimumRespondents: '0'
  Kto__Report__ExemptionThreshold: '5'
  Kto__Report__SubmissionDeadlineMonth: '3'
  Kto__Report__SubmissionDeadlineDay: '1'
  Kto__Report__IndicativeBelowRespondents: '10'
  Kto__Report__DraftPreviousYearAutomatically: 'true'
  Kto__Report__ConcurrentReads: '4'
  // Response forecast (issue 24): the bureau's default response per approach until a company has its own, the range's width.
  Kto__Forecast__DefaultEmailYield: '0.15'
  Kto__Forecast__DefaultLetterYield: '0.1'
  Kto__Forecast__DefaultPhoneYield: '0.2'
  Kto__Forecast__PriorWeight: '20'
  Kto__Forecast__ResponseWindowDays: '7'
  Kto__Forecast__RangeZ: '1.28'
  Kto__Forecast__DeliveryDueDay: '10'
  Kto__Forecast__DefaultLetterGapDays: '14'
  Kto__Forecast__DefaultCallGapDays: '7'
  Kto__Forecast__TimingPriorWeight: '3'
  // Blik op Werk Keurmerk norms: all unconfirmed (the Keurmerk handbook is not public); 6.5 is the older public client threshold.
  Kto__Keurmerk__ClientSatisfactionMinimum: '6.5'
  Kto__Keurmerk__OpdrachtgeverSatisfactionMinimum: '6.5'
  Kto__Keurmerk__MinimumSuccessRate: '0.5'
  Kto__Keurmerk__SuccessWords: 'werk,geplaatst,plaatsing,succes,behaald'
  Kto__Keurmerk__FailureWords: 'geen,niet,zonder,uitval,afgebroken,voortijdig,gestopt'
  // The questionnaire's anti-forgery key: one secret for every instance (create it once, see README).
  Kto__Survey__FormKey: '@Microsoft.KeyVault(SecretUri=https://${names.keyVault}${environment().suffixes.keyvaultDns}/secrets/${surveyFormKeySecretName}/)'
  Kto__Survey__UnknownTokensPerMinute: '20'
  Kto__Survey__UnknownCodesPerMinute: '10'
  // Proxies of our own in front of the app's front end (e.g. Front Door); 0 = none.
  Kto__Survey__TrustedProxies: '0'
  // Signed report PDFs: the bureau's certificate object in Key Vault, read with the app's identity (Key Vault
  // Certificate User). The private key never is an app setting; the File settings stay empty in Azure.
  Kto__Signing__Source: 'KeyVault'
  Kto__Signing__KeyVaultUri: 'https://${names.keyVault}${environment().suffixes.keyvaultDns}/'
  Kto__Signing__CertificateName: signingCertificateName
  Kto__Signing__CertificatePath: ''
  Kto__Signing__CertificatePassword: ''
  Kto__Signing__TimestampUrl: signingTimestampUrl
  // The portal: the key that signs session cookies and form tokens (create it once, like the form key), session limits.
  Kto__Portal__SessionKey: '@Microsoft.KeyVault(SecretUri=https://${names.keyVault}${environment().suffixes.keyvaultDns}/secrets/${portalSessionKeySecretName}/)'
  Kto__Portal__SessionIdleTimeout: '00:30:00'
  Kto__Portal__SessionLifetime: '12:00:00'
  Kto__Portal__SignInLinkLifetime: '00:15:00'
  Kto__Portal__SignInMailsPerHour: '5'
  Kto__Portal__SignInRequestsPerSourcePerMinute: '10'
  Kto__Portal__OverviewRefreshAfter: '00:05:00'
  Kto__Portal__OverviewFirstViewWait: '00:00:03'
  // The nightly snapshot into the backup account (modules/backup.bicep; its endpoint is added at deploy time below).
  Kto__Backup__AtHourUtc: '4'
  Kto__Backup__RetentionDays: string(backupRetentionDays)
  Kto__Backup__ConnectionString: ''
  Kto__Backup__Container: backupContainerName
}

// ktoSettingOverrides (from the .bicepparam file) replaces values per environment.
var ktoSettings = union(ktoSettingDefaults, ktoSettingOverrides)

// The app's own subnet is always among the networks storage and Key Vault admit.
var allowedSubnetIds = empty(networkAccess.appSubnetId) ? [] : [networkAccess.appSubnetId]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSku
    containerNames: blobContainerNames
    tableNames: tableNames
    deploymentContainerName: deploymentContainerName
    deliveriesContainerName: 'deliveries'
    receiptsContainerName: 'receipts'
    deliveryRetentionDays: deliveryRetentionDays
    receiptRetentionDays: receiptRetentionDays
    softDeleteDays: 7
    appIdentityName: names.identity
    allowedIpRanges: networkAccess.allowedIpRanges
    allowedSubnetIds: allowedSubnetIds
    publicNetworkAccess: networkAccess.publicNetworkAccess
  }
  // The identity is looked up by name inside the module: it must exist first.
  dependsOn: [identity]
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
    appIdentityName: names.identity
  }
  // The identity is looked up by name inside the module: it must exist first.
  dependsOn: [identity]
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: true
    appIdentityName: names.identity
    mailPasswordSecretName: mailPasswordSecretName
    mailPassword: mailPassword
    allowedIpRanges: networkAccess.allowedIpRanges
    allowedSubnetIds: allowedSubnetIds
    publicNetworkAccess: networkAccess.publicNetworkAccess
  }
  // The identity is looked up by name inside the module: it must exist first.
  dependsOn: [identity]
}

module backup 'modules/backup.bicep' = {
  name: 'backup'
  params: {
    name: names.backup
    location: location
    tags: tags
    skuName: storageSku
    containerName: backupContainerName
    immutabilityDays: backupImmutabilityDays
    previousVersionDays: 1
    appIdentityName: names.identity
    allowedIpRanges: networkAccess.allowedIpRanges
    allowedSubnetIds: allowedSubnetIds
    publicNetworkAccess: networkAccess.publicNetworkAccess
  }
  // The identity is looked up by name inside the module: it must exist first.
  dependsOn: [identity]
}

module alerts 'modules/alerts.bicep' = if (!empty(operationsEmail)) {
  name: 'alerts'
  params: {
    namePrefix: '${baseName}-${environmentName}-${suffix}'
    location: location
    tags: tags
    appInsightsId: resourceId('Microsoft.Insights/components', names.appInsights)
    operationsEmail: operationsEmail
  }
  // The rules query Application Insights, which must exist first.
  dependsOn: [monitoring]
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  params: {
    communicationServiceName: names.communication
    emailServiceName: names.emailService
    dataLocation: communicationDataLocation
    tags: tags
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventGrid'
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    // Settings known only at deploy time (outputs of other modules) are added here, by name.
    ktoSettings: union(ktoSettings, {
      Kto__Mail__FromAddress: communication.outputs.senderAddress
      Kto__Backup__BlobServiceUri: backup.outputs.blobEndpoint
    })
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSubnetId: networkAccess.appSubnetId
  }
  // The app must not start before it may read storage, secrets and publish telemetry.
  dependsOn: [keyVault]
}

@description('Resource group of the deployment.')
output resourceGroupName string = resourceGroup().name

@description('Name of the Function App (az functionapp ... -n).')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the Function App.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Base URL of the HTTP API.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Public base URL configured for client links.')
output publicBaseUrl string = ktoSettings.Kto__PublicBaseUrl

@description('Storage account name.')
output storageAccountName string = storage.outputs.name

@description('Blob endpoint of the storage account.')
output blobEndpoint string = storage.outputs.blobEndpoint

@description('Container the blob trigger listens to (Event Grid subscription filter).')
output deliveriesContainerName string = 'deliveries'

@description('Container holding the deployment package.')
output deploymentContainerName string = deploymentContainerName

@description('Event Grid system topic for the blob trigger subscription.')
output eventGridSystemTopicName string = eventGrid.outputs.name

@description('Backup storage account name (the nightly snapshots).')
output backupStorageAccountName string = backup.outputs.name

@description('Key Vault name.')
output keyVaultName string = keyVault.outputs.name

@description('Key Vault URI.')
output keyVaultUri string = keyVault.outputs.uri

@description('Name of the secret that must hold the SMTP password.')
output keyVaultMailEntryName string = mailPasswordSecretName
output keyVaultSurveyFormKeyName string = surveyFormKeySecretName
output keyVaultPortalSessionKeyName string = portalSessionKeySecretName

@description('Name of the Key Vault certificate the bureau signs report PDFs with (import or create it once, see README).')
output keyVaultSigningCertificateName string = signingCertificateName

@description('Application Insights name.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Communication Services name (SMTP username = NAME.<Entra app id>.<tenant id>).')
output communicationServiceName string = communication.outputs.communicationServiceName

@description('Sender address of the Azure-managed e-mail domain.')
output mailFromAddress string = communication.outputs.senderAddress

@description('Client id of the app\'s managed identity.')
output identityClientId string = identity.outputs.clientId
