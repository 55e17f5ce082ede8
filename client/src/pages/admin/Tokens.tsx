import { useId, useReducer, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { MultiSelect } from '../../components/MultiSelect';
import { Panel } from '../../components/Panel';
import { CreateIngestTokenDocument, IngestTokensDocument, RevokeIngestTokenDocument, type IngestTokenFieldsFragment } from '../../generated/graphql';
import { formatDate } from '../../time/labels';
import { FieldError } from '../retrospective/Conflict';
import { saveFailure } from '../retrospective/saving';
import { refusal, secretReducer, STREAMS, streamsText, type SecretState } from './adminForms';
import { FormFooter, ListStates, TextField } from './formParts';
import { TableScroll } from '../../components/TableScroll';

const STREAM_CHOICES = STREAMS.map((s) => ({ code: s, label: s }));
const TOKEN_FIELDS = ['name', 'streams'] as const;

/** Ingestion tokens: producers' credentials for /ingest/v1/…, each for some streams or all. */
export function TokensSection() {
  const tokens = useQuery(IngestTokensDocument, { fetchPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [secret, dispatch] = useReducer(secretReducer, { kind: 'none' } as SecretState);
  const list = tokens.data?.ingestTokens ?? tokens.previousData?.ingestTokens;

  return (
    <Panel
      title="Ingestion tokens"
      subtitle="Bearer tokens for POST /ingest/v1/<stream>. A token for no stream in particular may push to all of them. Revoking one refuses it at once."
      busy={tokens.loading}
      aside={
        adding ? null : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            New token
          </button>
        )
      }
    >
      {secret.kind === 'shown' ? (
        <div className="admin-secret" role="alert" data-testid="token-secret-box">
          <p className="retro-conflict-title">Token “{secret.name}” created. Copy its secret now: you will not see it again.</p>
          <p className="retro-hint">Vigil keeps only a digest of it. Producers send it as “Authorization: Bearer …”. If it is lost, revoke the token and make a new one.</p>
          <code className="admin-secret-value" data-testid="token-secret">
            {secret.secret}
          </code>
          <div className="state-actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                // clipboard is missing outside secure contexts (plain http on another host): a failure, not a crash
                Promise.resolve()
                  .then(() => navigator.clipboard.writeText(secret.secret))
                  .then(
                  () => dispatch({ type: 'copied', ok: true }),
                  () => dispatch({ type: 'copied', ok: false }),
                )
              }
            >
              Copy secret
            </button>
            <button type="button" className="button button-quiet" onClick={() => dispatch({ type: 'dismissed' })}>
              I have copied it
            </button>
            <span role="status" className="tile-muted">
              {secret.copied === 'done' ? 'Copied to the clipboard' : secret.copied === 'failed' ? 'Copy failed: select the text above' : ''}
            </span>
          </div>
        </div>
      ) : null}
      {adding ? (
        <NewTokenForm
          onDone={(created) => {
            setAdding(false);
            if (created) dispatch({ type: 'created', ...created });
          }}
        />
      ) : null}
      <ListStates what="the ingestion tokens" list={list} error={tokens.error} refetch={tokens.refetch}>
        {(list) =>
          list.length === 0 ? (
            <p className="state-detail">No ingestion token yet. Tokens set in VIGIL_INGEST_TOKENS (if any) work too and are not listed here.</p>
          ) : (
            <TableScroll label="Ingestion tokens">
              <table className="data-table admin-table" aria-label="Ingestion tokens">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Streams</th>
                    <th scope="col">Created by</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((t) => (
                    <TokenRow key={t.id} token={t} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </ListStates>
    </Panel>
  );
}

function TokenRow({ token }: { token: IngestTokenFieldsFragment }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The answer is the token as stored (normalized by id), so the row updates without a refetch.
  const [revoke, { loading }] = useMutation(RevokeIngestTokenDocument);

  const doRevoke = async () => {
    setError(null);
    try {
      await revoke({ variables: { id: token.id, expectedVersion: token.version } });
      setConfirming(false);
    } catch (e) {
      const failure = saveFailure(e);
      setError(failure.kind === 'conflict' ? 'Someone else changed this token since the list was loaded; reload the page and try again.' : failure.message);
    }
  };

  return (
    <tr data-testid="token-row" data-name={token.name} className={token.revoked ? 'is-disabled' : undefined}>
      <th scope="row">{token.name}</th>
      <td>{streamsText(token.streams)}</td>
      <td>{token.createdBy}</td>
      <td>{token.lastUsedAt ? formatDate(token.lastUsedAt, true) : 'Never'}</td>
      <td>{token.revoked ? <span className="admin-bad">Revoked {formatDate(token.updatedAt, true)}</span> : 'Active'}</td>
      <td>
        <div className="admin-actions">
          {token.revoked ? null : confirming ? (
            <span className="admin-confirm" role="group" aria-label={`Revoke ${token.name}?`}>
              <span>Revoke “{token.name}”? Producers using it are refused at once.</span>
              <button type="button" className="button" disabled={loading} onClick={() => void doRevoke()}>
                {loading ? 'Revoking…' : 'Yes, revoke'}
              </button>
              <button type="button" className="button button-quiet" disabled={loading} onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="button button-quiet" aria-label={`Revoke ${token.name}`} onClick={() => setConfirming(true)}>
              Revoke
            </button>
          )}
          {error ? (
            <span className="retro-field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function NewTokenForm({ onDone }: { onDone: (created: { tokenId: string; name: string; secret: string } | null) => void }) {
  const [name, setName] = useState('');
  const [streams, setStreams] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ name?: string; streams?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  // no-cache: the answer holds the secret, which is never written to the cache, not even for the
  // moment before Apollo clears a mutation's root fields; the list is asked again instead.
  const [create, { loading }] = useMutation(CreateIngestTokenDocument, { fetchPolicy: 'no-cache', refetchQueries: ['IngestTokens'], awaitRefetchQueries: true });
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!name.trim()) return setErrors({ name: 'A name that says who uses it, e.g. “trust-pipeline (prod)”.' });
    setErrors({});
    try {
      const { data } = await create({ variables: { input: { name: name.trim(), streams } } });
      if (data) onDone({ tokenId: data.createIngestToken.token.id, name: data.createIngestToken.token.name, secret: data.createIngestToken.secret });
    } catch (e) {
      const refused = refusal(saveFailure(e), TOKEN_FIELDS);
      setErrors(refused.errors);
      setMessage(refused.message);
    }
  };

  return (
    <form className="retro-form admin-form" aria-label="New ingestion token" onSubmit={submit} noValidate>
      <div className="retro-form-row">
        <TextField id={`${id}-name`} label="Name" value={name} error={errors.name} autoComplete="off" onChange={setName} />
        <div className="admin-field">
          <MultiSelect label="Streams" noun="streams" choices={STREAM_CHOICES} selected={streams} onChange={setStreams} />
          <FieldError id={`${id}-streams-error`} error={errors.streams} />
        </div>
      </div>
      <FormFooter message={message} loading={loading} label="Create token" busyLabel="Creating…" onCancel={() => onDone(null)} />
    </form>
  );
}
