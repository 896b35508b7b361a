/**
 * Writes public/icon-192.png, icon-512.png and icon-maskable-512.png: the design of public/icon.svg
 * (a green rounded square with three white bars), rasterized here with 4×4 supersampling so the
 * PNGs an installed app needs are made from the repo, not drawn by hand. Run after changing the
 * design: `node tests/tools/make-icons.mjs`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
const GREEN = [0x1f, 0x6f, 0x5c];
const BARS = [
  [14, 18, 36, 6],
  [14, 29, 36, 6],
  [14, 40, 22, 6],
];

/** Coverage of a 64×64 design point: 0 outside, 1 on the square, 2 on a bar. */
const shade = (x, y, maskable) => {
  if (!maskable) {
    const r = 12;
    const cx = Math.min(Math.max(x, r), 64 - r);
    const cy = Math.min(Math.max(y, r), 64 - r);
    if (x < 0 || y < 0 || x > 64 || y > 64 || (x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  }
  // A maskable icon fills its square; the bars sit in the middle 80 % safe zone.
  const [bx, by] = maskable ? [(x - 6.4) / 0.8, (y - 6.4) / 0.8] : [x, y];
  return BARS.some(([l, t, w, h]) => bx >= l && bx < l + w && by >= t && by < t + h) ? 2 : 1;
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

const png = (size, maskable) => {
  const S = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let square = 0;
      let bar = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const s = shade(((x + (sx + 0.5) / S) * 64) / size, ((y + (sy + 0.5) / S) * 64) / size, maskable);
          if (s > 0) square++;
          if (s === 2) bar++;
        }
      }
      const a = square / (S * S);
      const w = square ? bar / square : 0;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(GREEN[i] * (1 - w) + 255 * w);
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
};

writeFileSync(join(PUBLIC, 'icon-192.png'), png(192, false));
writeFileSync(join(PUBLIC, 'icon-512.png'), png(512, false));
writeFileSync(join(PUBLIC, 'icon-maskable-512.png'), png(512, true));
console.log('icons written');
