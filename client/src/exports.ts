// Every export (CSV, shown or copied SQL, Markdown, print) is written to the audit log: who took
// which view out of the dashboard. The record is sent alongside the export and never holds it up:
// the file is already written when the request leaves, and a failed record is not the user's
// problem (the server logs its own failures).
import { useCallback } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { RecordExportDocument, type ExportKind } from './generated/graphql';

/** The view being exported, as the audit log names it: the path and query string. */
export const currentView = () => `${window.location.pathname}${window.location.search}`;

export function useRecordExport(): (kind: ExportKind, rows?: number) => void {
  const client = useApolloClient();
  return useCallback(
    (kind, rows) => {
      client
        .mutate({ mutation: RecordExportDocument, variables: { input: { kind, view: currentView(), ...(rows === undefined ? {} : { rows }) } }, fetchPolicy: 'no-cache' })
        .catch(() => undefined);
    },
    [client],
  );
}
