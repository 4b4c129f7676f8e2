// Optional Azure OpenAI account and model deployment (main.bicep deploys this module only
// when deployOpenAi is true; otherwise the app uses the offline deterministic claims model).
// Key-based access is disabled: the Function App calls it with its managed identity.
@description('Name of the Azure OpenAI account; also its custom sub-domain.')
param name string

@description('Location of the account (must offer the chosen model).')
param location string = resourceGroup().location

@description('Tags applied to the account.')
param tags object = {}

@description('Name of the model deployment the app calls.')
param deploymentName string

@description('Model name, e.g. gpt-4o-mini.')
param modelName string

@description('Model version.')
param modelVersion string

@description('Deployment SKU.')
@allowed([
  'Standard'
  'GlobalStandard'
  'DataZoneStandard'
])
param deploymentSkuName string = 'GlobalStandard'

@description('Deployment capacity in thousands of tokens per minute.')
@minValue(1)
param deploymentCapacity int = 30

@description('Principal id of the Function App\'s managed identity (gets Cognitive Services OpenAI User).')
param appPrincipalId string

@description('Principal id of the deploying user; empty grants nothing.')
param userPrincipalId string = ''

@description('Type of the deploying principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param userPrincipalType string = 'User'

var cognitiveServicesOpenAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: deploymentCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

resource appOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, cognitiveServicesOpenAiUserRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(account.id, userPrincipalId, cognitiveServicesOpenAiUserRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUserRoleId)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
