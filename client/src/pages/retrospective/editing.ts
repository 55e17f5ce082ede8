// Writing the retrospective: the mutations (each refetches the page and the chart markers, so a
// note shows on charts at once), and whether this user may write at all.
import { createContext, useContext, useMemo } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  CreateNoteDocument,
  CreateRetroItemDocument,
  DeleteNoteDocument,
  DeleteRetroItemDocument,
  NoteHistoryDocument,
  RetrospectiveDocument,
  UpdateNoteDocument,
  UpdateRetroItemDocument,
  type NoteFieldsFragment,
  type NoteInput,
  type RetroItemFieldsFragment,
  type RetroItemInput,
  type RetrospectiveQueryVariables,
} from '../../generated/graphql';

export interface RetroEditing {
  /** false once the server refused a write with FORBIDDEN: controls hide, reading goes on */
  canEdit: boolean;
  forbid: (message: string) => void;
  /** Monday of the week on the page */
  week: string;
  mutations: RetroMutations;
  /** asks for the page again (after a refused delete, to show what is stored now) */
  reload: () => void;
}

export const RetroEditingContext = createContext<RetroEditing | null>(null);

export function useRetroEditing(): RetroEditing {
  const editing = useContext(RetroEditingContext);
  if (!editing) throw new Error('useRetroEditing outside of the retrospective page');
  return editing;
}

// By operation name: whatever variables the page and the dashboard's markers were asked with.
const REFETCH = { refetchQueries: ['Retrospective', 'Markers'], awaitRefetchQueries: true };

export function useRetroMutations(variables: RetrospectiveQueryVariables | undefined) {
  const client = useApolloClient();
  const [createNote] = useMutation(CreateNoteDocument, REFETCH);
  const [updateNote] = useMutation(UpdateNoteDocument, REFETCH);
  const [deleteNote] = useMutation(DeleteNoteDocument, REFETCH);
  const [createItem] = useMutation(CreateRetroItemDocument, REFETCH);
  const [updateItem] = useMutation(UpdateRetroItemDocument, REFETCH);
  const [deleteItem] = useMutation(DeleteRetroItemDocument, REFETCH);

  // One object while nothing it uses changes: forms depend on it in effects.
  return useMemo(() => ({
    saveNote: async (id: string | null, input: NoteInput, expectedVersion: number) => {
      if (id === null) await createNote({ variables: { input } });
      else await updateNote({ variables: { id, expectedVersion, input } });
    },
    deleteNote: async (id: string, expectedVersion: number) => {
      await deleteNote({ variables: { id, expectedVersion } });
    },
    saveItem: async (id: string | null, input: RetroItemInput, expectedVersion: number) => {
      if (id === null) await createItem({ variables: { input } });
      else await updateItem({ variables: { id, expectedVersion, input } });
    },
    deleteItem: async (id: string, expectedVersion: number) => {
      await deleteItem({ variables: { id, expectedVersion } });
    },
    /**
     * The version a conflicting edit lost to. Not cached: a note's versions share its id, and
     * normalizing them would overwrite the current note with an old one.
     */
    latestNote: async (id: string): Promise<NoteFieldsFragment | null> => {
      const { data } = await client.query({ query: NoteHistoryDocument, variables: { id }, fetchPolicy: 'no-cache' });
      return data?.noteHistory[0] ?? null;
    },
    /** Items have no history query: the page's own answer, asked again, holds the current one. */
    latestItem: async (id: string): Promise<RetroItemFieldsFragment | null> => {
      if (!variables) return null;
      const { data } = await client.query({ query: RetrospectiveDocument, variables, fetchPolicy: 'network-only' });
      return data?.retrospective.items.find((i) => i.id === id) ?? null;
    },
  }), [client, createNote, updateNote, deleteNote, createItem, updateItem, deleteItem, variables]);
}

export type RetroMutations = ReturnType<typeof useRetroMutations>;
