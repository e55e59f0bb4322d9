/**
 * Hydrates the directory's filter form (rendered on the server in #svc-finder) with React. Loaded
 * only once a worker touches the form (site/scripts/serviceFinder.ts), so the directory's
 * pages load no React until then.
 */
import { hydrateRoot } from 'react-dom/client'

import ServiceDirectory from './ServiceDirectory'
import type { EarlyInput, ServiceDirectoryProps } from './ServiceDirectory'

export const mountDirectory = (root: HTMLElement, props: ServiceDirectoryProps, early: () => EarlyInput) =>
  hydrateRoot(root, <ServiceDirectory {...props} early={early} />)
