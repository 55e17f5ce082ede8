// Sign-in by a trusted proxy (the usual internal-tool deployment: an SSO proxy authenticates and
// passes the user and their groups in headers). The headers are believed only on connections
// from the configured proxy addresses; anyone else sending them is ignored.
import { USERNAME, type Access } from '../access/access.js';
import type { AuthConfig } from '../config.js';

/** "::ffff:10.0.0.1" → "10.0.0.1", so IPv4 proxies match however the socket reports them. */
export const plainAddress = (address: string | undefined) => (address ?? '').replace(/^::ffff:/, '');

export type ProxyIdentity = { access: Access } | { refused: string } | null;

/**
 * The identity the proxy vouches for, a refusal (a user none of whose groups is granted), or null
 * when the request did not come through the proxy.
 */
export function proxyIdentity(config: AuthConfig, peer: string | undefined, header: (name: string) => string | undefined): ProxyIdentity {
  const proxy = config.proxySignIn;
  if (!proxy || !config.trustedProxies.includes(plainAddress(peer))) return null;
  const username = header(proxy.userHeader)?.trim().toLowerCase();
  if (!username) return null;
  if (!USERNAME.test(username)) return { refused: 'The sign-in proxy passed a username Vigil cannot use.' };
  const groups = (header(proxy.groupsHeader) ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  // The first configured group the user is in decides (like first-match rules): combining groups'
  // roles and scopes could grant more than any one group does (an EU admin and a global viewer
  // are not a global admin). List VIGIL_PROXY_GROUPS from the most to the least privileged.
  const group = Object.keys(proxy.groups).find((g) => groups.includes(g));
  if (group === undefined) return { refused: `You are signed in as ${username}, but none of your groups has access to Vigil. Ask an admin.` };
  const grant = proxy.groups[group]!;
  return { access: { username, role: grant.role, scope: { REGION: grant.regions ?? [], COUNTRY: grant.countries ?? [], VENDOR: grant.vendors ?? [] } } };
}
