import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'

import { configureSettings, type SettingsOverrides } from '../../content-models/settings'
import { laneMongoServer, testDatabaseUri } from './lane'

export interface TestCms {
  payload: Payload
  dir: string
  /** The database it writes to (an SQLite file in `dir`, or a MongoDB database in the lane). */
  databaseUri: string
  /** Calls the REST API in-process, exactly as the Next.js route handlers would. */
  rest: (
    method: string,
    url: string,
    options?: { token?: string; json?: unknown; form?: FormData },
  ) => Promise<{ status: number; body: any }>
  login: (email: string, password: string) => Promise<string>
  close: () => Promise<void>
}

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789'

/**
 * Boots Payload on a throwaway database (an SQLite file migrated like production, or in the
 * MongoDB lane a database of its own on the lane's server) with media in a temp folder. Settings are passed in before the config is first imported, because the config
 * reads them when it loads; `overrides` adds the test's own (S3, upload limit…).
 */
export const startTestCms = async (overrides: SettingsOverrides = {}): Promise<TestCms> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'))
  const databaseUri = testDatabaseUri(dir)
  configureSettings({ dataDir: dir, databaseUri, payloadSecret: TEST_SECRET, ...overrides })
  const [{ openPayload }, rest] = await Promise.all([import('../../cms/open'), restClient()])
  const payload = await openPayload()

  const login = async (email: string, password: string) => {
    const res = await rest('POST', '/users/login', { json: { email, password } })
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.token as string
  }

  const close = async () => {
    // A rebuilder still looking at its queue would query a closed database.
    const { rebuilderFor } = await import('../../cms/publishing/rebuilder')
    rebuilderFor(payload).stop()
    // A lane database is on a server that outlives the test (a developer's `npm run mongo:local`).
    if (laneMongoServer() && 'connection' in payload.db) await (payload.db as unknown as MongooseAdapter).connection.dropDatabase()
    await payload.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }

  return { payload, dir, databaseUri, rest, login, close }
}

/**
 * The REST API of the configured CMS, called in-process through Payload's route handler as the
 * Next.js routes call it. Settings must be configured first: the config reads them on import.
 */
export const restClient = async (): Promise<TestCms['rest']> => {
  const [{ default: config }, { handleEndpoints }] = await Promise.all([import('../../cms/payload.config'), import('payload')])
  return async (method, url, options = {}) => {
    const headers = new Headers()
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    let body: BodyInit | undefined
    if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(options.json)
    } else if (options.form) {
      // Encoded up front: undici streams a FormData body while it is read, and when the server
      // stops reading (Payload past its upload limit) that pump writes into a closed stream and
      // rejects outside any test.
      const encoded = new Response(options.form)
      headers.set('Content-Type', encoded.headers.get('Content-Type')!)
      body = await encoded.arrayBuffer()
    }
    const request = new Request(`http://localhost:3000/api${url}`, { method, headers, body })
    const response = await handleEndpoints({ config, request })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // non-JSON bodies are returned as text
    }
    return { status: response.status, body: parsed }
  }
}

export const STAFF_PASSWORD = 'correct-horse-battery-staple'

/** One user per role, created through the Local API (which bypasses access, as an admin would). */
export const createStaff = async (payload: Payload) => {
  const make = (role: 'admin' | 'reviewer' | 'editor') =>
    payload.create({ collection: 'users', data: { email: `${role}@example.org`, password: STAFF_PASSWORD, name: role, roles: [role] } })
  const admin = await make('admin')
  const reviewer = await make('reviewer')
  const editor = await make('editor')
  return { admin, reviewer, editor }
}
