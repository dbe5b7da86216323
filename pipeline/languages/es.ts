/** Spanish. */
import type { Lexicon } from './lexicon.js';

export const es: Lexicon = {
  code: 'es',
  months: [['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']],
  monthVariants: { setiembre: 9 },
  languageNames: {
    en: ['inglés', 'ingles'],
    fr: ['francés', 'frances'],
    es: ['español', 'espanol'],
    ru: ['ruso'],
    ar: ['árabe'],
    zh: ['chino'],
  },
  stopwords: ['el', 'la', 'los', 'las', 'y', 'del', 'de', 'en', 'para', 'que', 'con', 'por', 'una', 'se'],
  organs: {
    'General Assembly': 'Asamblea General',
    'Security Council': 'Consejo de Seguridad',
    'Economic and Social Council': 'Consejo Económico y Social',
    Secretariat: 'Secretaría',
    'Trusteeship Council': 'Consejo de Administración Fiduciaria',
  },
  summary: ['Resumen'],
  contents: ['Índice'],
  continued: ['continuación'],
  annex: ['Anexo', 'Apéndice'],
  original: ['Original'],
  resolutionHeader: { resolution: 'Resolución', adopted: 'aprobada' },
  officialRecords: ['Documentos Oficiales', 'Suplemento núm', 'Suplemento No'],
  supplement: ['Suplemento núm', 'Suplemento No'],
  symbolsNote: ['Las signaturas de los documentos de las Naciones Unidas se componen'],
  of: ['de', 'del'],
  headingLabels: { Chapter: 'Capítulo', Part: 'Parte', Section: 'Sección', Rule: 'Regla', Article: 'Artículo' },
  page: ['página'],
  contentsColumns: ['Página', 'Párrafos', 'Capítulo'],
  figure: ['Figura', 'Gráfico'],
  first: 'primero',
};
