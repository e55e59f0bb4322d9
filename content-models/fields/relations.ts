import type { RelationshipField } from 'payload'

export const regionField = (name = 'region', label = '地区'): RelationshipField => ({
  name,
  type: 'relationship',
  label,
  relationTo: 'regions',
  index: true,
})

export const organizationField = (name = 'organization', label = '工会组织'): RelationshipField => ({
  name,
  type: 'relationship',
  label,
  relationTo: 'organizations',
  index: true,
})
