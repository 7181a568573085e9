// Production: deploy with
//   az deployment group create -g rg-kto-prod -f infra-bicep/main.bicep -p infra-bicep/main.prod.bicepparam
using 'main.bicep'

param environmentName = 'prod'
param location = 'westeurope'
param storageSku = 'Standard_ZRS'
param maximumInstanceCount = 20
param instanceMemoryMB = 2048
param logRetentionDays = 90
param logDailyQuotaGb = 2
param deliveryRetentionDays = 30
param receiptRetentionDays = 730

// Secrets and per-deployment values come from the environment of whoever deploys, never from this file.
param bureauKeyHash = readEnvironmentVariable('KTO_BUREAU_KEY_HASH', '')
param smtpEntraAppId = readEnvironmentVariable('KTO_SMTP_APP_ID', '')
param bureauName = readEnvironmentVariable('KTO_BUREAU_NAME', 'Onderzoeksbureau (naam instellen)')
param bureauMembership = readEnvironmentVariable('KTO_BUREAU_MEMBERSHIP', 'MOA')
param bureauContactEmail = readEnvironmentVariable('KTO_BUREAU_CONTACT_EMAIL', 'privacy@bureau.example')
param publicBaseUrl = readEnvironmentVariable('KTO_PUBLIC_BASE_URL', '')

// Production values for app settings (name = Kto__Section__Property).
param ktoSettingOverrides = {}

// Network rules for storage and Key Vault (infra-bicep/README.md, "Network rules"); the default admits every network.
// param networkAccess = { allowedIpRanges: ['203.0.113.10'], appSubnetId: '<subnet resource id>', publicNetworkAccess: 'Enabled' }
