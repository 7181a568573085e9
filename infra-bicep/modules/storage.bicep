// The one storage account of the app: the containers and tables the code uses (names from main.bicep, which the
// infra tests compare with Kto.Infrastructure.Storage.StorageNames), the Flex Consumption deployment package
// container, the Durable Functions task hub (created by the runtime) and a lifecycle policy for retention.
// Only Entra ID (managed identity) access: no shared keys, no anonymous blob access.

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Redundancy of the account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

@description('Blob containers the code uses.')
param containerNames string[]

@description('Tables the code uses.')
param tableNames string[]

@description('Container for the Flex Consumption deployment package (not used by the code itself).')
param deploymentContainerName string

@description('Container whose blobs are raw company deliveries: deleted after deliveryRetentionDays.')
param deliveriesContainerName string

@description('Container holding receipts: deleted after receiptRetentionDays.')
param receiptsContainerName string

@description('Days after which raw delivery files are deleted.')
@minValue(1)
param deliveryRetentionDays int

@description('Days after which receipts are deleted (longer than deliveries).')
@minValue(1)
param receiptRetentionDays int

@description('Days a deleted container stays recoverable (soft delete). Blob soft delete is off: see blobService.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@description('Name of the app\'s user-assigned identity (the app and the Durable Functions backend).')
param appIdentityName string

@description('Public IPv4 addresses or CIDR ranges that may reach the account (a single address without /32).')
param allowedIpRanges string[]

@description('Resource ids of subnets (with the Microsoft.Storage service endpoint) that may reach the account.')
param allowedSubnetIds string[]

@description('Disabled: only private endpoints reach the account.')
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string

// Open to every network (Entra ID is still required) until a network is listed or public access is off.
var restricted = publicNetworkAccess == 'Disabled' || !empty(allowedIpRanges) || !empty(allowedSubnetIds)

// Contributor, not Owner: Owner only adds managing POSIX ACLs (Data Lake Gen2), which this account does not use.
// The app, the Durable Functions backend, the blob trigger's receipts and the Flex deployment package need
// read, write and delete, which Contributor gives.
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

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
    accessTier: 'Hot'
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
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // No blob soft delete: it applies to every container of the account and cannot leave one out, and a raw
    // delivery deleted because it held a BSN must really be gone, not recoverable for days. Containers stay
    // recoverable; reports are written once per version and never overwritten.
    deleteRetentionPolicy: { enabled: false }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [
  for containerName in union(containerNames, [deploymentContainerName]): {
    parent: blobService
    name: containerName
    properties: { publicAccess: 'None' }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: account
  name: 'default'
}

// Retention: raw deliveries (personal data of clients) go first; receipts, which hold only counts and row
// codes, stay longer. Reports are not touched: the bureau keeps them as evidence.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-raw-deliveries'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['${deliveriesContainerName}/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: deliveryRetentionDays } } }
          }
        }
        {
          name: 'delete-old-receipts'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['${receiptsContainerName}/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: receiptRetentionDays } } }
          }
        }
      ]
    }
  }
  dependsOn: [containers]
}

resource blobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, roles.storageBlobDataContributor)
  scope: account
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, roles.storageQueueDataContributor)
  scope: account
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, roles.storageTableDataContributor)
  scope: account
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

@description('Resource id of the storage account.')
output id string = account.id

@description('Name of the storage account.')
output name string = account.name

@description('Blob endpoint, e.g. https://NAME.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Table endpoint.')
output tableEndpoint string = account.properties.primaryEndpoints.table
