/**
 * Bytes of a text file to a normalised string, or the reason the file is not an article. Newsroom
 * exports are UTF-8 or, from older Windows tools, Windows-1252; anything else is refused rather
 * than decoded to mojibake that would then be indexed.
 */

export type DecodeOutcome = { text: string } | { skip: string };

/** Binary formats are recognised from their first bytes; a text file never needs more to tell. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes above which a NUL-free file is still binary. */
const MAX_CONTROL_SHARE = 0.05;
/** Share of non-ASCII bytes above which a file is not Western European text in a single-byte code. */
const MAX_HIGH_SHARE = 0.3;
/** Among that many non-ASCII bytes, at least half must decode to letters in real Latin-1 text. */
const LETTER_SAMPLE = 10;

// The BOM is stripped by the decoder (ignoreBOM defaults to false).
const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');
/**
 * Windows-1252's characters for bytes 0x80–0x9F (the five undefined bytes keep their C1 code and
 * never get here). Node 20.18.3 and later decode this range as Latin-1 control characters
 * (nodejs/node#60888), which would turn every „quote“ and dash into an invisible control; mapping
 * the range after decoding gives the right text with or without that bug.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

export function decodeText(bytes: Buffer): DecodeOutcome {
  if (bytes.length === 0) return { skip: 'empty' };
  if (isUtf16Bom(bytes)) return { skip: 'not UTF-8' };
  if (looksBinary(bytes)) return { skip: 'binary' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    if (!plausibleWindows1252(bytes)) return { skip: 'not UTF-8' };
    text = windows1252.decode(bytes).replace(C1, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  if (!/\S/.test(text)) return { skip: 'empty' };
  return { text: text.replace(/\r\n?/g, '\n').normalize('NFC') };
}

/** UTF-16 is text, but not the encoding this tool reads; saying so beats calling it binary. */
function isUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    // Tab, line feed, vertical tab, form feed, carriage return and the DOS end-of-file mark occur in text.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1a) || b === 0x7f) controls++;
  }
  return controls > end * MAX_CONTROL_SHARE;
}

/**
 * Whether bytes that are not UTF-8 read as Windows-1252 text: no byte the code page leaves
 * undefined, few non-ASCII bytes, mostly letters among them, and not mostly UTF-8 sequences
 * (decoding damaged UTF-8 as Windows-1252 would garble every umlaut).
 */
function plausibleWindows1252(bytes: Buffer): boolean {
  let high = 0;
  let letters = 0;
  let utf8Pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    high++;
    if (b >= 0xc0 && b !== 0xd7 && b !== 0xf7) letters++;
    const next = bytes[i + 1];
    if (b >= 0xc2 && b <= 0xf4 && next !== undefined && next >= 0x80 && next <= 0xbf) utf8Pairs++;
  }
  if (high > bytes.length * MAX_HIGH_SHARE) return false;
  // Half of the non-ASCII bytes pairing up as UTF-8 sequences means UTF-8 with a few damaged bytes.
  if (utf8Pairs > 0 && utf8Pairs * 4 >= high) return false;
  return high < LETTER_SAMPLE || letters * 2 >= high;
}
