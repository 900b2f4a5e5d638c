/** The Rapport server for the API bench, in its own process: the seeded data folder in, its address out. */
import { openRuntime } from '../src/core/runtime';
import { buildApp } from '../src/server/app';

const rt = await openRuntime({ RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR } as NodeJS.ProcessEnv, {
  settings: { scryptN: 1024 },
});
const app = await buildApp({ handle: rt.handle, settings: rt.settings, webRoot: null, logLevel: 'warn' });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.(base);
// CPU time so far (the parent turns it into CPU per request: req/s per core, whatever else runs on the machine).
process.on('message', () => process.send?.(process.cpuUsage()));
// SIGTERM ends the process normally, so --cpu-prof writes its profile.
process.once('SIGTERM', async () => {
  await app.close();
  await rt.close();
  process.exit(0);
});
