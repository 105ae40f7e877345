/**
 * From the text of a saved web page to an article: boilerplate is dropped so that it never becomes
 * a claim or a source, and title, outlet, date and language are read from the text itself.
 *
 * Each line is classified on its own (caption, plug, navigation, …) with anchored or tail-bounded
 * patterns, then a few passes use the neighbours a line cannot see alone: the headline after a
 * "Lesen Sie auch:", the teaser before a "Zur Story", the duplicate above a photo credit, the
 * summary bullets under a photo. Every pass is linear in the number of lines, and lines longer
 * than any boilerplate are not matched against boilerplate at all, so a long body costs a scan.
 */
import type { CleanArticle, Language } from '../types.ts';
import { parsePublished } from './dates.ts';
import { findOutlet } from './outlets.ts';

/** Content kinds become paragraphs (text, bullet) or are left out as headings; every other kind is dropped. */
type Kind =
  | 'text'
  | 'heading'
  | 'bullet'
  | 'caption'
  | 'credit'
  | 'source-credit'
  | 'plug'
  | 'footer'
  | 'signature'
  | 'navigation'
  | 'meta'
  | 'teaser-marker'
  | 'teaser'
  | 'story-link'
  | 'summary'
  | 'duplicate'
  | 'foreign'
  | 'decoration';

interface Line {
  text: string;
  /** Lines of one block are separated by single newlines; blocks by blank lines. */
  block: number;
  kind: Kind;
}

/** The longest boilerplate line seen in the wild is a 600-character wire caption; longer lines are prose. */
const MAX_BOILERPLATE = 700;
/** Follow-us plugs and footer lines are short; a longer line mentioning WhatsApp or cookies is a story about them. */
const MAX_PLUG = 400;
const MAX_FOOTER = 300;
/** Stamps and datelines are short; a longer line starting with "Stand" is prose. */
const MAX_STAMP = 100;
/** A heading is a short line without final punctuation; a longer one is prose that lost its full stop. */
const MAX_HEADING = 200;
/** A title may end with punctuation only when it is this short and a single sentence. */
const MAX_PUNCTUATED_TITLE = 150;
/** Hard-wrapped text has lines no longer than this, and at least one at least `WRAP_MIN_WIDTH` long. */
const WRAP_MAX_WIDTH = 100;
const WRAP_MIN_WIDTH = 50;
/** Teaser lists after "Mehr zum Thema" are short; more headlines than this are the article's own. */
const MAX_TEASER_HEADLINES = 5;
/** Lines looked ahead from "Lesen Sie auch:" for its headlines. */
const TEASER_LOOKAHEAD = 12;
/** Lines looked back from "Zur Story" for the teaser's headline. */
const STORY_LOOKBACK = 8;
/** A pull quote is at least this long (shorter repeats, "Ja.", happen by chance) and at most `MAX_REPEAT`. */
const MIN_REPEAT = 40;
const MAX_REPEAT = 400;
/** A pull quote sits near the paragraph it quotes; looking further back would make the pass quadratic. */
const REPEAT_WINDOW = 20;
/** Enough text for stop words to decide the language (some 150 words, a third of them stop words). */
const LANGUAGE_SAMPLE = 1000;

const TERMINALS = '.!?…:;';
const CLOSERS = '"\'“”„»«’‘)]';
const QUOTES = '"„“”»«';
const HAS_WORD = /[\p{L}\p{N}]/u;
const STARTS_LIKE_HEADING = /^[\p{Lu}\p{N}"„“»«'‚(]/u;
const INNER_SENTENCE = /[.!?]["“”»]?\s+["„“»]?\p{Lu}/u;
const BULLET = /^(?:[•·▪●◦‣]|[*–-](?=\s))\s*/;
const STARTS_LOWER = /^\p{Ll}/u;
const WRAP_END = /[,\-–]$/;

const FOREIGN_SCRIPT = /[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const FOREIGN_LETTERS = /[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const LATIN_LETTERS = /[A-Za-z\u00c0-\u024f]/g;

// Photo captions and credits.
const PHOTO_MARKER = /\((?:Symbol|Archiv)(?:bild|foto)\)|\((?:Foto|Bild|Video)\)\s*Suche$/;
/** "… Sache.Bild: Pool Sputnik Kremlin/AP": a credit label after a caption, with no sentence after it. */
const CREDIT_LABEL = /(?:^|[.!?)"“”]\s*)(?:Bild|Fotos?|Grafik|Illustration|Bildquelle|Fotoquelle|Photo|Image)\s*:\s*[^.!?]{2,160}$/;
const PHOTO_AGENCY =
  /(?:picture[ -]alliance|\bimago(?: images)?\b|\bGetty Images\b|\bShutterstock\b|\biStock(?:photo)?\b|\bdpa-Bildfunk\b|\bKeystone\b|\bAP Photo\b)[^.!?]{0,120}$/i;
const COPYRIGHT_TAIL = /©[^.!?]{0,120}$/;
const COPYRIGHT_LINE = /^(?:Copyright\s*)?©/i;
/** "RUSSIA, KHERSON REGION - OCTOBER 9, 2024: …", the wire's own caption. */
const WIRE_CAPTION = /^\p{Lu}{2,}(?:[\s,'’/&.-]+\p{Lu}{2,})*\s[-–]\s\p{Lu}{3,9}\.?\s\d{1,2},?\s\d{4}:/u;
/** "ARCHIV - 19.06.2024, Nordkorea, Pjöngjang: …", the German agencies' caption. */
const AGENCY_CAPTION = /^(?:(?:ARCHIV|HANDOUT)\s*[-–—]\s*)?\d{1,2}\.\d{1,2}\.\d{4},\s*\p{Lu}[^:]{0,100}:\s/u;
const ARCHIVE_CAPTION = /^(?:ARCHIV|HANDOUT)\s*[-–—]\s/;
/** A caption cut off by the page: only a caption when it sits beside one. */
const TRUNCATED = /\s(?:\.\.\.|…)$/;

// Plugs, footers and signatures.
const CHANNEL =
  /\b(?:whats ?app|instagram|facebook|twitter|telegram|tiktok|youtube|pinterest|threads|bluesky|linkedin|google news|newsletter|broadcast-channel|push-nachrichten)\b/i;
/**
 * The outlet addressing its reader about its own channels ("Folgen Sie …", "dein watson-Update",
 * "Watson ist jetzt auf WhatsApp"); a story that mentions a channel ("Die Partei setzt jetzt auf
 * TikTok") has none of these.
 */
const PLUG_CUE =
  /\b(?:folgen sie|folge uns|folgt uns|abonnieren sie|abonniere uns|melden sie sich|hier finden sie|hier findest du|dein [\w-]*update|unser(?:en|em)? (?:[\w-]+-)?(?:kanal|channel|newsletter))\b|^(?:jetzt auf|[\p{L}.-]+ ist jetzt (?:auf|bei))\b/iu;
/** A plug never quotes anyone; a line with typographic quotes reports what someone said ("„Folgen Sie mir auf X“"). */
const SPEECH = /[„“”]/;
const LINK_PROMPT = /^(?:Hier finden Sie|Hier findest du|Hier geht(?:'s| es) zu[mr]?)\b/;
const FOOTER =
  /journalistischen Standards|Alle Rechte vorbehalten|All rights reserved|\b(?:wir verwenden|wir nutzen|diese (?:website|seite) (?:verwendet|nutzt)) cookies\b|\bcookies? (?:akzeptieren|zustimmen|zulassen|ablehnen)\b|\bcookie-einstellungen\b|\b(?:we use|this site uses) cookies\b/i;
/** "/bua/news.de", "/news.de/dpa/stg": the newsroom's author and channel path. */
const SIGNATURE = /^\/?(?:[\w.-]{1,20}\/){1,5}[\w.-]{0,20}$/;
/** "(pm)", "(dpa)", "(APA, 12.9.2015)" on a line of their own. */
const TAG_LINE = /^\(\p{L}{1,12}(?:\/\p{L}{1,12})*(?:,\s*\d{1,2}\.\d{1,2}\.\d{2,4})?\)$/u;
/** The same tag after the last sentence of a paragraph. */
const TRAILING_TAG = /[.!?…"“”»]\s*\((\p{L}{1,12}(?:\/\p{L}{1,12})*)(?:,\s*\d{1,2}\.\d{1,2}\.\d{2,4})?\)$/u;
const TRAILING_TAG_TEXT = /\s*\([^()]{1,40}\)$/;
const SOURCE_LINE = /^Quellen?\s*:\s*(.{1,60})$/;
/** "Berlin (dpa) – …", "(AFP/dpa) - …" at the start of the first paragraph. */
const DATELINE = /^(?:\p{Lu}[\p{L}.\- ]{0,40}?\s)?\(([\p{L}/, ]{2,30})\)\s*[-–—:]\s/u;

// Navigation, labels and teasers.
const TEASER_MARKER =
  /^(?:Lesen Sie (?:auch|außerdem|ebenfalls|hier|mehr)(?:\s+noch)?|Mehr zum Thema|Mehr dazu|Auch interessant|Ebenfalls interessant|Das könnte Sie (?:auch )?interessieren|Weitere Artikel|Weitere Nachrichten|Passend zum Thema|Siehe auch|Empfohlene Artikel|Empfehlungen der Redaktion|Read more|Read also|Also read|Related(?: articles| stories)?)\s*(?::\s*(.*))?$/i;
const TOPICS = /^(?:Themen|Schlagworte|Schlagwörter|Stichworte|Tags)\s*:/i;
const SECTION_LINK = /^Mehr\s+(?:(?:aus|zu[mr]?|von)\s+)?[«»"„“‚‘']\S.{0,40}[«»"“”‘']$/u;
const NUMBERED = /^\d{1,2}\.\s+(\S.{0,40})$/;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
/** A publisher's notice inside a paragraph: "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht … nicht mehr zur Verfügung." */
const WITHDRAWN_NOTICE = /\s*(?:Der|Dieser)\s+(?:Voll)?[Tt]ext\s+(?:dieses|des)\b[^.!?]{0,100}?nicht\s+(?:mehr\s+)?(?:zur\s+Verfügung|verfügbar)[^.!?]{0,40}[.!?]?/gu;
/** Lines that start with a stamp label; with a date they are the publication stamp, without one an empty byline template. */
const STAMP = /^(?:zuletzt\s+)?(?:stand|veröffentlicht|aktualisiert|erstellt|geändert|published|updated|posted|last updated)\b/i;

/** Site sections, as they appear alone on a line or in a breadcrumb ("Politik", "2. Politik", "Politik › Ausland"). */
const SECTIONS = new Set(
  (
    'politik international inland ausland wirtschaft finanzen geld sport fußball kultur panorama wissen wissenschaft ' +
    'gesundheit digital web netz technik auto mobilität reise leben lifestyle meinung regional lokales deutschland ' +
    'österreich schweiz welt news nachrichten aktuelles unterhaltung stars promis boulevard etat karriere bildung ' +
    'familie gesellschaft videos startseite home'
  ).split(' '),
);
/** Buttons, labels and footer links that survive copying a page. */
const UI_LABELS = new Set([
  'kommentare', 'kommentar', 'kommentieren', 'kommentar schreiben', 'zum kommentarbereich', 'teilen', 'artikel teilen',
  'drucken', 'merken', 'speichern', 'anzeige', 'werbung', 'newsletter', 'menü', 'suche', 'schließen', 'zurück',
  'nach oben', 'mehr', 'mehr anzeigen', 'alle anzeigen', 'bildergalerie', 'fotostrecke', 'artikel vorlesen', 'vorlesen',
  'video', 'audio', 'liveticker', 'themen', 'schlagworte', 'tags', 'impressum', 'datenschutz', 'datenschutzerklärung',
  'kontakt', 'agb', 'nutzungsbedingungen', 'barrierefreiheit', 'mediadaten', 'sitemap', 'privacy policy', 'imprint',
]);
/** Links that close a teaser for another story. */
const STORY_LINKS = new Set(['zur story', 'zum artikel', 'zum beitrag', 'weiterlesen', 'mehr lesen', 'artikel lesen', 'read more', 'continue reading']);

/**
 * Frequent function words of each language, as one alternation each: two regex scans of a sample
 * are several times cheaper than splitting it into words. Words that both languages use ("in",
 * "an", "was", "also") are left out.
 */
const GERMAN_STOP_WORDS =
  /\b(?:der|die|das|und|ist|nicht|mit|den|von|zu|sich|auf|dem|des|ein|eine|einer|im|auch|es|sie|als|wird|bei|nach|wie|aus|hat|dass|noch|nur|werden|haben|sind|wurde)\b/gi;
const ENGLISH_STOP_WORDS =
  /\b(?:the|and|of|to|is|that|it|for|on|are|with|as|by|this|be|at|from|have|has|not|but|they|which|were|been|will|would|said)\b/gi;

const CONTENT: ReadonlySet<Kind> = new Set(['text', 'heading', 'bullet']);
/** Lines in which an outlet speaks about itself. */
const SELF_REFERENCE: ReadonlySet<Kind> = new Set(['plug', 'footer', 'signature', 'credit', 'source-credit']);

export function cleanArticle(text: string): CleanArticle {
  const lines = readLines(text);
  for (const line of lines) line.kind = classify(line.text);
  markCaptionNeighbours(lines);
  markBreadcrumbRuns(lines);
  markSummaryBullets(lines);
  markTeaserHeadlines(lines);
  markStoryTeasers(lines);
  markDuplicates(lines);

  let titleAt = findTitle(lines);
  let paragraphs = collectParagraphs(lines, titleAt);
  if (paragraphs.length === 0) {
    // Nothing but headings: they are all the text there is, so they are the body.
    paragraphs = lines.filter((line, i) => line.kind === 'heading' && i !== titleAt).map((line) => line.text);
    if (paragraphs.length === 0 && titleAt >= 0) {
      paragraphs = [lines[titleAt]!.text];
      titleAt = -1;
    }
  }
  const outlet = readOutlet(lines, paragraphs);
  paragraphs = dropRepeats(paragraphs.map(stripTrailingTag));
  return {
    title: titleAt >= 0 ? lines[titleAt]!.text : null,
    outlet,
    published: readPublished(lines),
    language: detectLanguage(paragraphs),
    paragraphs,
  };
}

/** Non-blank lines with whitespace collapsed, numbered by block; hard-wrapped blocks joined back into lines. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let block: string[] = [];
  let blockNo = 0;
  const flush = () => {
    if (block.length === 0) return;
    for (const joined of unwrap(block)) lines.push({ text: joined, block: blockNo, kind: 'text' });
    block = [];
    blockNo++;
  };
  for (const raw of (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n')) {
    // Only runs that are not already one plain space are rewritten; most lines have none.
    const line = raw.replace(/ \s+|[^\S ]\s*/g, ' ').trim();
    if (line) block.push(line);
    else flush();
  }
  flush();
  return lines;
}

/**
 * A block typed with a fixed line width is one paragraph broken mid-sentence; its fragments
 * would read as headings and be lost. A block counts as wrapped when its lines are short and at
 * least a third of the breaks fall where no line could end (before a lower-case word, after a
 * comma or hyphen); it is then joined at every break that does not end a sentence.
 */
function unwrap(block: string[]): string[] {
  if (block.length < 2) return block;
  let widest = 0;
  for (const line of block) {
    if (line.length > WRAP_MAX_WIDTH || BULLET.test(line)) return block;
    widest = Math.max(widest, line.length);
  }
  if (widest < WRAP_MIN_WIDTH) return block;
  let midSentence = 0;
  for (let i = 0; i + 1 < block.length; i++) if (STARTS_LOWER.test(block[i + 1]!) || WRAP_END.test(block[i]!)) midSentence++;
  if (midSentence === 0 || midSentence * 3 < block.length - 1) return block;
  const joined: string[] = [];
  let current = block[0]!;
  for (let i = 1; i < block.length; i++) {
    const next = block[i]!;
    if (endsSentence(current)) {
      joined.push(current);
      current = next;
    } else current += /\p{L}-$/u.test(current) ? next : ` ${next}`;
  }
  joined.push(current);
  return joined;
}

function classify(line: string): Kind {
  if (!HAS_WORD.test(line)) return 'decoration';
  if (isForeignScript(line)) return 'foreign';
  if (line.length > MAX_BOILERPLATE) return 'text';
  const label = labelOf(line);
  if (label !== null) {
    if (STORY_LINKS.has(label)) return 'story-link';
    if (UI_LABELS.has(label) || isSectionPath(label)) return 'navigation';
  }
  const teaser = TEASER_MARKER.exec(line);
  if (teaser && line.length <= MAX_HEADING) return teaser[1] ? 'teaser' : 'teaser-marker';
  if (TOPICS.test(line) || SECTION_LINK.test(line) || URL_LINE.test(line) || isBreadcrumbItem(line)) return 'navigation';
  if (SIGNATURE.test(line) || TAG_LINE.test(line)) return 'signature';
  if (line.length <= MAX_STAMP && ((STAMP.test(line) && !endsSentence(line)) || parsePublished(line) !== null)) return 'meta';
  if (COPYRIGHT_LINE.test(line)) return 'credit';
  if (isCaption(line)) return 'caption';
  if (SOURCE_LINE.test(line)) return 'source-credit';
  if (line.length <= MAX_PLUG && !SPEECH.test(line) && ((PLUG_CUE.test(line) && CHANNEL.test(line)) || LINK_PROMPT.test(line))) return 'plug';
  if (line.length <= MAX_FOOTER && FOOTER.test(line)) return 'footer';
  if (BULLET.test(line)) return 'bullet';
  return endsSentence(line) || line.length > MAX_HEADING || !STARTS_LIKE_HEADING.test(line) ? 'text' : 'heading';
}

/** A line written mostly in a script other than Latin ("Видео по теме") is not part of a German or English article. */
function isForeignScript(line: string): boolean {
  if (!FOREIGN_SCRIPT.test(line)) return false;
  return (line.match(FOREIGN_LETTERS)?.length ?? 0) > (line.match(LATIN_LETTERS)?.length ?? 0);
}

function isCaption(line: string): boolean {
  if (WIRE_CAPTION.test(line) || AGENCY_CAPTION.test(line) || ARCHIVE_CAPTION.test(line)) return true;
  if (line.includes('(') && PHOTO_MARKER.test(line)) return true;
  // A credit runs to the end of the line without a sentence after it, so a line ending in a full
  // stop cannot end in one; that spares most body paragraphs the scans below.
  if (TERMINALS.includes(line[line.length - 1]!)) return false;
  return CREDIT_LABEL.test(line) || COPYRIGHT_TAIL.test(line) || PHOTO_AGENCY.test(line);
}

/** Short lines in lower case without counts, colons or arrows, for lookup in the label sets; null for prose. */
function labelOf(line: string): string | null {
  if (line.length > 60) return null;
  return line
    .toLowerCase()
    .replace(/^[»›>→\s]+|[\s:»›>→]+$/g, '')
    .replace(/^\d+\s+|\s*\(\d+\)$/g, '');
}

/** "politik", "politik › ausland", "startseite / news / welt": every part a site section. */
function isSectionPath(label: string): boolean {
  const parts = label.split(/\s*[›>»|/]\s*/);
  return parts.length <= 4 && parts.every((part) => SECTIONS.has(part));
}

/** "1. Startseite", "2. Politik": a numbered breadcrumb entry naming a section. */
function isBreadcrumbItem(line: string): boolean {
  const item = NUMBERED.exec(line);
  return item !== null && SECTIONS.has(item[1]!.toLowerCase());
}

function endsSentence(line: string): boolean {
  let i = line.length - 1;
  if (line[i] === ')') {
    // "… sagte er. (pm)": the sentence ends before a trailing parenthesis.
    const open = line.lastIndexOf('(', i);
    if (open > 0 && i - open <= 60) {
      i = open - 1;
      while (i >= 0 && line[i] === ' ') i--;
    }
  }
  while (i >= 0 && CLOSERS.includes(line[i]!)) i--;
  return i >= 0 && TERMINALS.includes(line[i]!);
}

const isContent = (line: Line | undefined): line is Line => line !== undefined && CONTENT.has(line.kind);

/**
 * A caption repeated without its credit, or cut off with " ...", is a caption too: it is told by
 * the credited caption right beside it in the same block. Two sweeps let the mark travel both ways.
 */
function markCaptionNeighbours(lines: Line[]): void {
  const mark = (caption: Line, neighbour: Line | undefined) => {
    if (!isContent(neighbour) || neighbour.block !== caption.block) return;
    const prefix = neighbour.text.length >= 20 && (caption.text.startsWith(neighbour.text) || neighbour.text.startsWith(caption.text));
    if (prefix || TRUNCATED.test(neighbour.text)) neighbour.kind = 'caption';
  };
  for (let i = 0; i < lines.length; i++) if (lines[i]!.kind === 'caption') mark(lines[i]!, lines[i + 1]);
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.kind === 'caption') mark(lines[i]!, lines[i - 1]);
}

/** "1. Startseite / 2. Politik / 3. Ukraine-Krieg": entries after a breadcrumb entry in its block are breadcrumb too. */
function markBreadcrumbRuns(lines: Line[]): void {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1]!;
    if (previous.kind === 'navigation' && previous.block === line.block && NUMBERED.test(previous.text) && NUMBERED.test(line.text) && !endsSentence(line.text)) {
      line.kind = 'navigation';
    }
  }
}

/** Bullets right under a photo summarise the story that follows; the story itself is kept instead. */
function markSummaryBullets(lines: Line[]): void {
  let underCaption = false;
  for (const line of lines) {
    if (line.kind === 'caption') underCaption = true;
    else if (line.kind === 'bullet' && underCaption) line.kind = 'summary';
    else if (isContent(line)) underCaption = false;
  }
}

/** After "Lesen Sie auch:" come the linked headlines (lines or short bullets) up to the next sentence. */
function markTeaserHeadlines(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'teaser-marker') continue;
    let headlines = 0;
    for (let j = i + 1; j < lines.length && j <= i + TEASER_LOOKAHEAD && headlines < MAX_TEASER_HEADLINES; j++) {
      const line = lines[j]!;
      if (!isContent(line)) continue;
      const headline = line.kind === 'heading' || (line.kind === 'bullet' && line.text.length <= MAX_HEADING && !endsSentence(line.text));
      if (!headline) break;
      line.kind = 'teaser';
      headlines++;
    }
  }
}

/** "Zur Story" closes a teaser for another story: its headline and up to two paragraphs before the link. */
function markStoryTeasers(lines: Line[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.kind !== 'story-link') continue;
    const teaser: Line[] = [];
    for (let j = i - 1; j >= 0 && j >= i - STORY_LOOKBACK; j--) {
      const line = lines[j]!;
      if (!isContent(line)) continue;
      if (line.kind === 'heading') {
        for (const part of [...teaser, line]) part.kind = 'teaser';
        break;
      }
      if (line.kind !== 'text' || teaser.length === 2) break;
      teaser.push(line);
    }
  }
}

/** A line repeated right after itself is a layout artefact. */
function markDuplicates(lines: Line[]): void {
  let previous: Line | undefined;
  for (const line of lines) {
    if (!isContent(line)) continue;
    if (previous && previous.text === line.text) line.kind = 'duplicate';
    else previous = line;
  }
}

/**
 * The headline is the first content line when it reads like one: a heading, or a short single
 * sentence standing alone in its block ("title\n\nbody"). A first line that is a full paragraph
 * means the text starts with its body and has no title. A lone line is the body, not a title.
 */
function findTitle(lines: Line[]): number {
  const first = lines.findIndex(isContent);
  if (first < 0) return -1;
  const line = lines[first]!;
  const hasBody = lines.some((other, i) => i > first && isContent(other));
  if (!hasBody || line.kind === 'bullet') return -1;
  if (line.kind === 'heading') return first;
  const alone = lines[first - 1]?.block !== line.block && lines[first + 1]?.block !== line.block;
  return alone && line.text.length <= MAX_PUNCTUATED_TITLE && !INNER_SENTENCE.test(line.text) ? first : -1;
}

function collectParagraphs(lines: Line[], titleAt: number): string[] {
  const paragraphs: string[] = [];
  lines.forEach((line, i) => {
    if (i === titleAt) return;
    if (line.kind === 'text') {
      const text = line.text.replace(WITHDRAWN_NOTICE, '').trim();
      if (HAS_WORD.test(text)) paragraphs.push(text);
    }
    else if (line.kind === 'bullet') {
      const item = line.text.replace(BULLET, '');
      if (HAS_WORD.test(item)) paragraphs.push(item);
    }
  });
  return paragraphs;
}

/** "… Gefechte im Ukraine-Krieg. (pm)": the author or agency tag after the last sentence is not part of it. */
function stripTrailingTag(paragraph: string): string {
  if (!paragraph.endsWith(')') || !TRAILING_TAG.test(paragraph.slice(-60))) return paragraph;
  return paragraph.replace(TRAILING_TAG_TEXT, '');
}

/** A pull quote repeats a passage of an earlier paragraph word for word; the earlier one has its speaker. */
function dropRepeats(paragraphs: string[]): string[] {
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const core = paragraph.length <= MAX_REPEAT ? trimQuotesAndStops(paragraph) : '';
    if (core.length >= MIN_REPEAT && kept.slice(-REPEAT_WINDOW).some((earlier) => earlier.includes(core))) continue;
    kept.push(paragraph);
  }
  return kept;
}

/** The paragraph without its opening quote marks and its closing quote marks and full stops. */
function trimQuotesAndStops(paragraph: string): string {
  let start = 0;
  let end = paragraph.length;
  while (start < end && QUOTES.includes(paragraph[start]!)) start++;
  while (end > start && (QUOTES.includes(paragraph[end - 1]!) || TERMINALS.includes(paragraph[end - 1]!) || paragraph[end - 1] === ' ')) end--;
  return paragraph.slice(start, end);
}

/**
 * The publisher named where the text speaks about itself; failing that, the agency of a dateline
 * ("Berlin (dpa) –"), a signature or a trailing tag ("(APA, 12.9.2015)"). Photo credits never
 * count: "picture alliance/dpa" and "© IMAGO / SNA" name who took the picture.
 */
function readOutlet(lines: Line[], paragraphs: string[]): string | null {
  const selfReferences = lines.filter((line) => SELF_REFERENCE.has(line.kind)).map((line) => line.text);
  for (const text of selfReferences) {
    const publisher = findOutlet(selfReferenceText(text), 'publisher');
    if (publisher) return publisher;
  }
  const agencyMarks = lines.filter((line) => line.kind === 'signature' || line.kind === 'source-credit').map((line) => line.text);
  const dateline = DATELINE.exec(paragraphs[0]?.slice(0, 80) ?? '');
  if (dateline) agencyMarks.push(dateline[1]!);
  const last = paragraphs[paragraphs.length - 1];
  const tag = last?.endsWith(')') ? TRAILING_TAG.exec(last.slice(-60)) : null;
  if (tag) agencyMarks.push(tag[1]!);
  for (const text of agencyMarks) {
    const agency = findOutlet(text, 'agency');
    if (agency) return agency;
  }
  return null;
}

/** The part of a "Quelle: X" line that names X; other self-references are read whole. */
function selfReferenceText(line: string): string {
  return SOURCE_LINE.exec(line)?.[1] ?? line;
}

/**
 * The first labelled stamp ("Stand: …", "Veröffentlicht am …") anywhere, or a bare date line above
 * the first paragraph or below the last. A bare date between paragraphs heads a chronology entry,
 * and several different bare dates are a schedule ("Freitag, 8. Februar 2008 … Samstag, …"), so
 * neither says when the article appeared.
 */
function readPublished(lines: Line[]): string | null {
  let firstText = -1;
  let lastText = -1;
  const stamps: { at: number; date: string; labelled: boolean }[] = [];
  lines.forEach((line, i) => {
    if (line.kind === 'text') {
      if (firstText < 0) firstText = i;
      lastText = i;
    } else if (line.kind === 'meta') {
      const date = parsePublished(line.text);
      if (date) stamps.push({ at: i, date, labelled: STAMP.test(line.text) });
    }
  });
  const bareDates = new Set(stamps.filter((stamp) => !stamp.labelled).map((stamp) => stamp.date));
  const stamp = stamps.find(({ at, labelled }) => labelled || (bareDates.size === 1 && (firstText < 0 || at < firstText || at > lastText)));
  return stamp?.date ?? null;
}

/** German unless English stop words outnumber German ones; the corpus is German. */
function detectLanguage(paragraphs: string[]): Language {
  let sample = '';
  for (const paragraph of paragraphs) {
    sample += ` ${paragraph}`;
    if (sample.length >= LANGUAGE_SAMPLE) break;
  }
  sample = sample.slice(0, LANGUAGE_SAMPLE);
  const german = sample.match(GERMAN_STOP_WORDS)?.length ?? 0;
  const english = sample.match(ENGLISH_STOP_WORDS)?.length ?? 0;
  return english > german ? 'en' : 'de';
}
