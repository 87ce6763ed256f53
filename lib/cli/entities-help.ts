// The help apart from the command, so that `factsum help` loads no tagger model.

export const ENTITIES_HELP = `factsum entities: named entities of each input line.

Usage:
  factsum entities < lines

Each stdin line is either a JSON object {"id", "text"} (JSON Lines) or plain text (its id is then its line
number, from 1; blank lines are skipped). Prints one JSON line per input, in order:
  {"id", "entities": [{"text", "start", "end", "type"}]}
type is person | organization | place | other (CoNLL-2003 PER, ORG, LOC, MISC); start and end are offsets
into the text (UTF-16 code units, as JavaScript strings count them): text.slice(start, end) is the mention.`;
