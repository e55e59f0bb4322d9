import { SNAPSHOT_VERSION, type ContentSnapshot, type SnapshotArticle, type SnapshotService } from '../../content-models/snapshot'

/** A valid snapshot holding only what a test gives it: every other collection empty. */
export const snapshotWith = (parts: Partial<Omit<ContentSnapshot, 'version'>>): ContentSnapshot => ({
  version: SNAPSHOT_VERSION,
  generatedAt: '2026-01-01T00:00:00.000Z',
  articles: [],
  workersHomes: [],
  laborModels: [],
  services: [],
  organizations: [],
  regions: [],
  categories: [],
  ...parts,
})

/** A valid service with nothing but what a test gives it (its id is its slug unless given). */
export const serviceWith = (s: Partial<SnapshotService> & Pick<SnapshotService, 'slug' | 'name' | 'category'>): SnapshotService => ({
  id: s.slug,
  status: 'active',
  audiences: [],
  howToApply: [],
  documents: [],
  cost: { kind: 'free' },
  phones: [],
  locations: [],
  serviceArea: [],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...s,
})

/** A valid article with nothing but what a test gives it (its id is its slug unless given; its body text says its title). */
export const articleWith = (a: Partial<SnapshotArticle> & Pick<SnapshotArticle, 'slug' | 'title'>): SnapshotArticle => ({
  id: a.slug,
  bodyHtml: '',
  bodyText: `${a.title}的正文。`,
  publishedAt: '2026-11-30T02:00:00.000Z',
  updatedAt: '2026-11-30T02:00:00.000Z',
  categories: [],
  tags: [],
  featured: false,
  script: 'simplified',
  ...a,
})

/** Words the search tests' articles are made of, so each query matches a known share of them. */
export const SEARCH_WORDS = ['职工书屋', '法律援助', '户外劳动者驿站', '金秋助学', '劳模创新工作室', '送温暖', '12351', '爱心妈咪小屋']

/** Article `i` of a search test: its words picked by `i`, a date of its own up to i = 756 (ties would be ordered by id). */
export const wordArticle = (i: number, slug: string, edition = ''): SnapshotArticle => {
  const word = (k: number) => SEARCH_WORDS[(i * k) % SEARCH_WORDS.length]
  return {
    id: String(i),
    slug,
    title: `${word(1)}${edition}第${i}期`,
    summary: `${word(3)}活动简报`,
    bodyHtml: `<p>${word(5)}与${word(7)}</p>`,
    bodyText: `${word(5)}与${word(7)}`,
    publishedAt: new Date(Date.UTC(2018 + (i % 7), i % 12, 1 + (i % 27))).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    categories: [{ slug: 'news', name: '工会要闻' }],
    tags: [],
    featured: false,
    script: 'simplified',
  }
}
