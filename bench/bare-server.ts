/**
 * The peer of the API bench, in its own process: bare node:http answering, per path, the JSON body the Rapport
 * endpoint answered (the parent sends them).
 */
import { createServer } from 'node:http';

process.once('message', (bodies: Record<string, string>) => {
  process.on('message', () => process.send?.(process.cpuUsage()));
  const byPath = new Map(Object.entries(bodies));
  const server = createServer((req, res) => {
    const body = byPath.get((req.url ?? '').split('?')[0] as string);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body ?? '{}');
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
});
