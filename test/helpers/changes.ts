import { hostname } from 'node:os';
import type { ChangeAuthor } from '../../src-main/domain/changes.js';
import type { ChangeMeta } from '../../src-main/lift/change-log.js';

/** Who the tests' own writes are recorded as. */
export const TEST_AUTHOR: ChangeAuthor = { who: 'Test Person', process: process.pid, host: hostname(), instance: 'test-instance' };

/** The change-log record of a write made directly through lift/ (an inline edit from window `test`). */
export const TEST_CHANGE: ChangeMeta = { author: TEST_AUTHOR, window: 'test', op: 'edit' };
