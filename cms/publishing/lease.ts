import { randomUUID } from 'node:crypto'
import os from 'node:os'

import type { Payload } from 'payload'

/**
 * The build lease: at most one site build at a time across every CMS process sharing the
 * database. Taking it is creating the one `site-build-lease` document (its name is unique, so
 * the database refuses a second); the holder renews it while it builds; a lease its holder
 * stopped renewing (the process died) is taken over.
 */
const NAME = 'site'
const COLLECTION = 'site-build-lease'
export const LEASE_MS = 30_000

/** This process, as a lease holder: host, pid and a random part (pids are reused). */
export const holderId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

const expiry = () => new Date(Date.now() + LEASE_MS).toISOString()

/** A holder on this machine whose process is gone can be replaced at once, without waiting for expiry. */
const diedHere = (holder: string) => {
  const [host, pid] = holder.split(':')
  if (host !== os.hostname() || !pid || Number(pid) === process.pid) return false
  try {
    process.kill(Number(pid), 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

const create = async (payload: Payload) => {
  try {
    await payload.create({
      collection: COLLECTION as never,
      data: { name: NAME, holder: holderId, expiresAt: expiry() } as never,
      overrideAccess: true,
    })
    return true
  } catch {
    return false
  }
}

export const acquireLease = async (payload: Payload): Promise<boolean> => {
  if (await create(payload)) return true
  const { docs } = await payload.find({
    collection: COLLECTION as never,
    where: { name: { equals: NAME } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const lease = docs[0] as unknown as { id: string | number; holder: string; expiresAt: string } | undefined
  if (!lease) return create(payload)
  if (lease.holder === holderId) return renewLease(payload)
  if (new Date(lease.expiresAt).getTime() > Date.now() && !diedHere(lease.holder)) return false
  // Removed by id and holder, so of two servers taking over the same dead lease only one
  // deletes it, and the unique name lets only one create the next.
  await payload.delete({
    collection: COLLECTION as never,
    where: { and: [{ id: { equals: lease.id } }, { holder: { equals: lease.holder } }] },
    overrideAccess: true,
  })
  return create(payload)
}

/** Extends this process's lease; false when it no longer holds one (it expired and was taken over). */
export const renewLease = async (payload: Payload): Promise<boolean> => {
  const { docs } = await payload.update({
    collection: COLLECTION as never,
    where: { and: [{ name: { equals: NAME } }, { holder: { equals: holderId } }] },
    data: { expiresAt: expiry() } as never,
    overrideAccess: true,
  })
  return docs.length > 0
}

export const releaseLease = async (payload: Payload) => {
  await payload.delete({
    collection: COLLECTION as never,
    where: { and: [{ name: { equals: NAME } }, { holder: { equals: holderId } }] },
    overrideAccess: true,
  })
}
