import { useEffect, useState } from 'react';
import type { EventPayloads } from '../api/contract.js';
import { useAppStatus } from '../hooks/use-data.js';
import { useConnection } from '../hooks/use-connection.js';
import { useEvent } from '../hooks/use-event.js';
import { PersonName } from './PersonName.js';

/**
 * The window's facts at a glance: dictionary, BaseX server, this window's own session and the
 * app's open sessions. Each part has a stable data-testid, with the numbers in data-* attributes
 * too, because the multi-window specs read them.
 */
export function StatusBar({ dictionary }: { dictionary: string | null }) {
  const status = useAppStatus();
  const connection = useConnection();
  const [sessions, setSessions] = useState<EventPayloads['sessions'] | null>(null);
  // Pushed counts are newer than the last app.status; a fresh app.status is newer than both.
  useEffect(() => {
    if (status.data) setSessions(status.data.sessions);
  }, [status.data]);
  useEvent('sessions', setSessions);
  const s = status.data;
  const session = s?.session;
  return (
    <footer className="status-bar" role="contentinfo" aria-label="Status" data-testid="status-bar">
      <span className={`status-item connection-${connection.status}`} data-testid="status-connection" data-status={connection.status}>
        <span className="dot" aria-hidden="true" />
        {connection.status === 'open' ? 'Connected' : connection.status === 'failed' ? 'Not connected' : 'Reconnecting…'}
      </span>
      <PersonName who={s?.who} />
      <span className="status-item" data-testid="status-dictionary" data-dictionary={dictionary ?? ''}>
        Dictionary: <strong>{dictionary ?? '—'}</strong>
      </span>
      <span className="status-item" data-testid="status-server" data-url={s?.server.url ?? ''} data-embedded={s?.server.embedded}>
        BaseX: {s ? `${s.server.url} (${s.server.embedded ? 'embedded' : 'external'})` : status.error ? 'unknown' : '…'}
      </span>
      <span
        className="status-item"
        data-testid="status-session"
        data-window-id={s?.windowId ?? ''}
        data-client-address={session?.clientAddress ?? ''}
        data-live={session?.live ?? false}
        title="This window's own BaseX session"
      >
        Session: {session ? `${session.clientAddress ?? 'not connected yet'} · ${session.live ? 'live' : 'idle'}` : '…'}
      </span>
      <span className="status-item" data-testid="status-sessions" data-windows={sessions?.windows ?? ''} data-live={sessions?.live ?? ''} title="Windows open on this app, and their live BaseX sessions">
        Open sessions: {sessions ? `${sessions.windows} window${sessions.windows === 1 ? '' : 's'} · ${sessions.live} live` : '…'}
      </span>
    </footer>
  );
}
