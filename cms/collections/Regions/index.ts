import { Regions as model } from '../../../content-models'
import { referenceData } from '../publicContent'

export const Regions = referenceData(model)
