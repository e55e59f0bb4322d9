import type { CollectionBeforeOperationHook } from 'payload'

const split = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? { base: name.slice(0, dot), ext: name.slice(dot) } : { base: name, ext: '' }
}

/**
 * Payload names each generated size `<name>-<width>x<height>.webp` whatever the original's
 * format, and checks only the original's full name for clashes: `photo.gif` uploaded after
 * `photo.png` wrote its sizes over photo.png's (and deleting either removed both). An upload
 * whose name without extension is taken gets a free one, `photo-1.gif`, as Payload already does
 * for an identical name. Runs before Payload names the file, after checkImageUpload.
 */
export const uniqueImageName: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const file = req.file as { name: string }
  const { base, ext } = split(file.name)
  const { docs } = await req.payload.find({
    collection: collection.slug as 'media',
    where: { filename: { contains: base } },
    limit: 0,
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const taken = new Set(docs.map((d) => split(String(d.filename ?? '')).base))
  let free = base
  for (let n = 1; taken.has(free); n++) free = `${base}-${n}`
  file.name = `${free}${ext}`
  return args
}
