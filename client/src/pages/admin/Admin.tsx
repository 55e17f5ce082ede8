import { SegmentedControl } from '../../components/SegmentedControl';
import { createUrlCodec, oneOf } from '../../state/urlState';
import { useUrlState } from '../../state/useUrlState';
import { AuditLogSection } from './AuditLog';
import { TargetsSection } from './Targets';
import { TokensSection } from './Tokens';
import { UsersSection } from './Users';

const SECTIONS = ['users', 'tokens', 'targets', 'audit'] as const;
type Section = (typeof SECTIONS)[number];
const LABELS: Record<Section, string> = { users: 'Users', tokens: 'Ingestion tokens', targets: 'Targets', audit: 'Audit log' };

/** The section in the URL (`section=audit`), so a link opens the audit log directly. */
const adminCodec = createUrlCodec({ section: { param: 'section', codec: oneOf(SECTIONS), default: 'users' as Section } });

/**
 * Administration: users (roles, data scopes, passwords), ingestion tokens, metric targets, and the audit log.
 * Only admins reach it (registry minRole); the server refuses everyone else's questions anyway.
 */
export function Admin() {
  const [view, setView] = useUrlState(adminCodec);
  return (
    <div className="admin">
      <div className="page-controls">
        <SegmentedControl label="Section" value={view.section} options={SECTIONS.map((s) => ({ value: s, label: LABELS[s] }))} onChange={(section) => setView({ section })} />
      </div>
      {view.section === 'users' ? <UsersSection /> : view.section === 'tokens' ? <TokensSection /> : view.section === 'targets' ? <TargetsSection /> : <AuditLogSection />}
    </div>
  );
}
