/**
 * Fills the preview page's article skeleton with a draft fetched from the CMS using the
 * staff member's session cookie. Rich text arrives as HTML escaped by the CMS's Lexical
 * converter, the same HTML a published page embeds.
 */
export {}

type Ref = { slug: string; name: string }
type ImageFile = { file: string; width: number; height: number }
type Draft = {
  article: {
    title: string
    summary?: string
    bodyHtml: string
    publishedAt: string
    source?: string
    author?: string
    responsibleEditor?: string
    region?: { name: string }
    categories: Ref[]
    tags: string[]
    cover?: { alt: string; caption?: string; original: ImageFile; sizes: Partial<Record<string, ImageFile>> }
  }
  status?: string
  mediaUrls: Record<string, string>
}

const root = document.querySelector<HTMLElement>('#preview')!
const statusLine = document.querySelector<HTMLElement>('#preview-status')!
const field = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-field="${name}"]`)!
const cms = root.dataset.cms!
const id = new URLSearchParams(location.search).get('id')

const chineseDate = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso))

const item = (text: string) => Object.assign(document.createElement('li'), { textContent: text })

const show = ({ article, status, mediaUrls }: Draft) => {
  document.title = `预览：${article.title}`
  statusLine.textContent =
    status === 'published' ? '预览：这是已发布稿件的最新修改，尚未发布。' : '预览：这篇稿件尚未发布，只有登录的工作人员能看到。'
  field('title').textContent = article.title
  const meta = [
    chineseDate(article.publishedAt),
    article.source && `来源：${article.source}`,
    article.author,
    article.region?.name,
    ...article.categories.map((c) => c.name),
  ]
  field('meta').replaceChildren(...meta.filter((m): m is string => Boolean(m)).map(item))
  field('summary').textContent = article.summary ?? ''
  field('summary').hidden = !article.summary
  const cover = article.cover
  field('cover').hidden = !cover
  if (cover) {
    const file = cover.sizes.hero ?? cover.sizes.card ?? cover.original
    const img = field('cover').querySelector('img') ?? field('cover').insertBefore(document.createElement('img'), field('cover').firstChild)
    Object.assign(img, { src: new URL(mediaUrls[file.file] ?? '', cms).toString(), alt: cover.alt, width: file.width, height: file.height })
    field('cover').querySelector('figcaption')!.textContent = cover.caption ?? ''
  }
  field('body').innerHTML = article.bodyHtml
  field('editor').textContent = article.responsibleEditor ? `责任编辑：${article.responsibleEditor}` : ''
  field('tags').replaceChildren(...article.tags.map(item))
  root.hidden = false
}

const load = async () => {
  if (!id) {
    statusLine.textContent = '缺少稿件编号：请从管理后台的“预览”按钮打开本页。'
    return
  }
  const res = await fetch(`${cms}/api/articles/${encodeURIComponent(id)}/preview`, { credentials: 'include' }).catch(() => undefined)
  if (!res) {
    statusLine.textContent = `无法连接管理后台（${cms}）。`
    return
  }
  const body = await res.json().catch(() => ({}))
  if (!res.ok) {
    statusLine.textContent = body?.errors?.[0]?.message ?? `预览失败（${res.status}）。`
    if (res.status === 401)
      statusLine.append(' ', Object.assign(document.createElement('a'), { href: `${cms}/admin/login`, textContent: '登录管理后台' }))
    return
  }
  show(body as Draft)
}

void load()
