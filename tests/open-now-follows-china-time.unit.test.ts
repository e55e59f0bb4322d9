import { describe, expect, it } from 'vitest'

import type { SnapshotHours, SnapshotHoursException } from '../content-models/snapshot'
import { chinaClock, hoursFromText, isOpenAt, openState } from '../site/lib/openNow'

/** A moment given in China time, whatever zone the test machine runs in. */
const cn = (local: string) => new Date(`${local}+08:00`)

const weekdays9to5: SnapshotHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], allDay: false, opens: '09:00', closes: '17:00' }]

// 2026-11-16 is a Monday; 2026-11-21 a Saturday; 2026-11-22 a Sunday.
describe('open now follows China time', () => {
  it('reads the weekday and time in UTC+8, not the machine zone', () => {
    // 17:30 UTC on Sunday is 01:30 on Monday in China.
    expect(chinaClock(new Date('2026-11-15T17:30:00Z'))).toEqual({ date: '2026-11-16', weekday: 'mon', minutes: 90 })
    // 02:00 UTC Monday is 10:00 Monday in China: open; the UTC clock alone would say 02:00.
    expect(isOpenAt(weekdays9to5, [], new Date('2026-11-16T02:00:00Z'))).toBe(true)
    // 10:00 UTC Friday is 18:00 Friday in China: closed, though 10:00 looks like office hours.
    expect(isOpenAt(weekdays9to5, [], new Date('2026-11-20T10:00:00Z'))).toBe(false)
  })

  it('opens at the opening minute and closes at the closing minute', () => {
    expect(openState(weekdays9to5, [], cn('2026-11-16T08:59:59'))).toBe('closed')
    expect(openState(weekdays9to5, [], cn('2026-11-16T09:00:00'))).toBe('open')
    expect(openState(weekdays9to5, [], cn('2026-11-16T16:59:00'))).toBe('open')
    expect(openState(weekdays9to5, [], cn('2026-11-16T17:00:00'))).toBe('closed')
  })

  it('is closed on days without a rule', () => {
    expect(openState(weekdays9to5, [], cn('2026-11-21T10:00:00'))).toBe('closed')
  })

  it('treats allDay as open around the clock', () => {
    const always: SnapshotHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true }]
    expect(isOpenAt(always, [], cn('2026-11-22T03:00:00'))).toBe(true)
    expect(isOpenAt(always, [], cn('2026-11-22T00:00:00'))).toBe(true)
    expect(isOpenAt(always, [], cn('2026-11-22T23:59:00'))).toBe(true)
  })

  it('combines several rules and split shifts', () => {
    const split: SnapshotHours[] = [
      { days: ['mon'], allDay: false, opens: '08:30', closes: '12:00' },
      { days: ['mon'], allDay: false, opens: '14:00', closes: '17:30' },
      { days: ['sat'], allDay: false, opens: '09:00', closes: '12:00' },
    ]
    expect(isOpenAt(split, [], cn('2026-11-16T11:00:00'))).toBe(true)
    expect(isOpenAt(split, [], cn('2026-11-16T13:00:00'))).toBe(false)
    expect(isOpenAt(split, [], cn('2026-11-16T15:00:00'))).toBe(true)
    expect(isOpenAt(split, [], cn('2026-11-21T10:00:00'))).toBe(true)
  })

  it('runs a session past midnight into the next day, and 24:00 means midnight', () => {
    const lateFriday: SnapshotHours[] = [{ days: ['fri'], allDay: false, opens: '20:00', closes: '02:00' }]
    expect(isOpenAt(lateFriday, [], cn('2026-11-20T23:00:00'))).toBe(true) // Friday night
    expect(isOpenAt(lateFriday, [], cn('2026-11-21T01:30:00'))).toBe(true) // Saturday small hours
    expect(isOpenAt(lateFriday, [], cn('2026-11-21T02:00:00'))).toBe(false)
    expect(isOpenAt(lateFriday, [], cn('2026-11-20T01:30:00'))).toBe(false) // Thursday's night had no session
    const toMidnight: SnapshotHours[] = [{ days: ['sat'], allDay: false, opens: '18:00', closes: '24:00' }]
    expect(isOpenAt(toMidnight, [], cn('2026-11-21T23:59:00'))).toBe(true)
    expect(isOpenAt(toMidnight, [], cn('2026-11-22T00:00:00'))).toBe(false)
  })

  it('lets a closed exception shut the whole date', () => {
    const holiday: SnapshotHoursException[] = [{ date: '2026-11-16', closed: true, note: '设备检修' }]
    expect(openState(weekdays9to5, holiday, cn('2026-11-16T10:00:00'))).toBe('closed')
    expect(openState(weekdays9to5, holiday, cn('2026-11-17T10:00:00'))).toBe('open')
  })

  it('closes a 24-hour place on its closed date too', () => {
    const always: SnapshotHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true }]
    const closed: SnapshotHoursException[] = [{ date: '2026-11-22', closed: true }]
    expect(isOpenAt(always, closed, cn('2026-11-22T12:00:00'))).toBe(false)
    expect(isOpenAt(always, closed, cn('2026-11-21T23:00:00'))).toBe(true)
  })

  it('uses special hours on an exception date instead of the weekday rules', () => {
    const shortDay: SnapshotHoursException[] = [{ date: '2026-11-16', closed: false, opens: '09:00', closes: '12:00' }]
    expect(isOpenAt(weekdays9to5, shortDay, cn('2026-11-16T11:00:00'))).toBe(true)
    expect(isOpenAt(weekdays9to5, shortDay, cn('2026-11-16T13:00:00'))).toBe(false)
    // A make-up working Sunday (调休) opens a day the weekly rules keep shut.
    const makeUp: SnapshotHoursException[] = [{ date: '2026-11-22', closed: false, opens: '09:00', closes: '17:00' }]
    expect(isOpenAt(weekdays9to5, makeUp, cn('2026-11-22T10:00:00'))).toBe(true)
  })

  it('keeps the regular rules when an exception is only a note', () => {
    const note: SnapshotHoursException[] = [{ date: '2026-11-16', closed: false, note: '请走北门' }]
    expect(isOpenAt(weekdays9to5, note, cn('2026-11-16T10:00:00'))).toBe(true)
  })

  it('matches exception dates by the China date, not the UTC date', () => {
    // 2026-11-16 20:00 UTC is already 2026-11-17 04:00 in China.
    const closed17th: SnapshotHoursException[] = [{ date: '2026-11-17', closed: true }]
    const always: SnapshotHours[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true }]
    expect(isOpenAt(always, closed17th, new Date('2026-11-16T20:00:00Z'))).toBe(false)
    expect(isOpenAt(always, closed17th, new Date('2026-11-16T15:00:00Z'))).toBe(true) // 23:00 on the 16th
  })

  it('says unknown, not closed, when there are no hours at all', () => {
    expect(openState([], [], cn('2026-11-16T10:00:00'))).toBe('unknown')
    expect(isOpenAt([], [], cn('2026-11-16T10:00:00'))).toBe(false)
    // …but a dated closure is known even without weekly rules.
    expect(openState([], [{ date: '2026-11-16', closed: true }], cn('2026-11-16T10:00:00'))).toBe('closed')
  })

  it('reads phone hours written as text', () => {
    expect(hoursFromText('24 小时')).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: true }])
    expect(hoursFromText('工作日 8:30-17:00')).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], allDay: false, opens: '08:30', closes: '17:00' },
    ])
    expect(hoursFromText('每天 7:00-21:00')).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], allDay: false, opens: '07:00', closes: '21:00' },
    ])
    expect(hoursFromText('周一至周六 9:00-12:00、14:00-17:00')).toHaveLength(2)
    expect(hoursFromText('周六至周日 9:00-12:00')?.[0]?.days).toEqual(['sat', 'sun'])
    // No days named: no guess.
    expect(hoursFromText('开放时间内')).toBeUndefined()
    expect(hoursFromText('9:00-17:00')).toBeUndefined()
    expect(hoursFromText(undefined)).toBeUndefined()
    const hotline = hoursFromText('工作日 8:30-17:00')!
    expect(isOpenAt(hotline, [], cn('2026-11-16T08:30:00'))).toBe(true)
    expect(isOpenAt(hotline, [], cn('2026-11-21T10:00:00'))).toBe(false)
  })
})
