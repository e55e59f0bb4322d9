import { Organizations as model } from '../../../content-models'
import { referenceData } from '../publicContent'

export const Organizations = referenceData(model)
