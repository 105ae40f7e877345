/** /claims <topic>: who claims what on a topic, paged, with citations. */
import type { CommandModule } from '../src/bot/commands.ts';
import { topicCommand } from '../src/bot/topicCommand.ts';

export const claims: CommandModule = {
  command: 'claims',
  description: 'cmd-claims',
  help: 'cmd-claims-help',
  scopes: ['private', 'group'],
  create: (deps) => topicCommand('claims', deps),
};
