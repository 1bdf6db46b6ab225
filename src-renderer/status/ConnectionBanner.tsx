import { useEffect, useState } from 'react';
import { useConnection } from '../hooks/use-connection.js';

/** Says so, at the top, when the link to the app is down, with a countdown and "Retry now". */
export function ConnectionBanner() {
  const connection = useConnection();
  const [now, setNow] = useState(() => Date.now());
  const down = connection.status === 'reconnecting' || connection.status === 'failed';
  useEffect(() => {
    if (connection.status !== 'reconnecting') return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [connection.status]);
  if (!down) return null;
  const seconds = connection.retryAt ? Math.max(0, Math.ceil((connection.retryAt - now) / 1000)) : 0;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <strong>{connection.problem ?? 'Not connected.'}</strong>{' '}
      {connection.status === 'reconnecting' && (
        <>
          Reconnecting{seconds > 0 ? ` in ${seconds} s` : '…'} (attempt {connection.attempt}). Your unsaved edits stay on screen.
          <button type="button" className="link-button" onClick={connection.retry}>
            Retry now
          </button>
        </>
      )}
    </div>
  );
}
