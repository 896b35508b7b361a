/** `npm start`: builds the app if needed and serves it on HOST:PORT (default 127.0.0.1:8787). */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.ts';
import { serveStatic } from './static-files.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);

buildIfNeeded(root);
const dist = join(root, 'dist');
const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    return;
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(dist, req, res)) return;
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
});
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} on ${host} is already in use; set PORT to another port.` : err.message);
  process.exit(1);
});
server.listen(port, host, () => console.log(`Ops workbook: open http://${host}:${port}/`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
