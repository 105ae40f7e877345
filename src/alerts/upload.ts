/**
 * An admin sends a .txt file to the bot in a private chat: it is kept in the articles folder and
 * ingested at once, so subscribers hear of its new claims within seconds.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Composer } from 'grammy';
import type { FeatureDeps } from '../bot/commands.ts';
import type { BotContext } from '../bot/context.ts';
import { answer, viewOf } from '../bot/reply.ts';
import { plainTextReader } from '../ingest/readers.ts';

/** Far above any article; the Bot API would hand out up to 20 MB. */
export const MAX_UPLOAD_MB = 5;

export function articleUpload(deps: FeatureDeps, articlesDir: string): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').on('message:document', async (ctx) => {
    const view = viewOf(ctx);
    if (!deps.access.isAdmin(ctx.from.id)) return answer(ctx, view.t('alerts-upload-admins-only').value);
    const doc = ctx.msg.document;
    const file = basename(doc.file_name ?? '');
    if (!plainTextReader.extensions.some((ext) => file.toLowerCase().endsWith(ext))) return answer(ctx, view.t('alerts-upload-not-text').value);
    if ((doc.file_size ?? 0) > MAX_UPLOAD_MB * 1024 * 1024) return answer(ctx, view.t('alerts-upload-too-large', { max: MAX_UPLOAD_MB }).value);

    const bytes = await download(ctx);
    const read = plainTextReader.read(bytes);
    if ('skip' in read) return answer(ctx, view.t('alerts-upload-skipped', { file, reason: read.skip }).value);
    // Written first: should the ingest fail, the file is still where `claimdesk ingest data/articles` finds it.
    await mkdir(articlesDir, { recursive: true });
    const target = join(articlesDir, file);
    await writeFile(`${target}.part`, bytes);
    await rename(`${target}.part`, target);
    const result = await deps.engine.ingest({ file, text: read.text });
    deps.logger.info({ file, status: result.status, claims: result.claims, newClaims: result.newClaims.length, by: ctx.from.id }, 'article uploaded');
    await answer(ctx, view.t('alerts-upload-done', { status: result.status, file, claims: result.claims, fresh: result.newClaims.length }).value);
  });
  return composer;
}

async function download(ctx: BotContext): Promise<Buffer> {
  const file = await ctx.getFile();
  const root = ctx.api.options?.apiRoot ?? 'https://api.telegram.org';
  const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`);
  if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
