/** Plain-text renderings of engine answers for a person at a terminal. */
import type { ArticleSummary, Citation, ClaimAnswer, SourceAnswer } from '../core/answers.ts';
import type { IngestSummary } from '../ingest/files.ts';

export function citationLine(c: Citation, n: number): string {
  const where = [c.outlet, c.published ?? 'undated'].filter(Boolean).join(', ');
  return `[${n}] ${c.title ?? c.file} — ${where}, paragraph ${c.paragraph} (article ${c.article})`;
}

export function formatClaims(topic: string, claims: ClaimAnswer[], total: number): string {
  if (!claims.length) return `No claims on "${topic}".`;
  const out = [`Claims on "${topic}" (${claims.length} of ${total}):`, ''];
  claims.forEach((claim, i) => {
    out.push(`${i + 1}. ${claim.text}`);
    const marks = [claim.sources.length ? `according to ${claim.sources.join(' → ')}` : 'no source named'];
    if (claim.hedged) marks.push('unconfirmed');
    if (claim.stance === 'deny') marks.push('denial');
    out.push(`   ${marks.join(' · ')}`);
    claim.citations.forEach((c, j) => out.push(`   ${citationLine(c, j + 1)}`));
    out.push('');
  });
  return out.join('\n').trimEnd();
}

export function formatSources(topic: string, sources: SourceAnswer[], total: number): string {
  if (!sources.length) return `No sources cited on "${topic}".`;
  const out = [`Sources on "${topic}" (${sources.length} of ${total}):`, ''];
  for (const s of sources) {
    out.push(`${s.name} — ${s.claims} claim${s.claims === 1 ? '' : 's'}`);
    s.citations.forEach((c, j) => out.push(`   ${citationLine(c, j + 1)}`));
  }
  return out.join('\n');
}

export function formatArticles(articles: ArticleSummary[]): string {
  if (!articles.length) return 'No articles yet. Add some with: claimdesk ingest PATH…';
  return articles
    .map((a) => `${a.id}  ${a.published ?? 'undated'}  ${a.outlet ?? '(outlet unknown)'}  ${a.claims} claims  ${a.title ?? a.file}`)
    .join('\n');
}

export function formatIngestSummary(summary: IngestSummary): string {
  const count = (status: string) => summary.results.filter((r) => r.status === status).length;
  const claims = summary.results.reduce((n, r) => n + r.newClaims.length, 0);
  return `Ingested ${summary.results.length} file(s): ${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged; ${claims} new claim(s); ${summary.warnings.length} skipped.`;
}
