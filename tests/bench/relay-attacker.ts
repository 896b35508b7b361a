/**
 * The abusive clients of the relay-abuse benchmark, in a process of their own (so their work does
 * not slow the canary that measures): run until SIGTERM, then print one `@@attack` JSON line of
 * what happened to them. All from loopback addresses other than the canary's 127.0.0.1.
 *
 *   step1-flood PORT ROOM TOKEN SOCKETS RATE   viewer sockets each sending an empty sync step 1
 *                                              RATE times a second; a closed one reconnects
 *   state-hammer PORT ROOM TOKEN CLIENTS       clients each asking GET /state back to back
 */
import { Agent, request } from 'node:http';
import WebSocket from 'ws';

const [mode = '', portArg = '', room = '', token = '', countArg = '1', rateArg = '90'] = process.argv.slice(2);
const port = Number(portArg);
const count = Number(countArg);
const stats: Record<string, number> = {};
const bump = (k: string, n = 1) => (stats[k] = (stats[k] ?? 0) + n);
let running = true;

/** An empty state vector in a sync step 1: "send me everything". */
const STEP1 = new Uint8Array([0, 0, 1, 0]);

const flooder = (address: string, rate: number): void => {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/${room}?token=${token}`, { localAddress: address });
  let timer: NodeJS.Timeout | undefined;
  ws.binaryType = 'nodebuffer';
  ws.on('open', () => {
    bump('opened');
    timer = setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) {
        ws.send(STEP1);
        bump('asked');
      }
    }, 1000 / rate);
  });
  ws.on('message', (d: Buffer) => bump('bytesReceived', d.byteLength));
  // Refused (429 once it reconnects too often): it tries again a moment later, for as long as it runs.
  ws.on('unexpected-response', (req, res) => {
    bump(`refused${res.statusCode}`);
    req.destroy();
    if (running) setTimeout(() => flooder(address, rate), 200);
  });
  ws.on('error', () => {});
  ws.on('close', (code) => {
    if (timer) clearInterval(timer);
    if (code) bump(`closed${code}`);
    // An attacker comes back at once.
    if (running && code) setTimeout(() => flooder(address, rate), 50);
  });
};

const hammer = (address: string): void => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = () => {
    if (!running) return;
    const req = request({ host: '127.0.0.1', port, path: `/api/workbooks/${room}/state`, localAddress: address, agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      bump(`status${res.statusCode}`);
      res.on('data', (d: Buffer) => bump('bytesReceived', d.byteLength));
      res.on('end', once);
    });
    req.on('error', () => {
      bump('errors');
      setTimeout(once, 10);
    });
    req.end();
  };
  once();
};

if (mode === 'step1-flood') for (let i = 0; i < count; i++) flooder(`127.0.0.${2 + i}`, Number(rateArg));
else if (mode === 'state-hammer') for (let i = 0; i < count; i++) hammer(`127.0.0.${2 + i}`);
else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}

// Runs until told to stop, whatever its sockets do.
setInterval(() => {}, 1000);

process.on('SIGTERM', () => {
  running = false;
  // stdout to a pipe is written asynchronously: exit once the line is out.
  process.stdout.write(`@@attack ${JSON.stringify(stats)}\n`, () => process.exit(0));
});
