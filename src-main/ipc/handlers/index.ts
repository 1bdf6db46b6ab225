import type { HandlerTable } from '../handler-table.js';
import { appHandlers } from './app-handlers.js';
import { checkHandlers } from './check-handlers.js';
import type { HandlerDeps } from './deps.js';
import { dictionaryHandlers } from './dictionary-handlers.js';
import { duplicateHandlers } from './duplicate-handlers.js';
import { entryHandlers } from './entry-handlers.js';
import { sheetHandlers } from './sheet-handlers.js';
import { worksetHandlers } from './workset-handlers.js';

export type { HandlerDeps, Shell } from './deps.js';

/** The one handler table both transports serve: each feature contributes its channels. */
export function createHandlerTable(deps: HandlerDeps): HandlerTable {
  return {
    ...appHandlers(deps),
    ...dictionaryHandlers(deps),
    ...worksetHandlers(deps),
    ...entryHandlers(deps),
    ...checkHandlers(deps),
    ...sheetHandlers(deps),
    ...duplicateHandlers(deps),
  };
}
