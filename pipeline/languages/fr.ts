/** French. */
import type { Lexicon } from './lexicon.js';

export const fr: Lexicon = {
  code: 'fr',
  months: [['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']],
  languageNames: { en: ['anglais'], fr: ['français', 'francais'], es: ['espagnol'], ru: ['russe'], ar: ['arabe'], zh: ['chinois'] },
  stopwords: ['le', 'la', 'les', 'des', 'et', 'du', 'de', 'dans', 'pour', 'que', 'qui', 'une', 'sur', 'au', 'aux'],
  conjunctions: ['et', 'ou'],
  organs: {
    'General Assembly': 'Assemblée générale',
    'Security Council': 'Conseil de sécurité',
    'Economic and Social Council': 'Conseil économique et social',
    Secretariat: 'Secrétariat',
    'Trusteeship Council': 'Conseil de tutelle',
  },
  summary: ['Résumé'],
  contents: ['Table des matières'],
  continued: ['suite'],
  annex: ['Annexe', 'Appendice', 'Pièce jointe'],
  original: ['Original'],
  resolutionHeader: { resolution: 'Résolution', adopted: 'adoptée' },
  officialRecords: ['Documents officiels', 'Supplément no', 'Supplément n°'],
  supplement: ['Supplément no', 'Supplément n°'],
  symbolsNote: ['Les cotes des documents de l’Organisation des Nations Unies se composent'],
  draftLabels: ['Projet de résolution', 'Projet de décision'],
  of: ['de'],
  headingLabels: { Chapter: 'Chapitre', Part: 'Partie', Section: 'Section', Rule: 'Règle', Article: 'Article' },
  page: ['page'],
  contentsColumns: ['Paragraphes', 'Chapitre'],
  figure: ['Figure', 'Graphique'],
  first: 'premier',
};
