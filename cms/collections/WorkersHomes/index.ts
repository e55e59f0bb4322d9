import { WorkersHomes as model } from '../../../content-models'
import { publicContent } from '../publicContent'

export const WorkersHomes = publicContent(model)
