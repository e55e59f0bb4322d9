import { Services as model } from '../../../content-models'
import { publicContent } from '../publicContent'

export const Services = publicContent(model)
