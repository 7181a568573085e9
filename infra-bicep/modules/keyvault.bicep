// Key Vault in RBAC mode for the app's secrets (the SMTP password). The app reads them through Key Vault
// references in app settings, resolved with its user-assigned identity (Key Vault Secrets User), and the bureau's
// report-signing certificate with its private key through the Key Vault SDK (Key Vault Certificate User).

@description('Key Vault name (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Purge protection: cannot be switched off again once on. On for production.')
param enablePurgeProtection bool

@description('Name of the app\'s user-assigned identity, which reads secrets.')
param appIdentityName string

@description('Name of the secret that holds the SMTP password (the Entra app client secret).')
param mailPasswordSecretName string

@description('Optional: the SMTP password. Leave empty to set it afterwards with az keyvault secret set (recommended).')
@secure()
param mailPassword string = ''

@description('Public IPv4 addresses or CIDR ranges that may reach the vault.')
param allowedIpRanges string[]

@description('Resource ids of subnets (with the Microsoft.KeyVault service endpoint) that may reach the vault.')
param allowedSubnetIds string[]

@description('Disabled: only private endpoints reach the vault.')
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string

// Open to every network (Entra ID and RBAC still required) until a network is listed or public access is off.
var restricted = publicNetworkAccess == 'Disabled' || !empty(allowedIpRanges) || !empty(allowedSubnetIds)

var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
// Reads a certificate object including its secret (the PFX with the private key): what DownloadCertificate needs.
var keyVaultCertificateUserRoleId = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'

// Looked up by name so role assignment names are known before deployment (what-if can predict them).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: restricted ? 'Deny' : 'Allow'
      ipRules: [for ip in allowedIpRanges: { value: ip }]
      virtualNetworkRules: [for i in range(0, length(allowedSubnetIds)): { id: allowedSubnetIds[i], ignoreMissingVnetServiceEndpoint: false }]
    }
  }
}

// Only written when a value is passed; a later deployment without it leaves the secret as it is.
resource mailPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(mailPassword)) {
  parent: vault
  name: mailPasswordSecretName
  properties: {
    value: mailPassword
    contentType: 'SMTP password (Entra application client secret) for Azure Communication Services'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

// Vault scope: certificate objects are not ARM resources, so the role cannot name the certificate before it exists.
resource certificateUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appIdentity.id, keyVaultCertificateUserRoleId)
  scope: vault
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificateUserRoleId)
  }
}

@description('Name of the Key Vault.')
output name string = vault.name

@description('Vault URI, e.g. https://NAME.vault.azure.net/.')
output uri string = vault.properties.vaultUri
