/**
 * 我的收藏: the saved services from localStorage, each with its phones (tap to call), when it
 * was saved and whether its offline copy is present. Built with DOM calls, never HTML strings,
 * so a name stored in the browser cannot become markup.
 */
import { OFFLINE_CACHE, pageKey, readSaved, savedAtText, serviceUrl, writeSaved } from '../lib/offline'
import type { SavedService } from '../lib/offline'

const list = document.querySelector<HTMLUListElement>('#saved-list')
const empty = document.querySelector<HTMLElement>('.saved-empty')

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) => {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

const hasCopy = async (s: SavedService) => {
  if (!('caches' in window)) return false
  const cache = await caches.open(OFFLINE_CACHE)
  return (await cache.match(pageKey(new URL(serviceUrl(s.slug), location.href)))) !== undefined
}

const render = async () => {
  if (!list || !empty) return
  const saved = readSaved()
  empty.hidden = saved.length > 0
  const items = await Promise.all(
    saved.map(async (s) => {
      const offline = await hasCopy(s)
      const remove = el('button', { type: 'button', className: 'saved-remove', textContent: '取消收藏' })
      remove.addEventListener('click', async () => {
        writeSaved(readSaved().filter((x) => x.slug !== s.slug))
        if ('caches' in window) await (await caches.open(OFFLINE_CACHE)).delete(pageKey(new URL(serviceUrl(s.slug), location.href)))
        await render()
      })
      const phones = el(
        'ul',
        { className: 'phone-list' },
        ...s.phones
          .filter((p) => /^(tel|sms):[\d+,]+$/.test(p.href))
          .map((p) =>
            el(
              'li',
              {},
              el(
                'a',
                { className: 'tel', href: p.href },
                el('span', { className: 'sr-only', textContent: p.href.startsWith('sms:') ? '发短信' : '拨打' }),
                p.number,
              ),
              ...(p.label ? [el('span', { textContent: p.label })] : []),
            ),
          ),
      )
      return el(
        'li',
        { className: 'card' },
        el(
          'h3',
          {},
          el('a', { href: serviceUrl(s.slug), textContent: s.name }),
          el('span', { className: offline ? 'badge ok' : 'badge', textContent: offline ? '离线可用' : '联网后可打开' }),
        ),
        el('p', { className: 'meta', textContent: `保存于 ${savedAtText(s.savedAt)}` }),
        phones,
        remove,
      )
    }),
  )
  list.replaceChildren(...items)
}

render().catch((error) => console.warn('我的收藏未能显示', error))
