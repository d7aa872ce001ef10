// Backfill on Azure: one resource group with a Flex Consumption function app, its storage (host,
// task hub, deployment package and the lake container), monitoring, and the managed identity that
// reaches all of them. Every module is local (infra/app/), so `bicep build` works offline.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource token and tags every resource.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user or pipeline, granted data access to the storage account for debugging. Empty grants nothing.')
param principalId string = ''

@description('Kind of the principal in principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

// Optional name overrides; empty means the abbreviation + resource token name.
@description('Resource group name override.')
param resourceGroupName string = ''

@description('Function app name override.')
param functionAppName string = ''

@description('Flex Consumption plan name override.')
param appServicePlanName string = ''

@description('Storage account name override (3-24 lowercase letters and digits).')
param storageAccountName string = ''

@description('Log Analytics workspace name override.')
param logAnalyticsName string = ''

@description('Application Insights name override.')
param applicationInsightsName string = ''

@description('User-assigned managed identity name override.')
param userAssignedIdentityName string = ''

// Settings of the application.
@description('Durable Task hub name (letters and digits, starting with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'backfill'

@description('NCRONTAB schedule (six fields, UTC) of the daily run.')
param dailySchedule string = '0 0 2 * * *'

@description('Days between a run date and its watermark.')
@minValue(0)
param lagDays int = 2

@description('Days before the watermark the daily run rebuilds by merge (rolling reprocess).')
@minValue(0)
@maxValue(7)
param rollingDays int = 3

@description('Default max parallel of a backfill: work items of one backfill in flight at once (the API accepts 1-64).')
@minValue(1)
@maxValue(64)
param maxParallel int = 3

// Scale of the function app.
@description('Memory of one Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var apiName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(toLower(apiName), 32)}-${take(toLower(uniqueString(apiName, resourceToken)), 7)}'
// The datasets live apart from the host's containers; these are LakeOptions' default names.
var lakeContainerName = 'lake'
var lineageTableName = 'lineage'

// Built-in role definition ids (the same in every tenant).
var storageDataRoleIds = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: host leases, deployment package, lake
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: task hub control and work-item queues
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: task hub history and instances, lineage
]
var monitoringRoleIds = [
  '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher: Entra-authenticated telemetry
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: !empty(userAssignedIdentityName) ? userAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
      lakeContainerName
    ]
    tableNames: [
      lineageTableName
    ]
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: apiName
    planName: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: {
      TaskHubName: taskHubName
      DailySchedule: dailySchedule
      Daily__LagDays: string(lagDays)
      Daily__RollingDays: string(rollingDays)
      Backfill__MaxParallel: string(maxParallel)
      // The landing zone here is production data: POST /api/seed-data answers 403.
      Backfill__AllowSampleData: 'false'
    }
  }
  // The host touches storage at its first start; grant the identity before the app exists.
  dependsOn: [
    identityStorageRoles
    identityMonitoringRoles
  ]
}

module identityStorageRoles 'app/role-assignments.bicep' = {
  name: 'identity-storage-roles'
  scope: rg
  params: {
    resourceType: 'Microsoft.Storage/storageAccounts'
    resourceName: storage.outputs.name
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionIds: storageDataRoleIds
  }
}

module identityMonitoringRoles 'app/role-assignments.bicep' = {
  name: 'identity-monitoring-roles'
  scope: rg
  params: {
    resourceType: 'Microsoft.Insights/components'
    resourceName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionIds: monitoringRoleIds
  }
}

module principalStorageRoles 'app/role-assignments.bicep' = if (!empty(principalId)) {
  name: 'principal-storage-roles'
  scope: rg
  params: {
    resourceType: 'Microsoft.Storage/storageAccounts'
    resourceName: storage.outputs.name
    principalId: principalId
    principalType: principalType
    roleDefinitionIds: storageDataRoleIds
  }
}

// Names and endpoints only: the deployment holds no key, and no output may carry one.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}'
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_LAKE_CONTAINER_NAME string = lakeContainerName
output AZURE_TASK_HUB_NAME string = taskHubName
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
