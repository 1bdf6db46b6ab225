import { afterAll, describe, expect, inject, it } from 'vitest';
import { BaseXSession } from '../../src-main/basex/client-session.js';
import { SessionRegistry } from '../../src-main/basex/session-registry.js';
import { AppWindows, electronWindowId } from '../../src-main/app-windows.js';
import { FileGrants } from '../../src-main/file-grants.js';
import { EventBus } from '../../src-main/ipc/event-bus.js';
import { attachWindow, type WindowSender } from '../../src-main/ipc/window-attachment.js';

/** A sender that records what reached its window. */
function recorder(): { send: WindowSender; seen: unknown[] } {
  const seen: unknown[] = [];
  return { seen, send: (event, payload) => seen.push([event, payload]) };
}

describe('attachWindow: a window joins and leaves the same way on every transport', () => {
  const registry = new SessionRegistry(() => BaseXSession.connect(inject('basex')));
  const bus = new EventBus();
  const grants = new FileGrants();
  afterAll(() => registry.closeAll());

  it('gives the window its own live session, its events and a ctx, and releases all of it on detach', async () => {
    const a = recorder();
    const b = recorder();
    const first = attachWindow({ registry, bus, forgetters: [grants] }, 'w-a', a.send);
    const second = attachWindow({ registry, bus, forgetters: [grants] }, 'w-b', b.send);
    expect(first.ctx.session).not.toBe(second.ctx.session);
    expect(await first.ctx.session.query('1 + 1')).toEqual(['2']);
    expect(registry.has('w-a')).toBe(true);

    first.ctx.emit('menu', { command: 'import' });
    bus.broadcast('entries-changed', { dictionary: 'd', guids: ['g'], origin: 'w-b' });
    expect(a.seen).toEqual([['menu', { command: 'import' }], ['entries-changed', { dictionary: 'd', guids: ['g'], origin: 'w-b' }]]);
    expect(b.seen).toEqual([['entries-changed', { dictionary: 'd', guids: ['g'], origin: 'w-b' }]]);

    grants.grant('w-a', '/tmp/granted.lift', 'import');
    await first.detach();
    await first.detach(); // a second close (Electron's closed after a destroy) changes nothing
    expect(registry.has('w-a')).toBe(false);
    expect(grants.take('w-a', '/tmp/granted.lift', 'import')).toBe(false);
    bus.broadcast('menu', { command: 'export' });
    expect(a.seen).toHaveLength(2);
    expect(b.seen).toHaveLength(2);
    await second.detach();
    expect(registry.has('w-b')).toBe(false);
  });
});

describe('AppWindows: the desktop app\'s window list', () => {
  const registry = new SessionRegistry(() => BaseXSession.connect(inject('basex')));
  const bus = new EventBus();
  afterAll(() => registry.closeAll());

  it('answers calls only from listed windows, finds a window by its id, and detaches it when it closes', async () => {
    const windows = new AppWindows<{ name: string; destroyed: boolean; isDestroyed(): boolean }>();
    const win = { name: 'main', destroyed: false, isDestroyed() { return this.destroyed; } };
    const attached = attachWindow({ registry, bus }, electronWindowId(7), recorder().send);
    windows.add(7, win, attached);

    expect(windows.has(7)).toBe(true);
    expect(windows.contextOf(7)?.windowId).toBe('electron-7');
    expect(windows.contextOf(8)).toBeUndefined();
    expect(windows.byWindowId('electron-7')).toBe(win);
    expect(windows.byWindowId('electron-8')).toBeUndefined();
    win.destroyed = true;
    expect(windows.byWindowId('electron-7')).toBeUndefined(); // no dialog over a window being torn down

    await windows.remove(7);
    expect(windows.has(7)).toBe(false);
    expect(windows.contextOf(7)).toBeUndefined();
    expect(registry.has('electron-7')).toBe(false);
    await windows.remove(7);
  });
});
