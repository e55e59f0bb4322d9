/**
 * The site's own inline scripts, the larger-text mode (适老化) that persists in localStorage.
 * They live here rather than in Base.astro so the server (site/serve.ts) can list their
 * SHA-256 hashes in its Content-Security-Policy: with no 'unsafe-inline', an inline script
 * runs only if its exact text is listed, so markup slipped into content would not run.
 */

/** In <head>: applies the saved text size before first paint so the page does not jump. */
export const textSizeInit = `try{var s=localStorage.getItem('text-size');if(s)document.documentElement.dataset.size=s}catch(e){}`

/**
 * In <head>: marks the page as having script, so controls that only script can work (the
 * service directory's filter form) are laid out from the first paint, not added later, and
 * are left out when script is off.
 */
export const scriptOn = `document.documentElement.classList.add('js')`

/** At the end of <body>: the 大字 / 标准字号 button. */
export const textSizeToggle = `(function(){var b=document.getElementById('text-size'),h=document.documentElement;function u(){var on=h.dataset.size==='large';b.setAttribute('aria-pressed',on?'true':'false');b.textContent=on?'标准字号':'大字'}u();b.addEventListener('click',function(){h.dataset.size=h.dataset.size==='large'?'':'large';try{localStorage.setItem('text-size',h.dataset.size)}catch(e){}u()})})()`

/**
 * At the end of <body>: registers the service worker (/sw.js) that keeps the hotlines, the
 * directory and saved services for use offline. Inline rather than a file so article pages
 * still load no script file; a browser without service workers just has the site.
 */
export const offlineRegister = `if('serviceWorker'in navigator)addEventListener('load',function(){navigator.serviceWorker.register('/sw.js').catch(function(e){console.warn('离线功能未能启用',e)})})`
