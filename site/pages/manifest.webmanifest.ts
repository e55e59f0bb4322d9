import type { APIRoute } from 'astro'

import { site } from '../lib/site'
import { routes } from '../routes'

/**
 * The web app manifest: 添加到主屏幕 opens the portal like an app, under the union's own name.
 * Offline it opens on 我的收藏 (the service worker's stand-in for pages it does not keep).
 */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: site.name,
      short_name: site.name,
      description: `${site.name}${site.tagline}：热线、职工服务、户外劳动者驿站`,
      lang: 'zh-CN',
      dir: 'ltr',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#a61b1b',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
      shortcuts: [
        { name: '服务热线', url: routes.hotlines.url({}) },
        { name: '我的收藏', url: routes.saved.url({}) },
        { name: '户外劳动者驿站', url: routes.restStations.url({}) },
      ],
    }),
    { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } },
  )
