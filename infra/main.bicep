// DurableClaims on Azure: Durable Functions app (Flex Consumption) + storage + monitoring +
// Event Grid upload pipeline + optional Azure OpenAI. Deployed by `azd up` (see docs/deploy.md).
// Every module is a local file: the template compiles offline with `bicep build`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Primary location of all resources (a region that offers the Flex Consumption plan).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty derives rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the user or service principal running azd; gets data access for uploads and diagnostics. Empty grants nothing.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Durable Task hub name (TASKHUB_NAME): letters and digits, 3-45 characters, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'DurableClaimsHub'

@description('ORCHESTRATION_ENABLE_HITL: pause for missing documents and adjuster review.')
param orchestrationEnableHitl bool = true

@description('ORCHESTRATION_MAX_ROUNDS: agent rounds before a claim ends as timeout.')
@minValue(1)
param orchestrationMaxRounds int = 15

@description('ORCHESTRATION_STALL_THRESHOLD: rounds without progress before a claim ends as stalled.')
@minValue(1)
param orchestrationStallThreshold int = 3

@description('How long a paused claim waits for documents before it ends as timeout (.NET TimeSpan, d.hh:mm:ss).')
param documentDeadline string = '14.00:00:00'

@description('Interval between reminders while a claim waits for documents (.NET TimeSpan).')
param documentReminderInterval string = '2.00:00:00'

@description('Days after which finished sessions are removed by the retention timer.')
@minValue(1)
param sessionRetentionDays int = 365

@description('NCRONTAB schedule of the retention clean-up (second minute hour day month day-of-week, UTC).')
param retentionSchedule string = '0 0 3 * * *'

@description('Deploy an Azure OpenAI account and model; false keeps the offline deterministic claims model.')
param deployOpenAi bool = false

@description('Location of the Azure OpenAI account; empty uses the primary location.')
param openAiLocation string = ''

@description('Azure OpenAI model name.')
param openAiModelName string = 'gpt-4o-mini'

@description('Azure OpenAI model version.')
param openAiModelVersion string = '2024-07-18'

@description('Azure OpenAI deployment capacity (thousands of tokens per minute).')
@minValue(1)
param openAiDeploymentCapacity int = 30

@description('Largest number of Function App instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var openAiAccountName = '${abbrs.cognitiveServicesAccounts}${resourceToken}'
var openAiDeploymentName = openAiModelName

// Blob containers and queues. The names are the contract shared with the app:
// sessions/sessions-archive/claim-documents (design.md §5, the local host's folders) and the
// upload event queue the Functions queue trigger listens on (UploadFunctions.cs).
var deploymentContainerName = 'deployment-package'
var sessionsContainerName = 'sessions'
var sessionsArchiveContainerName = 'sessions-archive'
var documentsContainerName = 'claim-documents'
var eventGridDeadLetterContainerName = 'claim-document-events-deadletter'
var uploadQueueName = 'claim-document-events'

// Settings the workflow reads (src/DurableClaims/Configuration: the ORCHESTRATION_* names
// override the "Claims" section; "__" is the configuration section separator). The same names
// appear in local.settings.sample.json.
var workflowSettings = {
  TASKHUB_NAME: taskHubName
  ORCHESTRATION_ENABLE_HITL: string(orchestrationEnableHitl)
  ORCHESTRATION_MAX_ROUNDS: string(orchestrationMaxRounds)
  ORCHESTRATION_STALL_THRESHOLD: string(orchestrationStallThreshold)
  Claims__DocumentDeadline: documentDeadline
  Claims__ReminderInterval: documentReminderInterval
  Claims__PersistSessions: 'true'
  Claims__ArchiveCompletedSessions: 'true'
  Claims__Storage__SessionsContainer: sessionsContainerName
  Claims__Storage__ArchiveContainer: sessionsArchiveContainerName
  Claims__Storage__DocumentsContainer: documentsContainerName
  Retention__OlderThanDays: string(sessionRetentionDays)
  RETENTION_SCHEDULE: retentionSchedule
}

// The offline deterministic model needs nothing. Azure OpenAI is called on its OpenAI-compatible
// v1 endpoint with the app's managed identity (the account has key access disabled).
var modelSettings = deployOpenAi
  ? {
      Claims__Model__Provider: 'openai'
      Claims__Model__Endpoint: '${openAi!.outputs.endpoint}openai/v1/'
      Claims__Model__Model: openAi!.outputs.deploymentName
      Claims__Model__Credential: 'managedidentity'
      Claims__Model__ClientId: identity.outputs.clientId
    }
  : {
      Claims__Model__Provider: 'offline'
    }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containers: [
      deploymentContainerName
      sessionsContainerName
      sessionsArchiveContainerName
      documentsContainerName
      eventGridDeadLetterContainerName
    ]
    queues: [
      uploadQueueName
    ]
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module openAi 'app/openai.bicep' = if (deployOpenAi) {
  name: 'openai'
  scope: rg
  params: {
    name: openAiAccountName
    location: !empty(openAiLocation) ? openAiLocation : location
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentCapacity: openAiDeploymentCapacity
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: union(workflowSettings, modelSettings)
  }
  // The host starts as soon as the app exists; its identity must already hold the storage roles.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'app/event-grid.bicep' = {
  name: 'event-grid'
  scope: rg
  params: {
    systemTopicName: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    documentsContainerName: documentsContainerName
    queueName: uploadQueueName
    deadLetterContainerName: eventGridDeadLetterContainerName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output TASKHUB_NAME string = taskHubName
output CLAIM_DOCUMENTS_CONTAINER string = documentsContainerName
output UPLOAD_QUEUE_NAME string = uploadQueueName
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName
output AZURE_OPENAI_ENDPOINT string = deployOpenAi ? openAi!.outputs.endpoint : ''
output AZURE_OPENAI_DEPLOYMENT string = deployOpenAi ? openAi!.outputs.deploymentName : ''
