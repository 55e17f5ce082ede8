// The save of a versioned retrospective entry (an incident note, a finding, a root cause or an
// action item), shared by its forms: check the draft, write it based on the version the form
// started from, and on failure show the server's word beside the field it names, stop offering
// writes to a user refused for their role, or — on CONFLICT — keep the draft, load the version
// it lost to, and let the writer overwrite it or take it.
import { useEffect, useReducer, useState, type FormEvent } from 'react';
import type { Errors } from './drafts';
import { useRetroEditing } from './editing';
import { editReducer, fieldOf, saveFailure, type Edit, type EditAction } from './saving';

export function useVersionedSave<D, F extends string, I, T>({ start, fields, validate, write, entryId, latest, onDone }: {
  /** the edit the form opens on (a new draft, or one already under way) */
  start: () => Edit<D>;
  /** the form's fields, to put a refusal beside the one it names */
  fields: readonly F[];
  /** the input to send, or what is wrong; `asNew` when saving as a new entry */
  validate: (draft: D, asNew: boolean) => { errors: Errors<F>; input: I | null };
  /** writes the input: as a new entry, or an edit of the entry based on `baseVersion` */
  write: (input: I, asNew: boolean, baseVersion: number) => Promise<void>;
  /** the entry being edited (null for a new one); by id, since a refetch re-renders it with a new object */
  entryId: string | null;
  /** the current version of an entry after a conflict: null when it is gone; must be stable */
  latest: (id: string) => Promise<T | null>;
  onDone: () => void;
}) {
  const { forbid } = useRetroEditing();
  const [edit, dispatch] = useReducer((e: Edit<D>, action: EditAction<D>) => editReducer(e, action), null, start);
  const [errors, setErrors] = useState<Errors<F>>({});
  /** their version: undefined while it loads, null when it could not be found */
  const [theirs, setTheirs] = useState<T | null | undefined>(undefined);

  useEffect(() => {
    if (edit.status !== 'conflict' || !entryId) return;
    let live = true;
    setTheirs(undefined);
    latest(entryId).then(
      (t) => live && setTheirs(t),
      () => live && setTheirs(null),
    );
    return () => {
      live = false;
    };
  }, [edit.status, edit.currentVersion, entryId, latest]);

  const save = async (asNew: boolean, baseVersion = edit.baseVersion) => {
    const { errors: found, input } = validate(edit.draft, asNew);
    setErrors(found);
    if (!input) return;
    dispatch({ type: 'save' });
    try {
      await write(input, asNew, baseVersion);
      onDone();
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'forbidden') forbid(failure.message);
      if (failure.kind === 'invalid') {
        const field = fieldOf(failure.argument, fields) as F | null;
        if (field) setErrors({ [field]: failure.message } as Errors<F>);
      }
      dispatch({ type: 'failed', failure });
    }
  };

  return {
    edit,
    errors,
    theirs,
    busy: edit.status === 'saving',
    /** a change of some fields of the draft */
    set: (patch: Partial<D>) => dispatch({ type: 'change', draft: { ...edit.draft, ...patch } }),
    /** drop mine for theirs */
    take: (draft: D, version: number) => dispatch({ type: 'take', draft, version }),
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      void save(false);
    },
    /** The conflict's way on with mine: a new entry when theirs is gone, else an edit based on the version that won. */
    overwrite: (asNew: boolean) => {
      if (asNew) return void save(true);
      const version = edit.currentVersion ?? edit.baseVersion;
      dispatch({ type: 'overwrite' });
      void save(false, version);
    },
    /** aria-describedby of an input whose error is shown */
    described: (id: string, field: F) => (errors[field] ? `${id}-${field}-error` : undefined),
  };
}
