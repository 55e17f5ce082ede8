// The direction of imports, checked on every run: domain → db / queries → metrics / analysis →
// graphql / http → entry points, and the client apart. A lower layer importing a higher one (the
// SQL layer reaching for GraphQL types, the demo generator pulled into the query layer) is how
// import cycles start; this test reads every source file's imports and fails on each one that goes
// the wrong way, and on every cycle between files. README "Architecture" draws the same layers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

/** Layer of a server file by its folder: a file may import only files of a layer at or below its own. */
const SERVER_LAYERS: Record<string, number> = {
  // vocabulary (enums generated from the schema), refusals, time, taxonomy, field checks
  domain: 0,
  // pure statistics: see PURE below
  stats: 0,
  // what is measured and where it is kept (metric catalogue, dimensions, rollup tables), as data
  definitions: 1,
  // roles and scopes: rules over the domain, no I/O
  access: 1,
  log: 1,
  config: 2,
  db: 3,
  // SQL statements and the runner
  queries: 4,
  // figures from the rollups; ingestion's streams, checks and writer
  metrics: 5,
  ingest: 5,
  // accounts, sessions and ingestion tokens (which name the streams they may write); the retrospective
  auth: 6,
  // what needs attention and why (the Overview's list and culprits; the retrospective's movers' cell rule)
  analysis: 6,
  retro: 6,
  // alert rules, their evaluation (metrics, the retrospective's tests and Markdown), notifications and digests
  alerts: 6,
  // the DSA transparency report: figures read through queries, checked, written in the Commission's templates
  dsa: 6,
  demo: 7,
  graphql: 8,
  http: 9,
  cli: 10,
  main: 10,
  testing: 10,
};

/**
 * Folders of pure functions: they import nothing outside their own folder (no other folder, no
 * package, no I/O), so any layer may use them and they can be tested alone. The client imports
 * none of them: what it once computed with them (the Overview's attention list) is the server's.
 */
const PURE = ['stats'];

/** Folders that sit at their layer but must not be imported by the named layers at all. */
const FORBIDDEN: Array<{ from: string[]; to: string; why: string }> = [
  { from: ['graphql', 'http'], to: 'demo', why: 'the demo generator is a tool, not part of the serving path' },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'generated') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s+'([^']+)'/g;

/** Every module specifier a file imports (relative paths, packages, node: built-ins). */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]).filter((spec): spec is string => !!spec);
}

function importsOf(file: string): string[] {
  const targets: string[] = [];
  for (const spec of specifiersOf(file)) {
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(file), spec.replace(/\.js$/, ''));
    for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) {
          targets.push(candidate);
          break;
        }
      } catch {
        /* not this candidate */
      }
    }
  }
  return targets;
}

function area(file: string): string {
  const [top = '', folder = '', ...rest] = relative(root, file).split(/[\\/]/);
  if (top !== 'server') return top;
  return rest.length === 0 ? folder.replace(/\.tsx?$/, '') : folder;
}
const layerOf = (file: string): number => SERVER_LAYERS[area(file)] ?? Number.NaN;

const files = [...sourceFiles(join(root, 'server')), ...sourceFiles(join(root, 'client', 'src'))];
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(root, f);

describe('import direction', () => {
  it('knows the layer of every server folder', () => {
    const unknown = files.filter((f) => area(f) !== 'client' && SERVER_LAYERS[area(f)] === undefined);
    expect(unknown.map(rel)).toEqual([]);
  });

  it('no server file imports a higher layer (or a forbidden folder)', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      const a = area(from);
      if (a === 'client') continue;
      for (const to of targets) {
        const b = area(to);
        if (b === 'client') wrong.push(`${rel(from)} → ${rel(to)} (the server never imports the client)`);
        else if (layerOf(to) > layerOf(from)) wrong.push(`${rel(from)} → ${rel(to)} (${a} is below ${b})`);
        const rule = FORBIDDEN.find((r) => r.from.includes(a) && r.to === b);
        if (rule) wrong.push(`${rel(from)} → ${rel(to)} (${rule.why})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the client imports only the client (types come from its generated folder)', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      if (area(from) !== 'client') continue;
      for (const to of targets) if (area(to) !== 'client') wrong.push(`${rel(from)} → ${rel(to)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a pure folder imports nothing outside itself: no other folder, no package, no node: built-in', () => {
    const wrong: string[] = [];
    for (const from of files) {
      if (!PURE.includes(area(from))) continue;
      for (const spec of specifiersOf(from)) {
        const to = spec.startsWith('.') ? resolve(dirname(from), spec) : null;
        if (!to || area(to) !== area(from)) wrong.push(`${rel(from)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no import cycle between files', () => {
    // Tarjan's strongly connected components; any component of more than one file is a cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index);
      index += 1;
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(rel(w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of graph.keys()) if (!idx.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('the checker sees imports (guards against a regex that matches nothing)', () => {
    const edges = [...graph.values()].reduce((n, t) => n + t.length, 0);
    expect(edges).toBeGreaterThan(files.length);
  });
});
