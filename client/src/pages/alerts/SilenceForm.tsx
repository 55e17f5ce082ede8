import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { DateField } from '../../components/DateField';
import { SegmentedControl } from '../../components/SegmentedControl';
import { CreateAlertSilenceDocument } from '../../generated/graphql';
import { describeError } from '../../errors';
import { SILENCE_LENGTHS, silenceEnd, when, type SilenceLength } from './ruleForm';

/** What a silence is for: a whole rule, or one group of it. */
export interface SilenceTarget {
  ruleId: string;
  /** null: every group of the rule */
  groupKey: string | null;
  /** "Review queue below its SLA target" or "review-latam of Review queue below its SLA target" */
  label: string;
}

/**
 * A silence: until when (1 h, 4 h, 24 h from now, or a chosen UTC day and time) and why (required).
 * The server refuses an end in the past or beyond 90 days too.
 */
export function SilenceForm({ target, onDone }: { target: SilenceTarget; onDone: (done: string | null) => void }) {
  const id = useId();
  const [length, setLength] = useState<SilenceLength>('4');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const [day, setDay] = useState(tomorrow);
  const [time, setTime] = useState('09:00');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ end?: string; reason?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [silence, silencing] = useMutation(CreateAlertSilenceDocument, { refetchQueries: ['AlertRules', 'AlertActivity', 'FiringAlerts'], awaitRefetchQueries: true });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const end = silenceEnd(length, day, time, new Date());
    const found = { ...('error' in end ? { end: end.error } : {}), ...(reason.trim() ? {} : { reason: 'Reason: say why this is silenced (it is shown to everyone who sees the rule).' }) };
    setErrors(found);
    if ('error' in end || Object.keys(found).length > 0) return;
    try {
      await silence({ variables: { input: { ruleId: target.ruleId, ...(target.groupKey ? { groupKey: target.groupKey } : {}), endsAt: end.endsAt, reason: reason.trim() } } });
      onDone(`Silenced ${target.label} until ${when(end.endsAt)}.`);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens below the list: the keyboard goes there with it, on the chosen length.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')?.focus(), []);
  const described = (field: 'end' | 'reason') => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <form ref={formRef} className="alert-rule-form" onSubmit={(e) => void submit(e)} aria-label={`Silence ${target.label}`} noValidate>
      <SegmentedControl label="Silence for" value={length} options={SILENCE_LENGTHS} onChange={setLength} />
      {length === 'until' ? (
        <>
          <div className="alert-field">
            <label htmlFor={`${id}-day`}>End day (UTC)</label>
            <DateField id={`${id}-day`} value={day} onChange={setDay} />
          </div>
          <div className="alert-field">
            <label htmlFor={`${id}-time`}>End time (UTC, HH:MM)</label>
            <input id={`${id}-time`} className="text-input" value={time} onChange={(e) => setTime(e.target.value)} inputMode="numeric" maxLength={5} placeholder="HH:MM" {...described('end')} />
          </div>
        </>
      ) : null}
      {errors.end ? <span className="retro-field-error" id={`${id}-end-error`}>{errors.end}</span> : null}
      <div className="alert-field alert-reason">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <input id={`${id}-reason`} className="text-input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required {...described('reason')} />
        {errors.reason ? <span className="retro-field-error" id={`${id}-reason-error`}>{errors.reason}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={silencing.loading}>{silencing.loading ? 'Silencing…' : 'Silence'}</button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>Cancel</button>
      </div>
      {problem ? <p role="alert" className="form-error">{problem}</p> : null}
    </form>
  );
}
