// Grants roles to one principal on one resource of this resource group. The assignment name is a
// GUID of (resource, principal, role), so re-deploying is idempotent and never duplicates a grant.

@description('Kind of resource the roles are granted on.')
@allowed([
  'Microsoft.Storage/storageAccounts'
  'Microsoft.Insights/components'
])
param resourceType string

@description('Name of that resource in this resource group.')
param resourceName string

@description('Object id of the principal receiving the roles.')
param principalId string

@description('Kind of principal; ServicePrincipal for managed identities.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string

@description('Built-in role definition ids (GUIDs) to grant.')
param roleDefinitionIds string[]

var onStorage = resourceType == 'Microsoft.Storage/storageAccounts'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = if (onStorage) {
  name: resourceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = if (!onStorage) {
  name: resourceName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in roleDefinitionIds: if (onStorage) {
    name: guid(storage.id, principalId, roleDefinitionId)
    scope: storage
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    }
  }
]

resource applicationInsightsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in roleDefinitionIds: if (!onStorage) {
    name: guid(applicationInsights.id, principalId, roleDefinitionId)
    scope: applicationInsights
    properties: {
      principalId: principalId
      principalType: principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    }
  }
]
