// The backup storage account: the nightly snapshots (BackupNightly, Kto.Core/Backup) of every table and container
// of the app's own account. Its own account, so a mistake or a deleted app account does not take the backups
// along: blob versioning on, a time-based immutability policy on every blob version (nothing written can be
// changed or deleted for immutabilityDays, not even by the app), and a delete lock on the account. The app's
// retention (Kto__Backup__RetentionDays, longer than immutabilityDays) deletes old snapshots; the lifecycle rule
// removes the versions those deletes leave, so contact data does not outlive retention in a version.
// Only Entra ID access, as the app's account.

@description('Backup storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Redundancy of the account (a geo-redundant SKU keeps the backups through a regional outage).')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

@description('The container that holds the snapshots (Kto__Backup__Container).')
param containerName string

@description('Days every written blob version is immutable (cannot be changed or deleted).')
@minValue(1)
@maxValue(3650)
param immutabilityDays int

@description('Days after which a version left by a delete (an old snapshot dropped by retention) is removed.')
@minValue(1)
param previousVersionDays int

@description('Name of the app\'s user-assigned identity, which writes snapshots and drops old ones.')
param appIdentityName string

@description('Public IPv4 addresses or CIDR ranges that may reach the account (a single address without /32).')
param allowedIpRanges string[]

@description('Resource ids of subnets (with the Microsoft.Storage service endpoint) that may reach the account.')
param allowedSubnetIds string[]

@description('Disabled: only private endpoints reach the account.')
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string

var restricted = publicNetworkAccess == 'Disabled' || !empty(allowedIpRanges) || !empty(allowedSubnetIds)
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// Looked up by name so role assignment names are known before deployment (what-if can predict them).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Cool'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: restricted ? 'Deny' : 'Allow'
      ipRules: [for ip in allowedIpRanges: { value: ip, action: 'Allow' }]
      virtualNetworkRules: [for i in range(0, length(allowedSubnetIds)): { id: allowedSubnetIds[i], action: 'Allow' }]
    }
    // Version-level immutability with a default time-based policy for every blob version (set at creation only).
    // Unlocked, so the bureau can still shorten it while trying things out; lock it in production (README).
    immutableStorageWithVersioning: {
      enabled: true
      immutabilityPolicy: {
        immutabilityPeriodSinceCreationInDays: immutabilityDays
        state: 'Unlocked'
        allowProtectedAppendWrites: false
      }
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: { enabled: true }
        file: { enabled: true }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: containerName
  properties: { publicAccess: 'None' }
}

resource versionCleanup 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-dropped-snapshot-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['${containerName}/'] }
            actions: { version: { delete: { daysAfterCreationGreaterThan: previousVersionDays } } }
          }
        }
      ]
    }
  }
  dependsOn: [container]
}

// Nobody deletes the account by accident (or by a wrong script): the lock must be removed first.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'kto-backups-cannot-be-deleted'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the nightly KtoFunctions snapshots. Remove this lock only to retire the environment.'
  }
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, storageBlobDataContributorRoleId)
  scope: account
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
  }
}

@description('Name of the backup storage account.')
output name string = account.name

@description('Blob endpoint of the backup account (Kto__Backup__BlobServiceUri).')
output blobEndpoint string = account.properties.primaryEndpoints.blob
