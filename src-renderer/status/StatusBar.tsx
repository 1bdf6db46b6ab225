import { useEffect, useState } from 'react';
import type { AppStatus, EventPayloads } from '../api/contract.js';
import { useAppStatus } from '../hooks/use-data.js';
import { useConnection } from '../hooks/use-connection.js';
import { useEvent } from '../hooks/use-event.js';
import { namesOf, usePresenceHeard } from '../hooks/use-presence.js';
import { PersonName } from './PersonName.js';

/**
 * The window's facts at a glance, in a lexicographer's words: the link to the app, who you are,
 * the dictionary, its server, who else is here and how many windows are open. Socket addresses
 * and session states are for the multi-window specs: they read them from data-* attributes
 * (and the server's address is in its tooltip), never from the text.
 */
export function StatusBar({ dictionary }: { dictionary: string | null }) {
  const status = useAppStatus();
  const connection = useConnection();
  const present = usePresenceHeard(dictionary);
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
      <span className="status-item" data-testid="status-server" data-url={s?.server.url ?? ''} data-embedded={s?.server.embedded} title={s ? `BaseX server ${s.server.url}` : undefined}>
        {s ? serverInWords(s.server) : status.error ? 'Server: unknown' : 'Server: …'}
      </span>
      {dictionary !== null && (
        <span className="status-item" data-testid="status-presence" data-count={present.length}>
          {present.length === 0 ? 'No one else here' : `Also here: ${namesOf(present)}`}
        </span>
      )}
      <span
        hidden
        data-testid="status-session"
        data-window-id={s?.windowId ?? ''}
        data-client-address={session?.clientAddress ?? ''}
        data-live={session?.live ?? false}
      />
      <span
        className="status-item"
        data-testid="status-sessions"
        data-windows={sessions?.windows ?? ''}
        data-live={sessions?.live ?? ''}
        title={sessions ? `Each window has its own link to the server: ${sessions.live} in use now` : undefined}
      >
        {sessions ? `${sessions.windows} window${sessions.windows === 1 ? '' : 's'} open` : '…'}
      </span>
    </footer>
  );
}

/** The built-in server is "on this computer"; a team's server is named by its host, not its socket. */
function serverInWords(server: AppStatus['server']): string {
  if (server.embedded) return 'Server: on this computer';
  try {
    return `Server: ${new URL(server.url.replace(/^basex:/, 'http:')).hostname}`;
  } catch {
    return 'Server: a team server';
  }
}
