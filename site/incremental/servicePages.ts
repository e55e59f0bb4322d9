import { recordsBefore, type Change } from '../../content-models/changes'
import type { ContentSnapshot } from '../../content-models/snapshot'
import { directoryPageViews } from '../lib/directoryPages'
import { directoryView } from '../lib/serviceDirectory'
import { site } from '../lib/site'

/**
 * The directory's list pages, first pages, category data files and rest-station district pages
 * that service changes alter: each page's content is made, before and after, by the functions
 * the pages are built with (lib/directoryPages.ts), and the pages that differ, appear or go are
 * rendered. A new service changes the last pages of the lists it joins and the first pages
 * that count it; an edit, the pages the service is on.
 */
export const serviceDirectoryPages = (changes: readonly Change[], snapshot: Pick<ContentSnapshot, 'services' | 'regions'>): string[] => {
  const serviceChanges = changes.filter((c): c is Change & { kind: 'services' } => c.kind === 'services')
  // An edit the directory does not show (how to apply, documents, an alert) leaves its pages alone.
  const shown = serviceChanges.filter((c) => !(c.before && c.after && directoryView(c.before) === directoryView(c.after)))
  if (!shown.length) return []
  const before = recordsBefore('services', snapshot.services, serviceChanges)
  const [was, is] = [before, snapshot.services].map((services) => directoryPageViews(services, snapshot.regions, site.hotline.number))
  return [...new Set([...was.keys(), ...is.keys()])].filter((url) => was.get(url) !== is.get(url))
}
