import type { SampleRegion } from '../types'

/**
 * Administrative divisions used by the sample content. Only the province is real; the city
 * 江南市 (339900) and everything under it are fictional, so codes 3399xx never collide with
 * a real division.
 */
export const regions: SampleRegion[] = [
  { code: '330000', name: '浙江省', level: 'province' },
  { code: '339900', name: '江南市', level: 'city', parentCode: '330000' },

  // Districts (区县)
  { code: '339901', name: '青湖区', level: 'district', parentCode: '339900' },
  { code: '339902', name: '东港区', level: 'district', parentCode: '339900' },
  { code: '339921', name: '云溪县', level: 'district', parentCode: '339900' },

  // Subdistricts and towns (街道乡镇): 0xx for 街道, 1xx for 镇
  { code: '339901001', name: '湖滨街道', level: 'subdistrict', parentCode: '339901' },
  { code: '339901002', name: '望山街道', level: 'subdistrict', parentCode: '339901' },
  { code: '339902001', name: '港城街道', level: 'subdistrict', parentCode: '339902' },
  { code: '339902002', name: '海澄街道', level: 'subdistrict', parentCode: '339902' },
  { code: '339921001', name: '溪口街道', level: 'subdistrict', parentCode: '339921' },
  { code: '339921101', name: '竹岭镇', level: 'subdistrict', parentCode: '339921' },
]
