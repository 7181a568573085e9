// Being told when something goes wrong (issue 23): an action group that mails the bureau's operations address and
// log alerts on Application Insights for: an ingest that ends ingest-failed, a mail run that stops on errors (not on
// the throttle), a function that fails repeatedly, no nightly backup in 26 hours, and the signing certificate
// expiring within 30 days. The queries read the app's own log lines (messages carry counts and ids, never
// personal data), so an alert says what and where without copying client data into a mail.

@description('Name prefix of the alert rules and the action group.')
param namePrefix string

@description('Azure region of the alert rules (the Application Insights region).')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Resource id of the Application Insights component whose logs are queried.')
param appInsightsId string

@description('The bureau\'s operations address that receives the alerts.')
param operationsEmail string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'kto-ops'
    enabled: true
    emailReceivers: [
      { name: 'operations', emailAddress: operationsEmail, useCommonAlertSchema: true }
    ]
  }
}

var rules = [
  {
    name: 'ingest-failed'
    description: 'A delivery ended with an ingest-failed refusal (storage kept failing); the company must deliver it again. Look at the portal\'s deliveries of that company.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT15M'
    query: 'traces | where message has "ingest-failed" or message matches regex @"^Delivery .+ for .+: failed," | project timestamp, message'
  }
  {
    name: 'mail-run-stopped-on-errors'
    description: 'A mail run stopped because the mail server was unreachable or clients were deferred for errors (the throttle is no error). See /portal/bureau/fieldwork.'
    severity: 2
    frequency: 'PT30M'
    window: 'PT1H'
    query: 'traces | where message has "stopped: mail-server-unavailable" or message matches regex @", [1-9][0-9]* errors;" | project timestamp, message'
  }
  {
    name: 'function-fails-repeatedly'
    description: 'A function failed three times or more within an hour. Application Insights, Failures, names the function.'
    severity: 1
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'requests | where success == false | summarize failures = count() by operation_Name | where failures >= 3'
  }
  {
    name: 'certificate-expires-soon'
    description: 'The bureau\'s report-signing certificate expires within 30 days: renew it in Key Vault (same certificate name).'
    severity: 2
    frequency: 'PT6H'
    window: 'P2D'
    query: 'traces | where message startswith "Reports are signed with certificate" | extend notAfter = todatetime(extract(@"valid until ([0-9-]+ [0-9:]+Z)", 1, message)) | summarize arg_max(timestamp, notAfter) | where notAfter < now() + 30d'
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: 'alert-${namePrefix}-${rule.name}'
    location: location
    tags: tags
    properties: {
      displayName: 'KTO: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [appInsightsId]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      actions: { actionGroups: [actionGroup.id] }
    }
  }
]

// The other way round: an alert when the line that every written snapshot logs is missing for 26 hours.
resource backupMissing 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-${namePrefix}-backup-did-not-run'
  location: location
  tags: tags
  properties: {
    displayName: 'KTO: backup-did-not-run'
    description: 'No nightly snapshot was written in 26 hours (BackupNightly logs "Backup written"). Check the function\'s failures and the backup account.'
    severity: 1
    enabled: true
    scopes: [appInsightsId]
    evaluationFrequency: 'PT1H'
    windowSize: 'P2D'
    criteria: {
      allOf: [
        {
          query: 'traces | where timestamp > ago(26h) | where message startswith "Backup written"'
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroup.id] }
  }
}

@description('Resource id of the action group that mails the operations address.')
output actionGroupId string = actionGroup.id
