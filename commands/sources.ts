/** /sources <topic>: who is cited on a topic and how many of its claims each backs. */
import type { CommandModule } from '../src/bot/commands.ts';
import { topicCommand } from '../src/bot/topicCommand.ts';

export const sources: CommandModule = {
  command: 'sources',
  description: 'cmd-sources',
  help: 'cmd-sources-help',
  scopes: ['private', 'group'],
  create: (deps) => topicCommand('sources', deps),
};
