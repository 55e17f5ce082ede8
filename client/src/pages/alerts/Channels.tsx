import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Panel } from '../../components/Panel';
import { TableScroll } from '../../components/TableScroll';
import { AlertChannelsDocument, SendTestNotificationDocument } from '../../generated/graphql';
import { describeError } from '../../errors';
import { when } from './ruleForm';

/**
 * The notification channels configured on the server (VIGIL_ALERT_CHANNELS): name, kind and how
 * their latest delivery went — never where they send. Admins can send a test message through one
 * to check it works; the answer says what the channel replied, and the test joins the history.
 */
export function Channels({ admin }: { admin: boolean }) {
  const channels = useQuery(AlertChannelsDocument, { fetchPolicy: 'cache-and-network' });
  const [send] = useMutation(SendTestNotificationDocument, { refetchQueries: ['AlertChannels', 'AlertActivity'], awaitRefetchQueries: true });
  const [sending, setSending] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const list = channels.data?.alertChannels ?? [];

  const test = async (id: string) => {
    if (sending) return;
    setSending(id);
    setOutcome(null);
    try {
      const r = (await send({ variables: { channel: id } })).data?.sendTestNotification;
      if (r) setOutcome(r.status === 'SENT' ? { ok: true, text: `Test notification to ${id} sent (${r.detail}).` } : { ok: false, text: `Test notification to ${id} failed: ${r.detail || r.status.toLowerCase()}.` });
    } catch (e) {
      setOutcome({ ok: false, text: describeError(e) });
    } finally {
      setSending(null);
    }
  };

  return (
    <Panel title="Channels" subtitle="Where notifications go, as configured on the server (VIGIL_ALERT_CHANNELS), with each one's latest delivery." busy={channels.loading}>
      {channels.error ? <p role="alert">{describeError(channels.error)}</p> : null}
      {list.length === 0 && !channels.loading && !channels.error ? <p>No channel is configured: alerts are evaluated and shown here, and sent nowhere.</p> : null}
      {sending ? <p role="status" className="muted">Sending a test notification to {sending}…</p> : null}
      {outcome ? <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'admin-notice' : 'form-error'}>{outcome.text}</p> : null}
      {list.length > 0 ? (
        <TableScroll label="Notification channels">
          <table className="data-table" aria-label="Notification channels">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Kind</th>
                <th scope="col">Latest delivery</th>
                {admin ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.id}</th>
                  <td>{c.kind}</td>
                  <td>{c.lastDelivery ? `${c.lastDelivery.status.toLowerCase()}${c.lastDelivery.kind === 'TEST' ? ' (test)' : ''} at ${when(c.lastDelivery.recordedAt)}` : 'None yet'}</td>
                  {admin ? (
                    <td>
                      {/* the name starts with the visible text (WCAG 2.5.3), which stays put while sending */}
                      <button type="button" className="button button-quiet" aria-label={`Send test notification to ${c.id}`} aria-disabled={sending !== null} onClick={() => void test(c.id)}>
                        Send test notification
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Panel>
  );
}
