// Targets set by admins: they replace the catalogue's in the catalogue, KPI status and the
// retrospective headlines; NONE removes a target, DEFAULT restores the catalogue's; stale changes
// are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixtureApi, type TestApi } from '../testing/testApi.js';
import { FULL_ACCESS, type Access } from '../access/access.js';
import { metricById } from '../definitions/metricCatalogue.js';

let api: TestApi;
let close: () => Promise<void>;
const editor: Access = { username: 'ed', role: 'editor', scope: {} };
const RANGE = '{ from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" }';

beforeAll(async () => ({ api, close } = await openFixtureApi()));
afterAll(() => close());

const SET = `mutation($v: Int!, $c: TargetChange!, $t: TargetInput) {
  setTarget(metric: "action_rate", expectedVersion: $v, change: $c, target: $t) { version overridden updatedBy defaultTarget { value } metric { target { value direction atRiskMargin } } }
}`;
const kpi = async () => (await api.ok(`{ kpis(input: { metrics: ["action_rate"], comparison: PREVIOUS_PERIOD, range: ${RANGE} }) { current { value } targetStatus } }`)).kpis[0];
const catalogueTarget = async () => (await api.ok('{ catalogue { metrics { id target { value direction } } } }')).catalogue.metrics.find((m: any) => m.id === 'action_rate').target;

describe('targets set by admins', () => {
  it('replace the catalogue target everywhere, can be removed, and restored', async () => {
    expect(metricById('action_rate')!.target).toBeUndefined(); // the catalogue has none for it
    const { current } = await kpi();
    const rate: number = current.value;
    expect(rate).toBeGreaterThan(0.1);

    // 10 points above the week's rate, at least: breached
    const set = (await api.ok(SET, { v: 0, c: 'SET', t: { value: rate + 0.1, direction: 'AT_LEAST', atRiskMargin: 0.02 } })).setTarget;
    expect(set).toMatchObject({ version: 1, overridden: true, updatedBy: 'system', defaultTarget: null });
    expect(set.metric.target).toEqual({ value: rate + 0.1, direction: 'AT_LEAST', atRiskMargin: 0.02 });
    expect(await catalogueTarget()).toEqual({ value: rate + 0.1, direction: 'AT_LEAST' });
    expect((await kpi()).targetStatus).toBe('BREACHED');
    // 1 point below the rate with a 5-point margin: at risk; 20 points below: on target
    await api.ok(SET, { v: 1, c: 'SET', t: { value: rate - 0.01, direction: 'AT_LEAST', atRiskMargin: 0.05 } });
    expect((await kpi()).targetStatus).toBe('AT_RISK');
    await api.ok(SET, { v: 2, c: 'SET', t: { value: rate - 0.2, direction: 'AT_LEAST', atRiskMargin: 0.05 } });
    expect((await kpi()).targetStatus).toBe('ON_TARGET');

    const none = (await api.ok(SET, { v: 3, c: 'NONE' })).setTarget;
    expect(none).toMatchObject({ version: 4, overridden: true, metric: { target: null } });
    expect(await catalogueTarget()).toBeNull();
    expect((await kpi()).targetStatus).toBe('NO_TARGET');
    const restored = (await api.ok(SET, { v: 4, c: 'DEFAULT' })).setTarget;
    expect(restored).toMatchObject({ version: 5, overridden: false, metric: { target: null } });
    const listed = (await api.ok('{ targets { metric { id } version overridden } }')).targets.find((s: any) => s.metric.id === 'action_rate');
    expect(listed).toEqual({ metric: { id: 'action_rate' }, version: 5, overridden: false });
  });

  it('decide the retrospective headline status too', async () => {
    const status = async () =>
      (await api.ok('{ retrospective(input: { week: "2026-03-02" }) { headlines { metric { id } lastWeek { value } targetStatus } } }')).retrospective.headlines.find((h: any) => h.metric.id === 'action_rate');
    const before = await status();
    expect(before.targetStatus).toBe('NO_TARGET'); // no target: nothing to be on or off
    const rate: number = before.lastWeek.value;
    await api.ok(SET, { v: 5, c: 'SET', t: { value: rate + 0.05, direction: 'AT_LEAST', atRiskMargin: 0 } });
    expect((await status()).targetStatus).toBe('BREACHED');
    await api.ok(SET, { v: 6, c: 'SET', t: { value: rate + 0.05, direction: 'AT_MOST', atRiskMargin: 0.1 } });
    expect((await status()).targetStatus).toBe('AT_RISK');
    await api.ok(SET, { v: 7, c: 'DEFAULT' });
    expect((await status()).targetStatus).toBe('NO_TARGET');
  });

  it('refuse stale changes, bad values and non-admins', async () => {
    const stale = await api.gql(SET, { v: 0, c: 'NONE' });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 8 });
    expect((await api.gql(SET, { v: 7, c: 'NONE' })).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 8 });
    for (const [vars, argument] of [
      [{ v: 8, c: 'SET', t: { value: 1.5, direction: 'AT_LEAST', atRiskMargin: 0 } }, 'target.value'],
      [{ v: 8, c: 'SET', t: { value: 0.5, direction: 'ABOUT', atRiskMargin: 0 } }, 'target.direction'],
      [{ v: 8, c: 'SET', t: { value: 0.5, direction: 'AT_MOST', atRiskMargin: -1 } }, 'target.atRiskMargin'],
      [{ v: 8, c: 'SET' }, 'target'],
    ] as const) {
      const r = await api.gql(SET, vars);
      expect(r.errors![0]!.extensions, JSON.stringify(vars)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const unknown = await api.gql('mutation { setTarget(metric: "nope", expectedVersion: 0, change: NONE) { version } }');
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'metric' });
    // a version no target can be at is bad input, and leaves the target settable from the default
    const SET_OTHER = 'mutation($v: Int!) { setTarget(metric: "automated_share", expectedVersion: $v, change: NONE) { version } }';
    for (const v of [-1, -2147483648]) {
      const r = await api.gql(SET_OTHER, { v });
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'expectedVersion' });
      expect(r.errors![0]!.message).toBe(`expectedVersion must be a whole number of 0 or more (0 for one never set, or the version you loaded); got ${v}.`);
    }
    expect((await api.ok(SET_OTHER, { v: 0 })).setTarget.version).toBe(1);
    const refused = await api.gql(SET, { v: 8, c: 'NONE' }, editor);
    expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await api.ok('{ targets { version } }', {}, FULL_ACCESS)).targets.length).toBeGreaterThan(30);
  });
});
