// Upload pipeline: an Event Grid system topic on the storage account and a subscription
// that forwards BlobCreated events under the claim-documents container to a storage queue.
// The Functions app's queue trigger reads that queue and hands each event to the same intake
// code as the local host's POST /api/events/blob-created.
//
// Why a queue and not a webhook: a webhook subscription to the blob or Event Grid trigger
// needs the Functions system key, which exists only after the code is deployed, so it
// cannot be created in the same `azd provision`. A storage-queue destination needs no key,
// is delivered with the topic's managed identity, buffers events while the app scales from
// zero, and gives retries plus a poison queue for free.
@description('Name of the Event Grid system topic.')
param systemTopicName string

@description('Location of the system topic (same as the storage account).')
param location string = resourceGroup().location

@description('Tags applied to the system topic.')
param tags object = {}

@description('Name of the storage account whose blob events are published.')
param storageAccountName string

@description('Container whose BlobCreated events are forwarded.')
param documentsContainerName string

@description('Queue the events are delivered to.')
param queueName string

@description('Container that receives events Event Grid could not deliver.')
param deadLetterContainerName string

@description('Name of the event subscription.')
param subscriptionName string = 'claim-documents-blob-created'

// Built-in role definition ids.
var storageQueueDataMessageSenderRoleId = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource queueSenderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, systemTopic.id, storageQueueDataMessageSenderRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataMessageSenderRoleId)
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deadLetterWriterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, systemTopic.id, storageBlobDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobCreatedSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  dependsOn: [
    queueSenderRole
    deadLetterWriterRole
  ]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queueName
          // Keep undelivered messages until the app has read them (-1 = never expire).
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${documentsContainerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output systemTopicName string = systemTopic.name
output subscriptionName string = blobCreatedSubscription.name
