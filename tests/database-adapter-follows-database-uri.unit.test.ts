import { describe, expect, it } from 'vitest'

import { databaseAdapter, databaseKind, sqliteUrl } from '../cms/database'

describe('the database adapter is chosen from DATABASE_URI', () => {
  it('uses MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(databaseKind('mongodb://localhost:27017/portal?replicaSet=rs0')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://cluster.example.org/portal')).toBe('mongodb')
    expect(databaseAdapter('mongodb://localhost:27017/portal').name).toBe('mongoose')
  })

  it('uses embedded SQLite otherwise, defaulting to the data folder', () => {
    expect(databaseKind(undefined)).toBe('sqlite')
    expect(databaseKind('file:./data/other.db')).toBe('sqlite')
    expect(databaseAdapter(undefined).name).toBe('sqlite')
    expect(sqliteUrl(undefined)).toMatch(/^file:.*data\/portal\.db$/)
    expect(sqliteUrl('/srv/portal.db')).toBe('file:/srv/portal.db')
    expect(sqliteUrl('file:/tmp/x.db')).toBe('file:/tmp/x.db')
  })
})
