/**
 * Word lists the tagger uses as features and the post-rules use as evidence. Lower case; matched against a
 * token's lower-case form. They are news conventions written by hand, not taken from any data set.
 */

/** Words that introduce a person's name: "President Ahmed …", "Mr Smith", "Prime Minister …". */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady president vice-president ' +
    'minister secretary chancellor senator sen sen. rep rep. representative governor gov gov. judge justice ' +
    'king queen prince princess pope chairman chairwoman chair mayor ambassador general gen gen. captain ' +
    'capt capt. colonel col col. lieutenant lt lt. sergeant sgt sgt. major inspector detective rev rev. ' +
    'reverend sheikh sheik emir imam ayatollah cardinal archbishop bishop coach commissioner director ' +
    'spokesman spokeswoman spokesperson premier chief envoy commander admiral marshal ceo chief-executive ' +
    'striker midfielder defender goalkeeper manager skipper veteran champion singer actor actress author ' +
    'writer lawyer economist analyst founder leader rapper pianist poet novelist'
  ).split(' '),
);

/** Last words of organisation names: "Acme Ltd", "Ministry …", "Bank of …". */
export const ORG_WORDS: ReadonlySet<string> = new Set(
  (
    'inc inc. ltd ltd. corp corp. corporation co co. company plc llc ag sa nv gmbh bv spa ab asa oyj group ' +
    'bank ministry department council university college commission committee agency association ' +
    'authority party parliament congress senate court police federation union institute foundation fund ' +
    'office board service trust airlines airways motors holdings partners securities exchange club fc ' +
    'organisation organization network reserve assembly cabinet army navy forces society league studios ' +
    'industries technologies systems communications telecom energy petroleum pharmaceuticals insurance ' +
    'media press times news post journal agency bureau front movement brigade council directorate'
  ).split(' '),
);

/**
 * Lower-case particles inside personal names: "Ahmed al-Sharaa", "Osama bin Laden", "Ludwig van Beethoven",
 * "Oscar de la Hoya", "Luiz da Silva", "Leonardo di Caprio", "Jean le Pen", "Gerard ter Horst".
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'al el bin ibn bint abu abd van der den von zu de del della la le da das dos du di ter ten mac'.split(' '),
);

/** Hyphen-joined prefixes of names: "al-Sharaa", "el-Sisi", "bin-Salman", "abu-Bakr". */
export const NAME_PREFIXES: readonly string[] = ['al-', 'el-', 'ul-', 'ad-', 'as-', 'an-', 'bin-', 'abu-'];
