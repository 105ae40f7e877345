/**
 * In-process harness for quotation attribution on the German quotes dataset (../shared/data/quotes-de).
 *
 *   node --import tsx scripts/attribution-train.ts [--data train|dev|FILE] [--show N] [--docs N]
 *   node --import tsx scripts/attribution-train.ts --curve [--data dev]
 *   node --import tsx scripts/attribution-train.ts --build-cues
 *   node --import tsx scripts/attribution-train.ts --build-model [--target-precision P] [--margin SE] [--folds K] [--l2 X] [--min-count N] [--out FILE]
 *
 * Scoring runs `extractClaims` on each document (title + text, paragraphs split on blank lines) and
 * applies exactly the matching rules of ../shared/eval/attribution.mjs, so figures here predict the
 * lead's CLI run without a database. `--build-cues` compiles data/lexicon/attribution-cues.json from
 * the TRAIN split's `cue` fields only: every cue verb with its inflected forms and required separable
 * particle, kept when sentences using it in train mostly carry an annotated quote. `--build-model`
 * trains data/lexicon/attribution-model.json on TRAIN; `--curve` shows what other thresholds give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../src/core/claims/extract.ts';
import { AttributionModel, type AttributionModelFile, defaultModel, evidenceOf, MODEL_PATH } from '../src/core/claims/model.ts';
import { cueFramesContent } from '../src/core/claims/attribution.ts';
import { clauseEnd } from '../src/core/claims/phrases.ts';
import { tokenize } from '../src/core/claims/tokens.ts';
import { FUNCTION_WORDS, PARTICLES } from '../src/core/claims/words.ts';
import { splitSentences } from '../src/core/segment.ts';
import type { CleanArticle, ExtractedClaim } from '../src/core/types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '../shared/data/quotes-de');
const cuesPath = join(root, 'data/lexicon/attribution-cues.json');

interface Annotation {
  type: string;
  quote: { text: string; spans: [number, number][] };
  speaker: { text: string; spans: [number, number][] };
  cue: string;
}
interface Doc {
  id: string;
  title: string;
  text: string;
  annotations: Annotation[];
}

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};

function loadDocs(which: string): Doc[] {
  const path = which === 'train' || which === 'dev' ? join(dataDir, `${which}.jsonl`) : which;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Doc);
}

/** The document as the CLI would see it: the title without its date, paragraphs split on blank lines. */
function asArticle(doc: Doc): CleanArticle {
  return {
    title: doc.title.replace(/\s*\(\d{4}-\d\d-\d\d\)\s*$/, ''),
    outlet: null,
    published: null,
    language: 'de',
    paragraphs: doc.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

// ---- the matching rules of ../shared/eval/attribution.mjs, unchanged ----

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const NOT_NAMES = new Set(
  'er sie es man ich wir ihr du der die das den dem des ein eine einer eines einem einen dieser diese dieses jener jene sein seine ihre ihr unser he she they it we i you the a an his her their'.split(
    ' ',
  ),
);
const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !NOT_NAMES.has(w));
const stem = (w: string) => w.slice(0, Math.max(4, Math.min(w.length, 6)));
const sameWord = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && stem(a) === stem(b));

function locate(text: string, claim: string): Span | null {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const t = squash(text);
  const c = squash(claim).trim();
  const map: number[] = [];
  for (let i = 0, j = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!) && i > 0 && /\s/.test(text[i - 1]!)) continue;
    map[j++] = i;
  }
  for (const probe of [c, c.slice(0, 40), c.slice(Math.floor(c.length / 3), Math.floor(c.length / 3) + 30)]) {
    if (probe.length < 12) continue;
    const at = t.indexOf(probe);
    if (at >= 0) {
      const start = at - (probe === c ? 0 : c.indexOf(probe));
      return [map[Math.max(0, start)] ?? 0, (map[Math.min(t.length - 1, start + c.length - 1)] ?? text.length) + 1];
    }
  }
  return null;
}
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

// ---- scoring ----

type Span = [number, number];
const items = (d: Doc) => d.annotations.filter((a) => words(a.speaker.text).length && a.quote.spans.length);
/** The scorer's rule: the claim overlaps the quote by half of the shorter, and a source shares a word with the speaker. */
const attributes = (span: Span | null, sources: readonly string[], a: Annotation) =>
  span !== null &&
  a.quote.spans.some((q) => overlap(span, q) >= 0.5 * Math.min(q[1] - q[0], span[1] - span[0])) &&
  sources.some((s) => words(s).some((w) => words(a.speaker.text).some((g) => sameWord(w, g))));

type Counts = { sys: number; sysHit: number; gold: number; goldHit: number };
const rates = (c: Counts) => {
  const precision = c.sys ? c.sysHit / c.sys : 0;
  const recall = c.gold ? c.goldHit / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

function score(docs: Doc[], show: number, model: AttributionModel = defaultModel, quiet = false) {
  let gold = 0;
  let goldHit = 0;
  let sys = 0;
  let sysHit = 0;
  let unplaced = 0;
  let claimCount = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  const started = performance.now();
  const extracted = docs.map((d) => extractClaims(asArticle(d), { model }));
  const seconds = (performance.now() - started) / 1000;
  docs.forEach((d, n) => {
    const claims = extracted[n]!.map((c: ExtractedClaim) => ({ ...c, span: locate(d.text, c.text) }));
    claimCount += claims.length;
    unplaced += claims.filter((c) => !c.span).length;
    const annotated = items(d);
    const matches = (c: (typeof claims)[number], a: Annotation) => attributes(c.span, c.sources, a);
    for (const a of annotated) {
      gold++;
      if (claims.some((c) => matches(c, a))) goldHit++;
      else {
        const near = claims.find((c) => c.span && a.quote.spans.some((q) => overlap(c.span!, q) > 0));
        misses.push(`${d.id}: [${a.speaker.text}] (${a.type}, cue "${a.cue}") ${a.quote.text.slice(0, 100)}\n      got ${near ? JSON.stringify(near.sources) : 'no claim'}`);
      }
    }
    for (const c of claims.filter((c) => c.sources.length)) {
      sys++;
      if (annotated.some((a) => matches(c, a))) sysHit++;
      else {
        const near = d.annotations.filter((a) => c.span && a.quote.spans.some((q) => overlap(c.span!, q) > 0));
        wrong.push(`${d.id}: ${JSON.stringify(c.sources)} ${c.text.slice(0, 110)}\n      gold ${near.map((a) => `[${a.speaker.text}]`).join(' ') || 'none'}`);
      }
    }
  });
  const counts = { sys, sysHit, gold, goldHit };
  const { precision: p, recall: r, f1 } = rates(counts);
  if (show) {
    console.log('missed (speaker, quote):');
    for (const m of misses.slice(0, show)) console.log('  ' + m);
    console.log('claims with sources that match no annotated quote:');
    for (const w of wrong.slice(0, show)) console.log('  ' + w);
  }
  if (!quiet)
    console.log(
      `attribution on ${docs.length} documents: precision ${p.toFixed(3)} (${sysHit}/${sys}), recall ${r.toFixed(3)} (${goldHit}/${gold}), F1 ${f1.toFixed(3)}; ` +
        `claims ${claimCount}, not found in text ${unplaced}; ${Math.round(docs.length / seconds)} docs/s`,
    );
  return { precision: p, recall: r, f1, counts };
}

// ---- cue lexicon ----

/** Principal parts of strong and irregular verbs, so a cue seen in one tense is known in the others. */
const STRONG = `
  sprechen sprach sprachen spricht gesprochen | schreiben schrieb schrieben schreibt geschrieben
  weisen wies wiesen weist gewiesen | rufen rief riefen ruft gerufen | werfen warf warfen wirft geworfen
  halten hielt hielten hält gehalten | sehen sah sahen sieht gesehen | geben gab gaben gibt gegeben
  heißen hieß heißt geheißen | nennen nannte nannten nennt genannt | bitten bat baten bittet gebeten
  bringen brachte brachten bringt gebracht | denken dachte dachten denkt gedacht | lassen ließ ließen lässt gelassen
  raten riet rieten rät geraten | schließen schloss schlossen schließt geschlossen | stehen stand standen steht gestanden
  wissen wusste wussten weiß gewusst | bestreiten bestritt bestritten bestreitet
  widersprechen widersprach widersprachen widerspricht widersprochen | versprechen versprach versprachen verspricht versprochen
  beschließen beschloss beschlossen beschließt | entscheiden entschied entschieden entscheidet
  finden fand fanden findet gefunden | kommen kam kamen kommt gekommen | empfehlen empfahl empfahlen empfiehlt empfohlen
  beschreiben beschrieb beschrieben beschreibt | unterstreichen unterstrich unterstrichen unterstreicht
  streichen strich strichen streicht gestrichen | heben hob hoben hebt gehoben | ziehen zog zogen zieht gezogen
  gestehen gestand gestanden gesteht | verweisen verwies verwiesen verweist | nehmen nahm nahmen nimmt genommen
  bieten bot boten bietet geboten | tun tat taten tut getan | drohen drohte drohten droht gedroht
  erkennen erkannte erkannten erkennt erkannt | senden sandte sandten sendet gesandt | gelten galt galten gilt gegolten
  schlagen schlug schlugen schlägt geschlagen | lesen las lasen liest gelesen | befinden befand befanden befindet
  beweisen bewies bewiesen beweist | treten trat traten tritt getreten | greifen griff griffen greift gegriffen
  gehen ging gingen geht gegangen | tragen trug trugen trägt getragen | fallen fiel fielen fällt gefallen`
  .split(/[|\n]/)
  .filter((row) => row.trim())
  .map((row) => row.trim().split(/\s+/));

const INSEPARABLE = /^(?:be|er|ver|ent|zer|emp|miss|ge|hinter|über|unter|wider)/;
/** Cue-field words that are auxiliaries or adjectives ("bekannt geworden war"), or "heißt es", which attribution reads as a phrase. */
const NOT_CUES = new Set(['worden', 'geworden', 'gewesen', 'gehabt', 'gut', 'zufrieden', 'bereit', 'bewusst', 'recht', 'einig', 'lassen', 'heißt', 'hieß', 'heißen', 'geheißen']);
const VERB_ENDING = /(?:e|en|n|t|te|ten|st)$/;
const ADJECTIVE = /(?:ig|isch|lich|bar|sam|haft)(?:e|en|er|es|em)?$/;
const VOWEL_END = /[aeiouäöü]$/;

function stemOf(form: string): string {
  let s = form;
  if (s.endsWith('eten')) s = s.slice(0, -4);
  else if (s.endsWith('ten')) s = VOWEL_END.test(s.slice(0, -3)) ? s.slice(0, -2) : s.slice(0, -3);
  else if (s.endsWith('ete')) s = s.slice(0, -3);
  else if (s.endsWith('te')) s = VOWEL_END.test(s.slice(0, -2)) ? s.slice(0, -1) : s.slice(0, -2);
  else if (/[td]et$/.test(s) || /[^aeiouäöür][mn]et$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('ern') || s.endsWith('eln')) s = s.slice(0, -1);
  else if (s.endsWith('en')) s = s.slice(0, -2);
  else if (s.endsWith('t')) s = s.slice(0, -1);
  else if (s.endsWith('e')) s = s.slice(0, -1);
  if (s.startsWith('ge') && s.length >= 5 && form.endsWith('t') && !form.endsWith('te')) s = s.slice(2);
  return s;
}

/** The weak paradigm of a stem: finite present and past, plural, and the participle. */
function weakForms(s: string): string[] {
  const e = /[td]$/.test(s) ? 'e' : '';
  const n = /[er]l$|er$/.test(s) ? 'n' : 'en';
  const participle = INSEPARABLE.test(s) || s.endsWith('ier') ? `${s}${e}t` : `ge${s}${e}t`;
  return [`${s}e`, `${s}${e}t`, `${s}${e}te`, `${s}${e}ten`, `${s}${n}`, participle];
}

function formsOf(form: string): { key: string; forms: string[] } {
  const row = STRONG.find((r) => r.includes(form));
  if (row) return { key: row[0]!, forms: row };
  const s = stemOf(form);
  return { key: s, forms: [...new Set([form, ...weakForms(s)])] };
}

/** A separable verb written as one word ("mitteilte", "hingewiesen") as particle and verb form. */
function splitJoined(form: string): { particle: string; rest: string } | null {
  for (let k = 2; k <= 7 && k < form.length - 3; k++) {
    const particle = form.slice(0, k);
    if (PARTICLES.has(particle)) return { particle, rest: form.slice(k) };
  }
  return null;
}

interface Lemma {
  forms: Set<string>;
  /** Particle ('' for none) → how often train cues use the verb with it. */
  cues: Map<string, number>;
  /** Particle ('' for none) → train sentences using the verb so, and how many carry an annotated quote. */
  hit: Map<string, number>;
  all: Map<string, number>;
  /** The same for sentences where the verb frames no content, only an object ("forderte den Rücktritt"). */
  bareHit: Map<string, number>;
  bareAll: Map<string, number>;
}

const sorted = (table: Map<string, Set<string>>) => Object.fromEntries([...table].sort((a, b) => a[0].localeCompare(b[0])).map(([f, ps]) => [f, [...ps].sort()]));

/**
 * Reported speech acts ("Die Schüler klagten über zu viel Stress") carry no cue field: their verb is
 * the lower-case word right after the speaker (or right before it, inverted), with the separable
 * particle that closes its clause.
 */
function impliedCue(d: Doc, a: Annotation): string {
  const speaker = a.speaker.spans[0];
  if (a.type !== 'Reported' || !speaker) return '';
  const after = /^\s+(\p{Ll}+)([^.,;:!?]*)/u.exec(d.text.slice(speaker[1]));
  const before = /(\p{Ll}+)\s+$/u.exec(d.text.slice(Math.max(0, speaker[0] - 40), speaker[0]));
  const verb = after?.[1] ?? before?.[1];
  if (!verb || FUNCTION_WORDS.has(verb)) return '';
  const rest = after ? after[2]!.trim().split(/\s+/) : [];
  const last = rest[rest.length - 1]?.toLowerCase() ?? '';
  return PARTICLES.has(last) ? `${verb} ${last}` : verb;
}

function buildCues() {
  const docs = loadDocs('train');
  const minReliability = Number(opt('--min-reliability', '0.5'));
  const minBareReliability = Number(opt('--min-bare-reliability', '0.6'));
  const lemmas = new Map<string, Lemma>();
  const lemmaOf = (key: string, forms: string[]) => {
    const lemma = lemmas.get(key) ?? { forms: new Set<string>(), cues: new Map(), hit: new Map(), all: new Map(), bareHit: new Map(), bareAll: new Map() };
    for (const f of forms) lemma.forms.add(f);
    lemmas.set(key, lemma);
    return lemma;
  };
  for (const d of docs)
    for (const a of d.annotations) {
      const raw = (a.cue.trim() || impliedCue(d, a)).split(/\s+/).filter(Boolean);
      const particle = raw.find((t, k) => k > 0 && PARTICLES.has(t.toLowerCase()))?.toLowerCase() ?? '';
      for (const token of raw) {
        if (token !== token.toLowerCase() || !/^\p{Ll}+$/u.test(token) || FUNCTION_WORDS.has(token) || PARTICLES.has(token) || NOT_CUES.has(token)) continue;
        const joined = splitJoined(token);
        const form = joined && (formsOf(joined.rest).forms.length > 1 || joined.rest.startsWith('ge')) ? joined.rest : token;
        if ((!VERB_ENDING.test(form) || ADJECTIVE.test(form)) && !STRONG.some((r) => r.includes(form))) continue;
        const { key, forms } = formsOf(form);
        const lemma = lemmaOf(key, forms);
        const used = form !== token ? joined!.particle : particle;
        lemma.cues.set(used, (lemma.cues.get(used) ?? 0) + 1);
      }
    }

  // "-ten" hides whether the t is the stem's ("berichten") or the ending's ("sagten"): a stem that is another stem minus its t is that stem.
  // Its forms are not: the longer stem's paradigm has the real ones, and "werten" read as "wer-ten" would add "wert", an adjective.
  for (const [key, lemma] of [...lemmas]) {
    const longer = lemmas.get(`${key}t`) ?? lemmas.get(`${key}d`);
    if (!longer || longer === lemma) continue;
    for (const [p, n] of lemma.cues) longer.cues.set(p, (longer.cues.get(p) ?? 0) + n);
    lemmas.delete(key);
  }

  // How reliable each verb-and-particle pair is in train: of the sentences using it outside a quotation, how many carry an annotated quote?
  const formToKey = new Map<string, string>();
  for (const [key, lemma] of lemmas) for (const f of lemma.forms) formToKey.set(f, key);
  for (const d of docs) {
    const quotes = d.annotations.flatMap((a) => a.quote.spans);
    for (const paragraph of d.text.split(/\n\s*\n/)) {
      for (const sentence of splitSentences(paragraph)) {
        const span = locate(d.text, sentence);
        if (!span) continue;
        const tokens = tokenize(sentence);
        const hit = quotes.some((q) => overlap(span, q) > 0);
        const seen = new Set<string>();
        tokens.forEach((t, i) => {
          if (t.quoted || t.cap) return;
          let key = formToKey.get(t.lower);
          let particle = '';
          if (key) {
            const end = clauseEnd(tokens, i);
            const lemma = lemmas.get(key)!;
            for (let k = i + 1; k < end; k++) if (lemma.cues.has(tokens[k]!.lower) && tokens[k]!.lower !== '') particle = tokens[k]!.lower;
          } else {
            const joined = splitJoined(t.lower);
            key = joined ? formToKey.get(joined.rest) : undefined;
            if (!key || !lemmas.get(key)!.cues.has(joined!.particle)) return;
            particle = joined!.particle;
          }
          const id = `${key} ${particle}`;
          if (seen.has(id)) return;
          seen.add(id);
          const lemma = lemmas.get(key)!;
          const count = (m: Map<string, number>) => m.set(particle, (m.get(particle) ?? 0) + 1);
          count(lemma.all);
          if (hit) count(lemma.hit);
          if (cueFramesContent(tokens, i)) return;
          count(lemma.bareAll);
          if (hit) count(lemma.bareHit);
        });
      }
    }
  }

  const verbs = new Map<string, Set<string>>();
  const bare = new Map<string, Set<string>>();
  const allow = (table: Map<string, Set<string>>, form: string, particle: string) => table.set(form, (table.get(form) ?? new Set()).add(particle));
  const report: string[] = [];
  let kept = 0;
  for (const [key, lemma] of [...lemmas].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const [particle, cueCount] of lemma.cues) {
      const all = lemma.all.get(particle) ?? 0;
      const hit = lemma.hit.get(particle) ?? 0;
      const keep = cueCount >= 2 && all >= 2 && hit / all >= minReliability;
      const bareAll = lemma.bareAll.get(particle) ?? 0;
      const bareHit = lemma.bareHit.get(particle) ?? 0;
      const keepBare = keep && bareAll >= 2 && bareHit / bareAll >= minBareReliability;
      report.push(`${keep ? '+' : '-'}${keepBare ? '+' : ' '} ${key}${particle ? ` … ${particle}` : ''}: cue ${cueCount}, sentences ${hit}/${all}, bare ${bareHit}/${bareAll}`);
      if (!keep) continue;
      kept++;
      for (const f of lemma.forms) {
        allow(verbs, f, particle);
        if (particle) allow(verbs, particle + f, '');
        if (!keepBare) continue;
        allow(bare, f, particle);
        if (particle) allow(bare, particle + f, '');
      }
    }
  }
  const lexicon = {
    about:
      'Cue verbs of reported speech, compiled by `scripts/attribution-train.ts --build-cues` from the cue fields of the TRAIN split of the German quotation dataset. ' +
      `Each inflected form lists the separable particles that make it a cue later in its clause ("" = the form alone). A verb-particle pair is kept when train cues use it at least twice and at least ${minReliability * 100}% of the train sentences using it carry an annotated quote. ` +
      `"bare" lists the pairs that are cues even when the verb frames no content (no quotation, colon or reported clause, only an object), kept when at least ${minBareReliability * 100}% of such train sentences carry an annotated quote.`,
    verbs: sorted(verbs),
    bare: sorted(bare),
  };
  writeFileSync(cuesPath, JSON.stringify(lexicon, null, 1) + '\n');
  if (args.includes('--verbose')) console.log(report.join('\n'));
  console.log(`wrote ${cuesPath}: ${verbs.size} forms from ${kept} verb-particle pairs`);
}

// ---- attribution model ----

/** A claim's candidate attributions, each with its evidence and whether the scorer would count it right. */
interface Choice {
  candidates: { features: string[]; right: boolean }[];
}

/** Every claim's candidates in `docs`, labelled by the scorer's rule, as the sentences are read with `model`. */
function choices(docs: Doc[], model: AttributionModel): Choice[] {
  const out: Choice[] = [];
  for (const d of docs) {
    const gold = items(d);
    extractClaims(asArticle(d), {
      model,
      observe: (claim, candidates) => {
        if (!candidates.length) return;
        const span = locate(d.text, claim.text);
        out.push({ candidates: candidates.map((c) => ({ features: c.features, right: gold.some((a) => attributes(span, c.sources, a)) })) });
      },
    });
  }
  return out;
}

/**
 * A conditional logit over each claim's candidates and "nobody" (score 0), fitted by full-batch
 * gradient descent with AdaGrad steps and L2: the likelihood of the right candidates, or of nobody
 * when none is right. Features seen fewer than `minCount` times are dropped.
 */
function fit(data: Choice[], l2: number, minCount: number): { bias: number; weights: Record<string, number> } {
  const counts = new Map<string, number>();
  for (const choice of data) for (const c of choice.candidates) for (const f of evidenceOf(c.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map([...counts].filter(([, n]) => n >= minCount).map(([f], k) => [f, k]));
  const rows = data.map((choice) =>
    choice.candidates.map((c) => ({ x: evidenceOf(c.features).map((f) => index.get(f)).filter((k): k is number => k !== undefined), right: c.right })),
  );
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let bias = 0;
  let b2 = 1e-8;
  const rate = 0.3;
  for (let epoch = 0; epoch < 300; epoch++) {
    const grad = new Float64Array(index.size);
    let gb = 0;
    for (const row of rows) {
      const scores = row.map((c) => c.x.reduce((z, k) => z + w[k]!, bias));
      const top = Math.max(0, ...scores);
      const e = scores.map((z) => Math.exp(z - top));
      const none = Math.exp(-top);
      const total = none + e.reduce((a, b) => a + b, 0);
      const rightMass = row.reduce((m, c, k) => m + (c.right ? e[k]! : 0), 0);
      row.forEach((c, k) => {
        const predicted = e[k]! / total;
        const wanted = rightMass > 0 ? (c.right ? e[k]! / rightMass : 0) : 0;
        const err = predicted - wanted;
        gb += err;
        for (const f of c.x) grad[f]! += err;
      });
    }
    for (let k = 0; k < w.length; k++) {
      const g = grad[k]! / rows.length + l2 * w[k]!;
      g2[k]! += g * g;
      w[k]! -= (rate * g) / Math.sqrt(g2[k]!);
    }
    gb /= rows.length;
    b2 += gb * gb;
    bias -= (rate * gb) / Math.sqrt(b2);
  }
  const weights: Record<string, number> = {};
  for (const [f, k] of [...index].sort((a, b) => a[0].localeCompare(b[0]))) if (Math.abs(w[k]!) >= 1e-3) weights[f] = Math.round(w[k]! * 1e4) / 1e4;
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

/** Thresholds the training and the curve try. */
const THRESHOLDS = Array.from({ length: 25 }, (_, k) => Math.round((0.3 + k * 0.025) * 1000) / 1000);

/**
 * Fits weights on `docs`: candidates depend on which speaker the reading keeps, and that depends on
 * the model, so fitting alternates reading and fitting a few rounds, starting from a model that
 * trusts the rules' citation and speech patterns. Between rounds the reading uses the threshold with
 * the best F1 on `docs` at `target` precision.
 */
function fitRounds(docs: Doc[], l2: number, minCount: number, target: number, log: (line: string) => void): AttributionModelFile {
  let file: AttributionModelFile = { about: '', threshold: 0.5, bias: -1, weights: { speech: 2, laut: 2, zufolge: 2, nach: 2, heisst: 2, so: 2, colon: 2, chain: 2 } };
  for (let round = 1; round <= Number(opt('--rounds', '2')); round++) {
    const data = choices(docs, new AttributionModel(file));
    const { bias, weights } = fit(data, l2, minCount);
    file = { ...file, bias, weights };
    let best = { threshold: 0.5, f1: -1, precision: 0, recall: 0 };
    for (const threshold of THRESHOLDS) {
      const m = score(docs, 0, new AttributionModel({ ...file, threshold }), true);
      if (m.precision >= target && m.f1 > best.f1) best = { threshold, ...m };
    }
    file = { ...file, threshold: best.threshold };
    log(`round ${round}: ${data.length} claims with candidates, ${Object.keys(weights).length} weights; threshold ${best.threshold}: precision ${best.precision.toFixed(3)}, recall ${best.recall.toFixed(3)}, F1 ${best.f1.toFixed(3)}`);
  }
  return file;
}

/**
 * Trains the attribution model on TRAIN. Precision on the documents a model was fitted on flatters
 * it, so the threshold comes from `--folds`-fold cross-validation: each fold is read by a model
 * fitted on the others, and the threshold kept is the one with the best pooled held-out F1 among
 * those whose held-out precision, less `--margin` standard errors, reaches `--target-precision`
 * (0.85, the issue's floor: a wrong source costs a fact-checker more than a missing one). The
 * margin is two standard errors: the rules themselves were written looking at TRAIN, so even its
 * held-out folds flatter precision (dev came out 0.004–0.018 under them). The weights shipped are
 * fitted on all of TRAIN.
 */
function buildModel() {
  const docs = loadDocs('train');
  const l2 = Number(opt('--l2', '0.003'));
  const minCount = Number(opt('--min-count', '3'));
  const target = Number(opt('--target-precision', '0.85'));
  const margins = Number(opt('--margin', '2'));
  const folds = Math.max(2, Number(opt('--folds', '5')));
  const heldOut = THRESHOLDS.map(() => ({ sys: 0, sysHit: 0, gold: 0, goldHit: 0 }));
  for (let k = 0; k < folds; k++) {
    const inFold = (_: Doc, n: number) => n % folds === k;
    const file = fitRounds(docs.filter((d, n) => !inFold(d, n)), l2, minCount, target, () => {});
    THRESHOLDS.forEach((threshold, t) => {
      const { counts } = score(docs.filter(inFold), 0, new AttributionModel({ ...file, threshold }), true);
      for (const key of ['sys', 'sysHit', 'gold', 'goldHit'] as const) heldOut[t]![key] += counts[key];
    });
    console.log(`fold ${k + 1} of ${folds} fitted`);
  }
  let chosen = { threshold: THRESHOLDS[THRESHOLDS.length - 1]!, f1: -1, precision: 0, recall: 0 };
  THRESHOLDS.forEach((threshold, t) => {
    const m = rates(heldOut[t]!);
    if (args.includes('--verbose')) console.log(`  held out at ${threshold}: precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}, F1 ${m.f1.toFixed(3)}`);
    // A margin of standard errors: the floor must hold on documents no fold has seen either.
    const margin = margins * Math.sqrt((m.precision * (1 - m.precision)) / Math.max(1, heldOut[t]!.sys));
    if (m.precision - margin >= target && m.f1 > chosen.f1) chosen = { threshold, ...m };
  });
  console.log(`cross-validated threshold ${chosen.threshold}: held-out precision ${chosen.precision.toFixed(3)}, recall ${chosen.recall.toFixed(3)}, F1 ${chosen.f1.toFixed(3)}`);
  const file = { ...fitRounds(docs, l2, minCount, target, console.log), threshold: chosen.threshold };
  file.about =
    'Attribution model: weights of a conditional logit over the evidence of each candidate source (see src/core/claims/model.ts), trained by `scripts/attribution-train.ts --build-model` ' +
    `on the TRAIN split of the German quotation dataset (Petersen-Frey & Biemann 2024, CC BY-NC-SA 4.0); L2 ${l2}, features seen at least ${minCount} times; ` +
    `threshold with the best held-out F1 in ${folds}-fold cross-validation on TRAIN whose held-out precision less ${margins} standard errors is ${target} or more ` +
    `(held out: precision ${chosen.precision.toFixed(3)}, recall ${chosen.recall.toFixed(3)}, F1 ${chosen.f1.toFixed(3)}).`;
  const out = opt('--out', MODEL_PATH.pathname);
  writeFileSync(out, JSON.stringify({ about: file.about, threshold: file.threshold, bias: file.bias, weights: file.weights }, null, 1) + '\n');
  console.log(`wrote ${out}`);
}

/** Precision, recall and F1 of the shipped model's weights at every threshold: what another `--target-precision` would give. */
function curve(docs: Doc[]) {
  for (const threshold of THRESHOLDS) {
    const m = score(docs, 0, new AttributionModel({ ...defaultModel.file, threshold }), true);
    console.log(`threshold ${threshold.toFixed(3)}: precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}, F1 ${m.f1.toFixed(3)}`);
  }
}

const data = () => loadDocs(opt('--data', 'train')).slice(0, Number(opt('--docs', '100000')));
if (args.includes('--build-model')) buildModel();
else if (args.includes('--build-cues')) buildCues();
else if (args.includes('--curve')) curve(data());
else score(data(), Number(opt('--show', '0')));
