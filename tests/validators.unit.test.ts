import { describe, expect, it } from 'vitest'

import {
  validateDivisionCode,
  validateLatitude,
  validateLongitude,
  validatePhone,
  validateTime,
  validateUrl,
} from '../content-models/validate'

describe('phone numbers', () => {
  it.each(['12351', '0579-85123456', '(0579)85123456', '13800138000', '+86 138 0013 8000', '400-800-1234', '0579-85123456转201'])(
    'accepts %s',
    (number) => expect(validatePhone(number)).toBe(true),
  )
  it.each(['1235', '123456789012345', '电话', '0579-8512', '12351abc'])('rejects %s with an example of a valid number', (number) => {
    const message = validatePhone(number)
    expect(message).toContain(number)
    expect(message).toContain('12351')
  })
  it('leaves an empty optional phone alone', () => expect(validatePhone('')).toBe(true))
})

describe('coordinates', () => {
  it('accepts WGS84 values in range', () => {
    expect(validateLatitude(30.27)).toBe(true)
    expect(validateLongitude(120.15)).toBe(true)
  })
  it('rejects out-of-range values and says the range', () => {
    expect(validateLatitude(120.15)).toMatch(/-90 到 90/)
    expect(validateLongitude(200)).toMatch(/-180 到 180/)
  })
})

describe('other formats', () => {
  it('checks division codes, times and URLs', () => {
    expect(validateDivisionCode('330106')).toBe(true)
    expect(validateDivisionCode('339901001')).toBe(true)
    expect(validateDivisionCode('3301')).toMatch(/6 位/)
    expect(validateTime('08:30')).toBe(true)
    expect(validateTime('8点半')).toMatch(/24 小时制/)
    expect(validateUrl('https://example.org/a')).toBe(true)
    expect(validateUrl('javascript:alert(1)')).toMatch(/http/)
  })
})
