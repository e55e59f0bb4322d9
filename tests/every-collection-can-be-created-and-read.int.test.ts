import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraph, pngImage } from './helpers/fixtures'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(() => cms?.close())

describe('every collection can be created and read back', () => {
  it('stores reference data, content with relationships, media sizes and users', async () => {
    const { payload } = cms
    const region = await payload.create({ collection: 'regions', data: { name: '青湖区', code: '339901', level: 'district' } })
    const category = await payload.create({ collection: 'categories', data: { name: '工会要闻', slug: 'union-news', order: 1 } })
    const org = await payload.create({
      collection: 'organizations',
      data: { name: '青湖区总工会', kind: 'federation', region: region.id, phones: [{ number: '0579-85550101', label: '办公室' }] },
    })
    const png = await pngImage(1600, 1000)
    const media = await payload.create({
      collection: 'media',
      data: { alt: '红色背景的测试图片' },
      file: { data: png, mimetype: 'image/png', name: 'test.png', size: png.length },
    })
    // Each size is re-encoded to WebP at its own dimensions.
    expect(media.sizes?.thumbnail).toMatchObject({ width: 320, height: 240, mimeType: 'image/webp' })
    expect(media.sizes?.card).toMatchObject({ width: 640, height: 400, mimeType: 'image/webp' })
    expect(media.sizes?.hero).toMatchObject({ width: 1280, height: 640, mimeType: 'image/webp' })

    const article = await payload.create({
      collection: 'articles',
      data: {
        title: '区总工会召开年度工作会议',
        summary: '会议部署了新一年的重点工作。',
        body: paragraph('会议由区总工会主席主持。'),
        cover: media.id,
        publishedAt: '2025-03-01T01:00:00.000Z',
        source: '青湖区总工会',
        author: '通讯员 张三',
        responsibleEditor: '李四',
        region: region.id,
        organization: org.id,
        categories: [category.id],
        tags: ['工作会议', '年度部署'],
        _status: 'published',
      },
    })
    // A Chinese title still gets an ASCII slug built from the date.
    expect(article.slug).toMatch(/^20250301-[a-z0-9]{6}$/)

    const home = await payload.create({
      collection: 'workers-homes',
      data: {
        name: '东港港务集团职工之家',
        awardLevel: 'national-model',
        yearAwarded: 2023,
        region: region.id,
        facilities: ['book-house', 'mother-room'],
        coordinates: { lat: 30.3, lng: 120.2 },
        _status: 'published',
      },
    })
    const model = await payload.create({
      collection: 'labor-models',
      data: {
        kind: 'collective',
        name: '东港码头桥吊班组',
        honors: [{ title: '全国工人先锋号', level: 'national', year: 2024 }],
        relatedArticles: [article.id],
        _status: 'published',
      },
    })
    const service = await payload.create({
      collection: 'services',
      data: {
        name: '职工法律援助',
        category: 'legal-aid',
        status: 'active',
        audiences: ['member', 'migrant-worker'],
        eligibility: '本区职工',
        howToApply: [{ step: '拨打 12351 预约' }],
        phones: [{ number: '12351', hotline: true, hours: '24 小时' }],
        locations: [
          {
            address: '青湖区湖滨路 1 号',
            district: region.id,
            openingHours: [{ days: { mon: true, tue: true }, opens: '08:30', closes: '17:00' }],
            amenities: ['water'],
          },
        ],
        _status: 'published',
      },
    })
    const first = await payload.create({
      collection: 'users',
      data: { email: 'chief@example.org', password: 'a-long-enough-password', name: '主任', roles: ['editor'] },
    })
    const user = await payload.create({
      collection: 'users',
      data: { email: 'staff@example.org', password: 'a-long-enough-password', name: '王编辑', roles: ['editor'] },
    })

    expect((await payload.findByID({ collection: 'regions', id: region.id, depth: 1 })).code).toBe('339901')
    expect((await payload.findByID({ collection: 'categories', id: category.id, depth: 1 })).slug).toBe('union-news')
    expect((await payload.findByID({ collection: 'organizations', id: org.id, depth: 1 })).phones?.[0]?.number).toBe('0579-85550101')
    expect((await payload.findByID({ collection: 'media', id: media.id, depth: 1 })).alt).toBe('红色背景的测试图片')
    const readArticle = await payload.findByID({ collection: 'articles', id: article.id, depth: 1 })
    expect(readArticle.title).toBe('区总工会召开年度工作会议')
    expect(readArticle.tags).toEqual(['工作会议', '年度部署'])
    expect((readArticle.region as { name: string }).name).toBe('青湖区')
    expect((await payload.findByID({ collection: 'workers-homes', id: home.id, depth: 1 })).facilities).toEqual([
      'book-house',
      'mother-room',
    ])
    expect((await payload.findByID({ collection: 'labor-models', id: model.id, depth: 1 })).honors?.[0]?.title).toBe('全国工人先锋号')
    const readService = await payload.findByID({ collection: 'services', id: service.id, depth: 1 })
    expect(readService.locations?.[0]?.openingHours?.[0]?.days).toMatchObject({ mon: true, tue: true, wed: false })
    expect(readService.phones?.[0]).toMatchObject({ number: '12351', hotline: true })
    // The very first account becomes an admin whatever was asked, so someone can grant roles.
    expect((await payload.findByID({ collection: 'users', id: first.id, depth: 1 })).roles).toEqual(['admin'])
    expect((await payload.findByID({ collection: 'users', id: user.id, depth: 1 })).roles).toEqual(['editor'])
  })
})
