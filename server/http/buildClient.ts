// Building the SPA from inside the server process (the first `npm start` of a fresh clone).
import path from 'node:path';
import { CLIENT_DIST } from './app.js';

type Build = () => Promise<unknown>;

const viteBuild: Build = async () => {
  const { build } = await import('vite');
  await build({ configFile: path.resolve(CLIENT_DIST, '../../vite.config.ts'), logLevel: 'warn' });
};

/**
 * Builds the SPA without leaving a trace on the process: Vite sets process.env.NODE_ENV to
 * 'production' while it builds, which would make the first start (which builds) behave unlike
 * every later one (which does not). The environment is put back exactly as it was.
 */
export async function buildClient(build: Build = viteBuild): Promise<void> {
  const had = Object.prototype.hasOwnProperty.call(process.env, 'NODE_ENV');
  const before = process.env.NODE_ENV;
  try {
    await build();
  } finally {
    if (had) process.env.NODE_ENV = before;
    else delete process.env.NODE_ENV;
  }
}
