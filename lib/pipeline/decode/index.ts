/** decode: input bytes → Unicode text (BOMs, charsets, UTF-16, Windows-1252), or a rejection for binary and undecodable input. */
export { type DecodeOptions, decodeBytes } from './decode';
