/**
 * Procedure search as people type on phones: without diacritics, đ as d, NFD from some
 * keyboards, half-typed words, words in any order, and a few common abbreviations ("dk").
 *
 * Vietnamese words are made of syllables ("khai sinh", "sinh viên"), so a query of several
 * syllables is first read as a phrase: when some procedure has it in its name or a keyword, only
 * those and procedures with every syllable in the name are shown ("khai sinh" must not bring
 * tạm trú because of "Tờ khai" and "sinh viên"); only when no procedure has the phrase do
 * scattered syllables count. Filler verbs people type before the thing ("làm căn cước", "xin
 * trợ cấp") are left out when something else is typed. Several syllables found only partly among
 the papers to bring are not a match: "căn cước" is a paper almost every procedure asks for.
 */
import type { HandledBy, Procedure, ProcedureOnlineCategory } from './catalog';
import { foldDiacritics } from './text';

export interface SearchFilters {
  handledBy?: HandledBy | undefined;
  onlineCategory?: ProcedureOnlineCategory | undefined;
}

export interface SearchOptions {
  /** Folded abbreviation → folded expansion, e.g. { dk: 'dang ky' } (data: src/content/catalog). */
  synonyms?: Readonly<Record<string, string>>;
}

export interface SearchIndex {
  search(query: string, filters?: SearchFilters): Procedure[];
}

const TOKEN = /[a-z0-9]+(?:\.[0-9]+)*/g;

/** Folded filler words: "làm", "xin", "muốn" say what the person wants to do, not which procedure. */
const FILLERS = new Set(['lam', 'xin', 'muon']);

/** Folded lowercase ASCII words; "1.004194" and "15.000" stay one token. */
export function tokenize(text: string): string[] {
  return foldDiacritics(text).match(TOKEN) ?? [];
}

interface Entry {
  procedure: Procedure;
  name: string[];
  /** Name tokens joined with spaces and padded, to find a phrase at a word start. */
  nameLine: string;
  keywords: string[];
  /** Each keyword phrase, padded like nameLine ("ở trọ" → " o tro "). */
  keywordLines: string[];
  documents: string[];
}

/** Points for one token by where it matched; a whole word beats a prefix in the same place. */
const POINTS = {
  name: { whole: 10, prefix: 6 },
  keywords: { whole: 5, prefix: 3 },
  documents: { whole: 3, prefix: 2 },
} as const;

type Place = keyof typeof POINTS;

function hit(token: string, words: readonly string[]): 'whole' | 'prefix' | null {
  if (words.includes(token)) return 'whole';
  return words.some((w) => w.startsWith(token)) ? 'prefix' : null;
}

/** Best place for one token, or null when it is nowhere. */
function scoreToken(token: string, entry: Entry): { points: number; place: Place } | null {
  for (const place of ['name', 'keywords', 'documents'] as const) {
    const kind = hit(token, entry[place]);
    if (kind) return { points: POINTS[place][kind], place };
  }
  return null;
}

interface TermScore {
  points: number;
  inName: boolean;
  /** Some syllable was found only among the papers to bring. */
  inDocuments: boolean;
}

/** A term matches when one of its alternatives (the word, or its expansion) matches fully. */
function scoreTerm(alternatives: readonly string[][], entry: Entry): TermScore | null {
  let best: TermScore | null = null;
  for (const tokens of alternatives) {
    let points = 0;
    let inName = true;
    let inDocuments = false;
    let matched = true;
    for (const token of tokens) {
      const s = scoreToken(token, entry);
      if (!s) {
        matched = false;
        break;
      }
      points += s.points;
      inName &&= s.place === 'name';
      inDocuments ||= s.place === 'documents';
    }
    if (!matched) continue;
    if (!best || Number(inName) > Number(best.inName) || (inName === best.inName && points > best.points)) {
      best = { points, inName, inDocuments };
    }
  }
  return best;
}

/** 2 when the query as typed starts a word run in the name, 1 in a keyword, else 0. */
function phraseLevel(phrases: readonly string[], entry: Entry): number {
  if (phrases.some((p) => entry.nameLine.includes(` ${p}`))) return 2;
  return phrases.some((p) => entry.keywordLines.some((line) => line.includes(` ${p}`))) ? 1 : 0;
}

const collator = new Intl.Collator('vi');

function byName(a: Procedure, b: Procedure): number {
  return collator.compare(a.name.vi, b.name.vi);
}

function passes(p: Procedure, filters: SearchFilters | undefined): boolean {
  if (filters?.handledBy && p.handledBy !== filters.handledBy) return false;
  if (filters?.onlineCategory && p.onlineCategory !== filters.onlineCategory) return false;
  return true;
}

function toEntry(procedure: Procedure): Entry {
  const name = tokenize(procedure.name.vi);
  const keywords = [
    ...(procedure.code ? [procedure.code] : []),
    ...tokenize(procedure.name.en),
    ...(procedure.keywords ?? []).flatMap(tokenize),
  ];
  const keywordLines = (procedure.keywords ?? []).map((k) => ` ${tokenize(k).join(' ')} `);
  const documents = procedure.documents.flatMap((d) => tokenize(`${d.name.vi} ${d.name.en}`));
  return { procedure, name, nameLine: ` ${name.join(' ')} `, keywords, keywordLines, documents };
}

/** Builds the index once per catalogue; search() is then cheap enough to run on every keystroke. */
export function createSearchIndex(procedures: readonly Procedure[], options: SearchOptions = {}): SearchIndex {
  const entries = procedures.map(toEntry);
  const synonyms = options.synonyms ?? {};
  const expand = (token: string): string[] | undefined =>
    Object.prototype.hasOwnProperty.call(synonyms, token) ? tokenize(synonyms[token] ?? '') : undefined;

  return {
    search(query, filters) {
      const typed = tokenize(query);
      const kept = typed.filter((t) => !FILLERS.has(t));
      const raw = kept.length > 0 ? kept : typed;
      const pool = entries.filter((e) => passes(e.procedure, filters));
      if (raw.length === 0) return pool.map((e) => e.procedure).sort(byName);

      const terms = raw.map((t) => {
        const expansion = expand(t);
        return expansion && expansion.length > 0 ? [[t], expansion] : [[t]];
      });
      const phrases = [...new Set([raw.join(' '), raw.flatMap((t) => expand(t) ?? [t]).join(' ')])];

      const ranked: { entry: Entry; inName: boolean; phrase: number; points: number }[] = [];
      for (const entry of pool) {
        let points = 0;
        let inName = true;
        let inDocuments = false;
        let matched = true;
        for (const alternatives of terms) {
          const s = scoreTerm(alternatives, entry);
          if (!s) {
            matched = false;
            break;
          }
          points += s.points;
          inName &&= s.inName;
          inDocuments ||= s.inDocuments;
        }
        if (!matched) continue;
        // Several syllables pieced together from the papers to bring name no procedure ("làm căn cước").
        if (raw.length > 1 && inDocuments) continue;
        const phrase = phraseLevel(phrases, entry);
        ranked.push({ entry, inName, phrase, points });
      }
      // A phrase beats scattered syllables: once one procedure has it, the scattered ones go
      // (unless every syllable is in their name).
      const phrased = raw.length > 1 && ranked.some((r) => r.phrase > 0);
      if (phrased) ranked.splice(0, ranked.length, ...ranked.filter((r) => r.phrase > 0 || r.inName));
      ranked.sort(
        (a, b) =>
          Number(b.inName) - Number(a.inName) ||
          b.phrase - a.phrase ||
          b.points - a.points ||
          a.entry.nameLine.length - b.entry.nameLine.length ||
          byName(a.entry.procedure, b.entry.procedure),
      );
      return ranked.map((r) => r.entry.procedure);
    },
  };
}
