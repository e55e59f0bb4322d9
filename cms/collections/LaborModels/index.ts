import { LaborModels as model } from '../../../content-models'
import { publicContent } from '../publicContent'

export const LaborModels = publicContent(model)
