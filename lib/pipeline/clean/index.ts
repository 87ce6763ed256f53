/** clean: a parsed document → the article body, with furniture lines, repeated paragraphs and wrapped lines dealt with. */
export { cleanArticle } from './clean';
