import type { CollectionConfig } from 'payload'

/**
 * Who is building the site right now. One document at most, made unique by `name`: creating
 * it is how a server takes the lease, so two servers sharing a database never build at once.
 * Only the servers themselves write it (Local API); nobody reads it over REST.
 */
export const SiteBuildLease: CollectionConfig = {
  slug: 'site-build-lease',
  labels: { singular: '网站生成锁', plural: '网站生成锁' },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, index: true },
    { name: 'holder', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true },
  ],
}
