// User-assigned managed identity: the Function App runs as it, and every data-plane
// permission (storage, Application Insights, Azure OpenAI) is granted to it.
@description('Name of the user-assigned managed identity.')
param name string

@description('Location of the identity.')
param location string = resourceGroup().location

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
