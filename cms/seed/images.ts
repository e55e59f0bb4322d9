import sharp from 'sharp'

import type { SampleImage } from './types'

/**
 * Sample pictures are drawn here rather than downloaded: the seed must run offline and we
 * own every pixel. Each motif is a few flat shapes on a gradient, 1600×1000 like a camera photo.
 */
const motifs: Record<SampleImage['motif'], (fg: string) => string> = {
  building: (fg) =>
    [300, 560, 820, 1080]
      .map((x, i) => `<rect x="${x}" y="${380 - i * 60}" width="200" height="${620 + i * 60}" fill="${fg}" opacity="${0.55 + i * 0.1}"/>`)
      .join(''),
  people: (fg) =>
    [420, 800, 1180]
      .map(
        (x) =>
          `<circle cx="${x}" cy="430" r="90" fill="${fg}"/><rect x="${x - 130}" y="540" width="260" height="460" rx="120" fill="${fg}"/>`,
      )
      .join(''),
  factory: (fg) =>
    `<path d="M200 1000 V560 L480 700 V560 L760 700 V560 L1040 700 V380 H1200 V1000 Z" fill="${fg}"/><rect x="1080" y="200" width="80" height="200" fill="${fg}" opacity="0.7"/>`,
  book: (fg) =>
    `<path d="M300 300 Q560 220 800 320 V860 Q560 760 300 840 Z" fill="${fg}"/><path d="M1300 300 Q1040 220 800 320 V860 Q1040 760 1300 840 Z" fill="${fg}" opacity="0.8"/>`,
  heart: (fg) => `<path d="M800 880 C300 560 420 220 800 420 C1180 220 1300 560 800 880 Z" fill="${fg}"/>`,
  road: (fg) =>
    `<path d="M620 1000 L760 320 H840 L980 1000 Z" fill="${fg}"/><rect x="1060" y="420" width="300" height="220" rx="30" fill="${fg}" opacity="0.8"/>`,
  trophy: (fg) =>
    `<path d="M560 220 H1040 V420 Q1040 640 800 680 Q560 640 560 420 Z" fill="${fg}"/><rect x="760" y="680" width="80" height="160" fill="${fg}"/><rect x="620" y="840" width="360" height="80" rx="20" fill="${fg}"/>`,
}

export const drawSampleImage = (image: Pick<SampleImage, 'hue' | 'motif'>): Promise<Buffer> => {
  const { hue, motif } = image
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},55%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},60%,38%)"/>
  </linearGradient></defs>
  <rect width="1600" height="1000" fill="url(#g)"/>
  ${motifs[motif](`hsl(${(hue + 180) % 360},35%,94%)`)}
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
