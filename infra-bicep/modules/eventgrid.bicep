// Event Grid system topic on the storage account. On Flex Consumption a blob trigger only works with the Event
// Grid source; the subscription to the app's blobs_extension webhook needs the deployed code and its system
// key, so it is created afterwards by infra-bicep/scripts/subscribe-blob-trigger.sh.

@description('Name of the system topic.')
param name string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Resource id of the storage account whose blob events are published.')
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the system topic.')
output name string = topic.name
