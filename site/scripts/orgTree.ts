/**
 * Filters the organization tree as the worker types: an organization shows when every word
 * is in its name, kind, region, address or phones, and its parents stay visible so the match
 * keeps its place in the tree. Without script the box submits to the site search (类型 工会组织).
 */
const input = document.querySelector<HTMLInputElement>('#org-q')
const statusLine = document.querySelector<HTMLElement>('.org-find-status')
const none = document.querySelector<HTMLElement>('.org-none')
const nodes = [...document.querySelectorAll<HTMLElement>('[data-org-node]')]

const own = (li: HTMLElement) => (li.dataset.orgText ?? '').toLowerCase()

const apply = () => {
  const words = (input?.value ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  let shown = 0
  // Deepest first: a node shows when it matches or any child shows.
  for (const li of [...nodes].reverse()) {
    const childShown = [...li.querySelectorAll<HTMLElement>(':scope > ul > [data-org-node]')].some((c) => !c.hidden)
    const match = words.length === 0 || words.every((w) => own(li).includes(w))
    li.hidden = !(match || childShown)
    if (match && words.length) shown++
  }
  if (statusLine) statusLine.textContent = words.length ? `找到 ${shown} 个工会组织` : ''
  if (none) none.hidden = !words.length || shown > 0
}

input?.addEventListener('input', apply)
input?.form?.addEventListener('submit', (e) => {
  e.preventDefault()
  apply()
})

export {}
