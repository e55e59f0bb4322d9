import { pagefindBackend } from './searchPagefind'
import { serverBackend } from './searchServer'
import { startSearchPage } from './searchView'

/**
 * The search page: on the project's own server (<html data-search="server">) the results are
 * already in the page and later queries go to /search.json; on a plain static host, Pagefind.
 */
const start = async () => {
  const server = document.documentElement.dataset.search === 'server'
  try {
    const backend = server
      ? serverBackend()
      : await pagefindBackend().catch((error: unknown) => {
          console.error('搜索索引加载失败，重试一次', error)
          return pagefindBackend()
        })
    startSearchPage(document, backend, { serverRendered: server })
  } catch (error) {
    console.error('搜索索引加载失败', error)
    const status = document.querySelector('#search-status')
    if (status) status.textContent = '搜索暂时不可用，请稍后再试，或浏览新闻归档与服务目录。'
  }
}

void start()
