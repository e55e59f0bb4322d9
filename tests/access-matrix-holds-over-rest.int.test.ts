import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../content-models/options'
import { publicTypes, referenceTypes } from '../content-models/publicTypes'
import { fileForm, pngImage } from './helpers/fixtures'
import { minimalDocument, titleFieldOf } from './helpers/minimalDocuments'
import { STAFF_PASSWORD, startTestCms, type TestCms } from './helpers/payload'

/**
 * Who may do what, over REST, for every collection the public site shows. The tables below are
 * the declared policy (cms/access, cms/collections/publicContent.ts, Media, Users); the
 * collections come from content-models/publicTypes.ts and the roles from the users
 * collection, so a new type or role is walked (or fails loudly) without touching this file.
 *
 * A cell is `ok` when the request answered 200 (201 for a create) and did what it asked,
 * `403` when it answered exactly Payload's refusal and changed nothing, `404` when it
 * answered exactly "not found" and leaked nothing. Anything else shows up in the diff as
 * what really happened, e.g. `500 {...}, took effect`.
 */
type Who = Role | 'anonymous'
type Outcome = 'ok' | 403 | 404
const columns = ['anonymous', 'editor', 'reviewer', 'admin'] as const satisfies readonly Who[]
type Row = readonly [Outcome, Outcome, Outcome, Outcome]

// prettier-ignore
/** Drafted public types (articles, workers' homes, labor models, services): editors draft, reviewers publish. */
const draftedPolicy = {
  //                                                anonymous editor reviewer admin
  'read a published document':                      ['ok',    'ok',  'ok',    'ok'],
  'read a draft':                                   [404,     'ok',  'ok',    'ok'],
  'list the versions of a document':                [403,     'ok',  'ok',    'ok'],
  'read one version':                               [403,     'ok',  'ok',    'ok'],
  'create a draft':                                 [403,     'ok',  'ok',    'ok'],
  'create a document already published':            [403,     403,   'ok',    'ok'],
  'edit a draft':                                   [403,     'ok',  'ok',    'ok'],
  'save a draft revision of a published document':  [403,     'ok',  'ok',    'ok'],
  'publish a draft':                                [403,     403,   'ok',    'ok'],
  'edit a published document':                      [403,     403,   'ok',    'ok'],
  'unpublish a published document':                 [403,     403,   'ok',    'ok'],
  'delete a draft':                                 [403,     'ok',  'ok',    'ok'],
  'delete a published document':                    [403,     403,   'ok',    'ok'],
} as const satisfies Record<string, Row>

// prettier-ignore
/** Reference data with pages or without (organizations, regions, categories): public to read, kept by reviewers. */
const referencePolicy = {
  //                                                anonymous editor reviewer admin
  'read a document':                                ['ok',    'ok',  'ok',    'ok'],
  // Not versioned: there is nothing to list, for anyone.
  'list versions':                                  [403,     403,   403,     403],
  'create a document':                              [403,     403,   'ok',    'ok'],
  'edit a document':                                [403,     403,   'ok',    'ok'],
  'delete a document':                              [403,     403,   'ok',    'ok'],
} as const satisfies Record<string, Row>

// prettier-ignore
/** Images: staff upload them while drafting; removing one can break a live page, so reviewers do. */
const mediaPolicy = {
  //                                                anonymous editor reviewer admin
  'read an image':                                  ['ok',    'ok',  'ok',    'ok'],
  'list versions':                                  [403,     403,   403,     403],
  'upload an image':                                [403,     'ok',  'ok',    'ok'],
  'edit the alt text':                              [403,     'ok',  'ok',    'ok'],
  'delete an image':                                [403,     403,   'ok',    'ok'],
} as const satisfies Record<string, Row>

const FORBIDDEN = { errors: [{ message: '您无权执行此操作。' }] }
const NOT_FOUND = { errors: [{ message: '未找到' }] }

type Id = number | string
type Request = { method: string; url: string; json?: unknown; form?: FormData }
type Response = { status: number; body: any }
interface Target {
  slug: string
  /** The document the action works on (created through the Local API, which bypasses access), if any. */
  id: Id
  /** Its name as created. */
  original: string
  /** A name no document has yet: what the action writes. */
  name: string
  title: 'title' | 'name' | 'alt'
}
interface Action {
  on: 'nothing' | 'draft' | 'published' | 'document' | 'image'
  send: (t: Target) => Request | Promise<Request>
  /** 201 for a create, else 200. */
  ok?: number
  /** Whether the request did what it asked (a read: the response carries the document). */
  tookEffect: (t: Target, res: Response) => Promise<boolean>
}

let cms: TestCms
let roles: Role[]
const tokens: Partial<Record<Who, string>> = {}
let serial = 0

beforeAll(async () => {
  cms = await startTestCms()
  const field = cms.payload.collections.users.config.flattenedFields.find((f) => f.name === 'roles')
  roles = (field && 'options' in field ? field.options : []).map((o) => (typeof o === 'string' ? o : o.value)) as Role[]
  // The very first account becomes an admin whatever it asks for; let that be a bystander.
  await cms.payload.create({
    collection: 'users',
    data: { email: 'first@example.org', password: STAFF_PASSWORD, name: '首位管理员', roles: ['admin'] },
  })
  for (const role of roles) {
    const email = `${role}@example.org`
    const user = await cms.payload.create({ collection: 'users', data: { email, password: STAFF_PASSWORD, name: role, roles: [role] } })
    if (JSON.stringify(user.roles) !== JSON.stringify([role])) throw new Error(`${email} was made ${String(user.roles)}, not ${role}`)
    tokens[role] = await cms.login(email, STAFF_PASSWORD)
  }
})
afterAll(() => cms?.close())

/** The document as the public sees it (the main record), or null once deleted. */
const live = (slug: string, id: Id) => cms.payload.findByID({ collection: slug as 'articles', id, depth: 0, disableErrors: true }) as any
/** The newest revision, draft or not. */
const latest = (slug: string, id: Id) =>
  cms.payload.findByID({ collection: slug as 'articles', id, depth: 0, draft: true, disableErrors: true }) as any
const named = async (slug: string, field: string, name: string) =>
  (await cms.payload.find({ collection: slug as 'articles', where: { [field]: { equals: name } }, draft: true, depth: 0 })).docs as any[]
const gone = async (slug: string, id: Id) => (await live(slug, id)) === null

const rename = (t: Target) => ({ [t.title]: t.name })
const request = (method: string, url: string, json?: unknown): Request => ({ method, url, json })

const draftedActions: Record<keyof typeof draftedPolicy, Action> = {
  'read a published document': {
    on: 'published',
    send: (t) => request('GET', `/${t.slug}/${t.id}?depth=0`),
    tookEffect: async (t, res) => res.body?.id === t.id,
  },
  'read a draft': {
    on: 'draft',
    send: (t) => request('GET', `/${t.slug}/${t.id}?draft=true&depth=0`),
    tookEffect: async (t, res) => res.body?.id === t.id,
  },
  'list the versions of a document': {
    on: 'draft',
    send: (t) => request('GET', `/${t.slug}/versions?depth=0&where[parent][equals]=${t.id}`),
    tookEffect: async (t, res) => Array.isArray(res.body?.docs) && res.body.docs.some((v: { parent: Id }) => v.parent === t.id),
  },
  'read one version': {
    on: 'draft',
    send: async (t) => {
      const { docs } = await cms.payload.findVersions({ collection: t.slug as 'articles', where: { parent: { equals: t.id } } })
      return { method: 'GET', url: `/${t.slug}/versions/${docs[0]!.id}?depth=0` }
    },
    tookEffect: async (t, res) => res.body?.parent === t.id,
  },
  'create a draft': {
    on: 'nothing',
    send: (t) => request('POST', `/${t.slug}?draft=true`, { ...minimalDocument(t.slug, t.name, serial++), _status: 'draft' }),
    ok: 201,
    tookEffect: async (t) => (await named(t.slug, t.title, t.name)).some((d) => d._status === 'draft'),
  },
  'create a document already published': {
    on: 'nothing',
    send: (t) => request('POST', `/${t.slug}`, { ...minimalDocument(t.slug, t.name, serial++), _status: 'published' }),
    ok: 201,
    tookEffect: async (t) => (await named(t.slug, t.title, t.name)).some((d) => d._status === 'published'),
  },
  'edit a draft': {
    on: 'draft',
    send: (t) => request('PATCH', `/${t.slug}/${t.id}?draft=true`, rename(t)),
    tookEffect: async (t) => (await latest(t.slug, t.id))?.[t.title] === t.name,
  },
  'save a draft revision of a published document': {
    on: 'published',
    send: (t) => request('PATCH', `/${t.slug}/${t.id}?draft=true`, rename(t)),
    // The revision is saved and the public still sees the published text.
    tookEffect: async (t) => {
      const [now, newest] = [await live(t.slug, t.id), await latest(t.slug, t.id)]
      return newest?.[t.title] === t.name && now?.[t.title] === t.original && now?._status === 'published'
    },
  },
  'publish a draft': {
    on: 'draft',
    send: (t) => request('PATCH', `/${t.slug}/${t.id}`, { _status: 'published' }),
    tookEffect: async (t) => (await live(t.slug, t.id))?._status === 'published',
  },
  'edit a published document': {
    on: 'published',
    send: (t) => request('PATCH', `/${t.slug}/${t.id}`, rename(t)),
    tookEffect: async (t) => {
      const now = await live(t.slug, t.id)
      return now?.[t.title] === t.name && now?._status === 'published'
    },
  },
  'unpublish a published document': {
    on: 'published',
    send: (t) => request('PATCH', `/${t.slug}/${t.id}`, { _status: 'draft' }),
    tookEffect: async (t) => (await live(t.slug, t.id))?._status === 'draft',
  },
  'delete a draft': { on: 'draft', send: (t) => request('DELETE', `/${t.slug}/${t.id}`), tookEffect: (t) => gone(t.slug, t.id) },
  'delete a published document': {
    on: 'published',
    send: (t) => request('DELETE', `/${t.slug}/${t.id}`),
    tookEffect: (t) => gone(t.slug, t.id),
  },
}

const listVersions: Action = {
  on: 'nothing',
  send: (t) => request('GET', `/${t.slug}/versions?depth=0`),
  tookEffect: async (_t, res) => Array.isArray(res.body?.docs),
}

const referenceActions: Record<keyof typeof referencePolicy, Action> = {
  'read a document': {
    on: 'document',
    send: (t) => request('GET', `/${t.slug}/${t.id}?depth=0`),
    tookEffect: async (t, res) => res.body?.id === t.id,
  },
  'list versions': listVersions,
  'create a document': {
    on: 'nothing',
    send: (t) => request('POST', `/${t.slug}`, minimalDocument(t.slug, t.name, serial++)),
    ok: 201,
    tookEffect: async (t) => (await named(t.slug, t.title, t.name)).length === 1,
  },
  'edit a document': {
    on: 'document',
    send: (t) => request('PATCH', `/${t.slug}/${t.id}`, rename(t)),
    tookEffect: async (t) => (await live(t.slug, t.id))?.[t.title] === t.name,
  },
  'delete a document': { on: 'document', send: (t) => request('DELETE', `/${t.slug}/${t.id}`), tookEffect: (t) => gone(t.slug, t.id) },
}

const mediaActions: Record<keyof typeof mediaPolicy, Action> = {
  'read an image': {
    on: 'image',
    send: (t) => request('GET', `/media/${t.id}?depth=0`),
    tookEffect: async (t, res) => res.body?.id === t.id,
  },
  'list versions': listVersions,
  'upload an image': {
    on: 'nothing',
    send: async (t) => ({
      method: 'POST',
      url: '/media',
      form: fileForm(`upload-${serial++}.png`, 'image/png', await pngImage(), { alt: t.name }),
    }),
    ok: 201,
    tookEffect: async (t) => (await named('media', 'alt', t.name)).length === 1,
  },
  'edit the alt text': {
    on: 'image',
    send: (t) => request('PATCH', `/media/${t.id}`, { alt: t.name }),
    tookEffect: async (t) => (await live('media', t.id))?.alt === t.name,
  },
  'delete an image': { on: 'image', send: (t) => request('DELETE', `/media/${t.id}`), tookEffect: (t) => gone('media', t.id) },
}

/** Setting the stage is not a change to the site: no rebuild is queued for it. */
const setup = { skipRebuild: true }

/** A fresh document in the state the action needs, so no cell depends on another. */
const prepare = async (slug: string, on: Action['on']): Promise<Target> => {
  const n = serial++
  const title: Target['title'] = slug === 'media' ? 'alt' : titleFieldOf(slug)
  const original = `权限测试原件${n}`
  const target = { slug, original, name: `权限测试改写${n}`, title, id: 0 as Id }
  if (on === 'nothing') return target
  if (on === 'image') {
    const png = await pngImage(64, 48)
    const doc = await cms.payload.create({
      collection: 'media',
      data: { alt: original },
      file: { data: png, mimetype: 'image/png', name: `image-${n}.png`, size: png.length },
      context: setup,
    })
    return { ...target, id: doc.id }
  }
  const data = { ...minimalDocument(slug, original, n), ...(on === 'document' ? {} : { _status: on }) }
  const doc = await cms.payload.create({ collection: slug as 'articles', data: data as never, draft: on === 'draft', context: setup })
  return { ...target, id: doc.id }
}

const observe = async <A extends string>(slug: string, actions: Record<A, Action>): Promise<Record<A, Row | string[]>> => {
  const table = {} as Record<A, Row | string[]>
  for (const name of Object.keys(actions) as A[]) {
    const action = actions[name]
    const row: (Outcome | string)[] = []
    for (const who of columns) {
      const target = await prepare(slug, action.on)
      const { method, url, json, form } = await action.send(target)
      const res = await cms.rest(method, url, { token: tokens[who], json, form })
      const effect = await action.tookEffect(target, res)
      const body = JSON.stringify(res.body)
      if (res.status === (action.ok ?? 200) && effect) row.push('ok')
      else if (res.status === 403 && body === JSON.stringify(FORBIDDEN) && !effect) row.push(403)
      else if (res.status === 404 && body === JSON.stringify(NOT_FOUND) && !effect) row.push(404)
      else row.push(`${res.status} ${body.slice(0, 160)}, ${effect ? 'took effect' : 'no effect'}`)
    }
    table[name] = row as Row | string[]
  }
  return table
}

describe('the access matrix', () => {
  it('has a column for every role the users collection offers, and for anonymous visitors', () => {
    expect([...roles].sort()).toEqual(columns.filter((c) => c !== 'anonymous').sort())
  })

  it.each(publicTypes.filter((t) => t.drafts).map((t) => t.slug))('holds for the drafted public type %s', async (slug) => {
    expect(await observe(slug, draftedActions)).toEqual(draftedPolicy)
  })

  it.each([...publicTypes.filter((t) => !t.drafts), ...referenceTypes].map((t) => t.slug))(
    'holds for the reference type %s',
    async (slug) => {
      expect(await observe(slug, referenceActions)).toEqual(referencePolicy)
    },
  )

  it('holds for media', async () => {
    expect(await observe('media', mediaActions)).toEqual(mediaPolicy)
  })
})

describe('staff accounts', () => {
  const userId = async (role: Role) =>
    (await cms.payload.find({ collection: 'users', where: { email: { equals: `${role}@example.org` } } })).docs[0]!.id

  it('are hidden from the public and from each other, except one’s own', async () => {
    expect(await cms.rest('GET', '/users')).toEqual({ status: 403, body: FORBIDDEN })
    const others = await cms.rest('GET', '/users', { token: tokens.editor })
    expect(others.body.docs.map((u: { email: string }) => u.email)).toEqual(['editor@example.org'])
  })

  it('are managed by admins only, and nobody else can grant themselves a role', async () => {
    for (const who of ['editor', 'reviewer'] as const) {
      const json = { email: `by-${who}@example.org`, password: STAFF_PASSWORD, name: who }
      expect(await cms.rest('POST', '/users', { token: tokens[who], json }), who).toEqual({ status: 403, body: FORBIDDEN })
    }
    // The roles field is admin-only: the save goes through, the promotion does not.
    const id = await userId('editor')
    expect((await cms.rest('PATCH', `/users/${id}`, { token: tokens.editor, json: { roles: ['admin'] } })).status).toBe(200)
    expect((await cms.payload.findByID({ collection: 'users', id })).roles).toEqual(['editor'])

    const made = await cms.rest('POST', '/users', {
      token: tokens.admin,
      json: { email: 'new-reviewer@example.org', password: STAFF_PASSWORD, name: '新审核', roles: ['reviewer'] },
    })
    expect(made.status).toBe(201)
    expect(made.body.doc.roles).toEqual(['reviewer'])
    expect((await cms.rest('PATCH', `/users/${made.body.doc.id}`, { token: tokens.admin, json: { roles: ['editor'] } })).status).toBe(200)
    expect((await cms.payload.findByID({ collection: 'users', id: made.body.doc.id })).roles).toEqual(['editor'])
  })
})

describe('GraphQL', () => {
  it('is switched off: /api/graphql answers 404 with no data, signed in or not', async () => {
    const secret = '只应经 REST 读取的标题'
    await cms.payload.create({ collection: 'articles', data: { title: secret, _status: 'published' } })
    const query = JSON.stringify({ query: '{ Articles { docs { id title } } }' })
    const [{ default: config }, { GRAPHQL_POST }] = await Promise.all([import('../cms/payload.config'), import('@payloadcms/next/routes')])
    for (const who of ['anonymous', 'admin'] as const) {
      // The CMS's Next app has no GraphQL route: its REST catch-all answers the path.
      const served = await cms.rest('POST', '/graphql', { token: tokens[who], json: JSON.parse(query) })
      expect(served, who).toEqual({ status: 404, body: { message: 'Route not found "/api/graphql"' } })
      // Payload's own GraphQL route, should a regenerated template bring it back, is off too.
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (tokens[who]) headers.Authorization = `JWT ${tokens[who]}`
      const direct = await GRAPHQL_POST(config)(new Request('http://localhost:3000/api/graphql', { method: 'POST', headers, body: query }))
      expect(direct.status, who).toBe(404)
      expect(await direct.text(), who).toBe('')
    }
  })
})
