// The user-assigned managed identity the Function App runs as. It is used for AzureWebJobsStorage (and so for the
// Durable Functions storage backend), the deployment package container, Key Vault references and Application
// Insights. Keeping it separate from the app means role assignments exist before the app starts.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client (application) id of the identity; used as AzureWebJobsStorage__clientId.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity; used in role assignments.')
output principalId string = identity.properties.principalId
