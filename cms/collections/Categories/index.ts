import { Categories as model } from '../../../content-models'
import { referenceData } from '../publicContent'

export const Categories = referenceData(model)
