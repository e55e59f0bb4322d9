/**
 * Registers the service worker (/sw.js) that keeps the hotlines, the service directory and
 * saved services for use with no network. A browser without service workers just has the site.
 */
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.warn('离线功能未能启用', error))
  })
}
