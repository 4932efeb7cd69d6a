// Every shipped catalog by locale. All five are bundled: together they are a few
// tens of kilobytes, less than splitting them per window would save in complexity.
import type { Catalog } from './catalog'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import type { ShippedLocale } from './locales'
import { ptBR } from './pt-BR'

export const CATALOGS: Record<ShippedLocale, Catalog> = { en, 'pt-BR': ptBR, es, de, fr }
