/**
 * The 「收藏」 button: saving puts the service in 我的收藏 (localStorage) and keeps a copy of its
 * page and files for offline use; pressing again removes both. The copy is renewed by the
 * service worker whenever the page is opened online.
 */
import { OFFLINE_CACHE, pageKey, readSaved, savedAtText, serviceUrl, storePage, writeSaved } from '../lib/offline'
import type { SavedService } from '../lib/offline'

const box = document.querySelector<HTMLElement>('[data-save-service]')
const button = box?.querySelector<HTMLButtonElement>('.save-btn')
const status = box?.querySelector<HTMLElement>('.save-status')

const show = (saved: SavedService | undefined) => {
  if (!button || !status) return
  button.setAttribute('aria-pressed', saved ? 'true' : 'false')
  button.textContent = saved ? '已收藏（点此取消）' : '收藏'
  status.textContent = saved ? `离线可用 · 保存于 ${savedAtText(saved.savedAt)}` : ''
}

if (box && button && status && 'caches' in window) {
  const slug = box.dataset.slug ?? ''
  const key = pageKey(new URL(serviceUrl(slug), location.href))
  box.hidden = false
  show(readSaved().find((s) => s.slug === slug))
  button.addEventListener('click', async () => {
    const list = readSaved()
    const existing = list.find((s) => s.slug === slug)
    button.disabled = true
    try {
      if (existing) {
        writeSaved(list.filter((s) => s.slug !== slug))
        await (await caches.open(OFFLINE_CACHE)).delete(key)
        show(undefined)
        status.textContent = '已取消收藏'
        return
      }
      const savedAt = new Date()
      const kept = await storePage(key, await fetch(key, { cache: 'no-cache' }), savedAt)
      if (!kept) throw new Error('the page could not be kept')
      let phones: SavedService['phones'] = []
      try {
        phones = JSON.parse(box.dataset.phones ?? '[]')
      } catch {
        // Without its phones the entry still links to the kept page, which has them.
      }
      const entry: SavedService = { slug, name: box.dataset.name ?? slug, phones, savedAt: savedAt.toISOString() }
      writeSaved([entry, ...list])
      show(entry)
    } catch (error) {
      console.warn('收藏失败', error)
      status.textContent = '没能保存离线副本（可能是网络中断或浏览器存储已满），请联网后再试。'
    } finally {
      button.disabled = false
    }
  })
}
