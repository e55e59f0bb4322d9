import { defineCollection } from 'astro:content'

import { slimArticle, snapshotLoader } from './loader'

export const collections = {
  articles: defineCollection({ loader: snapshotLoader('articles', (a) => a.slug, slimArticle) }),
  workersHomes: defineCollection({ loader: snapshotLoader('workersHomes') }),
  laborModels: defineCollection({ loader: snapshotLoader('laborModels') }),
  services: defineCollection({ loader: snapshotLoader('services') }),
  organizations: defineCollection({ loader: snapshotLoader('organizations') }),
  regions: defineCollection({ loader: snapshotLoader('regions', (r) => r.code) }),
  categories: defineCollection({ loader: snapshotLoader('categories') }),
}
