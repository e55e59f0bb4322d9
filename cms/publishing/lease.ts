import { randomUUID } from 'node:crypto'
import os from 'node:os'

import type { Payload, Where } from 'payload'

import { processAlive } from '../../site/lib/processAlive'
import { LeaseLost, type Fence } from '../../site/publish'

/**
 * The build lease: at most one site build at a time across every CMS process sharing the
 * database. Taking it is creating the one `site-build-lease` document (its name is unique, so
 * the database refuses a second); the holder renews it while it builds; a lease its holder
 * stopped renewing (the process died) is taken over.
 *
 * A process can stall (a long pause of its collector, a suspended VM) past the lease's life
 * while another server takes over; so each taking of the lease is a fencing token: the holder
 * field names the process and the moment it took the lease, a renewal that finds another
 * holder aborts the build, and going live is refused unless the lease is still this one and no
 * later holder went live before (site/publish.ts `goLive`).
 */
const NAME = 'site'
const COLLECTION = 'site-build-lease' as const
export const LEASE_MS = 30_000

/** This process, as a lease holder: host, pid and a random part (pids are reused). */
export const holderId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

/** One taking of the lease by this process. */
export interface Lease {
  /** `holderId:token`, what the lease document holds while it is this one. */
  holder: string
  /** When it was taken (ms): a later holder's token is larger, as long as servers' clocks agree within LEASE_MS. */
  token: number
}

const expiry = () => new Date(Date.now() + LEASE_MS).toISOString()

/** A holder on this machine whose process is gone can be replaced at once, without waiting for expiry. */
const diedHere = (holder: string) => {
  const [host, pid] = holder.split(':')
  if (host !== os.hostname() || !pid || Number(pid) === process.pid) return false
  return !processAlive(Number(pid))
}

const create = async (payload: Payload): Promise<Lease | undefined> => {
  const token = Date.now()
  const lease = { holder: `${holderId}:${token}`, token }
  try {
    await payload.create({
      collection: COLLECTION,
      data: { name: NAME, holder: lease.holder, expiresAt: expiry() },
      overrideAccess: true,
    })
    return lease
  } catch {
    return undefined
  }
}

const current = async (payload: Payload) => {
  const { docs } = await payload.find({
    collection: COLLECTION,
    where: { name: { equals: NAME } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/** Takes the lease; undefined while another server holds it. */
export const acquireLease = async (payload: Payload): Promise<Lease | undefined> => {
  const created = await create(payload)
  if (created) return created
  const lease = await current(payload)
  if (!lease) return create(payload)
  if (new Date(lease.expiresAt).getTime() > Date.now() && !diedHere(lease.holder)) return undefined
  // Removed by id and holder, so of two servers taking over the same dead lease only one
  // deletes it, and the unique name lets only one create the next. A lease of this process's
  // that expired is taken anew too: its old token must not go live.
  await payload.delete({
    collection: COLLECTION,
    where: { and: [{ id: { equals: lease.id } }, { holder: { equals: lease.holder } }] },
    overrideAccess: true,
  })
  return create(payload)
}

const mine = (lease: Lease): Where => ({ and: [{ name: { equals: NAME } }, { holder: { equals: lease.holder } }] })

/** Extends the lease; false when it is no longer this one (it expired and was taken over). */
export const renewLease = async (payload: Payload, lease: Lease): Promise<boolean> => {
  const { docs } = await payload.update({
    collection: COLLECTION,
    where: mine(lease),
    data: { expiresAt: expiry() },
    overrideAccess: true,
  })
  return docs.length > 0
}

/** Whether the lease is still this one and unexpired. */
export const holdsLease = async (payload: Payload, lease: Lease): Promise<boolean> => {
  const doc = await current(payload)
  return doc?.holder === lease.holder && new Date(doc.expiresAt).getTime() > Date.now()
}

export const releaseLease = async (payload: Payload, lease: Lease) => {
  await payload.delete({ collection: COLLECTION, where: mine(lease), overrideAccess: true })
}

/** A lease kept alive while a build runs: `signal` aborts (with LeaseLost) once it is lost. */
export interface HeldLease {
  signal: AbortSignal
  fence: Fence
  stop(): void
}

/**
 * Renews the lease every `everyMs` while a build runs. A renewal that finds the lease gone,
 * or no successful renewal for the lease's whole life (the database was unreachable, or this
 * process stalled), aborts the build: another server may be building by now.
 */
export const keepLease = (payload: Payload, lease: Lease, everyMs = LEASE_MS / 5): HeldLease => {
  const controller = new AbortController()
  let renewedAt = Date.now()
  const lose = (why: string) => controller.abort(new LeaseLost(`the build lease was lost (${why}); this build does not go live`))
  const timer = setInterval(() => {
    if (Date.now() - renewedAt > LEASE_MS) return lose(`not renewed for ${Math.round((Date.now() - renewedAt) / 1000)} s`)
    renewLease(payload, lease).then(
      (held) => (held ? (renewedAt = Date.now()) : lose('another server holds it')),
      () => undefined, // tried again at the next beat; the lease's life bounds how long
    )
  }, everyMs)
  return {
    signal: controller.signal,
    fence: {
      token: lease.token,
      holds: async () => !controller.signal.aborted && (await holdsLease(payload, lease)),
    },
    stop: () => clearInterval(timer),
  }
}
