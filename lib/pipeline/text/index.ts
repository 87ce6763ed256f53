/** text: sentence segmentation, word tokens and content terms shared by the summary, claims and corpus stages. */
export { createScratch, type Scratch } from './scratch';
export { segmentSentences } from './segment';
export { STOPWORDS } from './stopwords';
export { contentTerms, indexContentTerms, type TermIndex, tokenizeWords } from './tokenize';
