/**
 * One service in the directory: the same card on the server-rendered filter pages (rendered
 * by Astro with no client script) and in the island's results, so a list looks the same
 * whichever made it.
 */
import { smsHref, telHref } from '../lib/format'
import { amapLink, baiduLink } from '../lib/mapLinks'
import { distanceText } from '../lib/nearby'
import type { DirectoryItem } from '../lib/serviceDirectory'
import { routes } from '../routes'

const phoneHref = (p: NonNullable<DirectoryItem['phone']>) => (p.sms ? smsHref(p.number) : telHref(p.number))

/** Where a service is, as the card's 地区 line says it. */
export const whereText = (i: DirectoryItem, districtNames: Record<string, string>) => {
  const names = i.districts.map((d) => districtNames[d] ?? d)
  if (!i.citywide) return names.join('、')
  return names.length ? `${names.join('、')} · 面向全市` : '全市'
}

export interface ServiceCardProps {
  item: DirectoryItem
  open: boolean
  where: string
  /** In the nearest-first list: the distance and place, and the open state to spell out. */
  near?: { metres?: number; place?: number; state: 'open' | 'closed' | 'unknown' }
}

const OPEN_WORDS = { open: '现在开放', closed: '现在未开放', unknown: '开放时间请电话确认' } as const

export default function ServiceCard({ item: i, open, where, near }: ServiceCardProps) {
  const place = near?.place !== undefined ? i.places[near.place] : undefined
  const mapPlace = place && { ...place, name: place.name ?? i.name }
  return (
    <li id={near ? undefined : `svc-${i.slug}`} className="card svc-item">
      <h3 className="svc-name">
        <a href={routes.service.url({ slug: i.slug })}>{i.name}</a>
        {i.status !== 'active' && <span className="badge warn">{i.status === 'ended' ? '已停止' : '暂停服务'}</span>}
        {near
          ? i.status === 'active' && <span className={`badge ${near.state === 'open' ? 'ok' : ''}`}>{OPEN_WORDS[near.state]}</span>
          : open && <span className="badge ok">现在开放</span>}
      </h3>
      {near && (
        <p className="svc-line svc-distance">
          <span className="svc-k">距离</span>
          {near.metres !== undefined && place ? (
            <>
              <strong>{distanceText(near.metres)}</strong> · {place.name ? `${place.name}，` : ''}
              {place.address}
            </>
          ) : (
            '没有登记位置，请电话咨询'
          )}
        </p>
      )}
      {i.eligibility && (
        <p className="svc-line">
          <span className="svc-k">适用</span>
          {i.eligibility}
        </p>
      )}
      <p className="svc-line">
        <span className="svc-k">地区</span>
        {where}
      </p>
      {i.phone && (
        <p className="svc-call">
          <a className="tel" href={phoneHref(i.phone)} style={{ whiteSpace: 'nowrap' }}>
            {i.phone.sms && <span className="sr-only">发短信 </span>}
            {i.phone.number}
          </a>
          {i.phone.label && <span className="svc-phone-label">{i.phone.label}</span>}
        </p>
      )}
      {mapPlace && (
        <p className="svc-maps">
          <span className="svc-k">地图</span>
          <a href={amapLink(mapPlace)} rel="external noopener">
            高德地图导航
          </a>
          <a href={baiduLink(mapPlace)} rel="external noopener">
            百度地图导航
          </a>
        </p>
      )}
    </li>
  )
}
