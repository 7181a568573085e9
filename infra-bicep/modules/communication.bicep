// Azure Communication Services with an Email service and an Azure-managed domain (DoNotReply@<guid>.azurecomm.net).
// The app sends over SMTP (smtp.azurecomm.net:587, STARTTLS) with an Entra application's credentials: see
// infra-bicep/README.md, "SMTP user". A custom domain can be added to the Email service later and linked here.

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Name of the Email Communication Service.')
param emailServiceName string

@description('Where the services keep data at rest.')
@allowed(['Europe', 'Netherlands', 'United States', 'UK'])
param dataLocation string

@description('Tags applied to the resources.')
param tags object

resource emailService 'Microsoft.Communication/emailServices@2026-03-18' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2026-03-18' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [managedDomain.id]
  }
}

@description('Name of the Communication Services resource (first part of the SMTP username).')
output communicationServiceName string = communicationService.name

@description('Resource id of the Communication Services resource (scope of the SMTP role assignment).')
output communicationServiceId string = communicationService.id

@description('Sender domain of the Azure-managed domain, e.g. 1234abcd-....azurecomm.net.')
output senderDomain string = managedDomain.properties.mailFromSenderDomain

@description('Sender address the app uses.')
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'
