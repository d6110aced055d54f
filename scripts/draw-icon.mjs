// Draws the extension's icon (media/icon.png, 128×128): a blue shield with a white check mark, the "permissions
// verified" of the tool. Plain PNG written with node:zlib, so the icon is made here and nothing is downloaded.
// Run: node scripts/draw-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const BLUE = [0x00, 0x52, 0xcc];
const WHITE = [0xff, 0xff, 0xff];

/** Inside the shield: straight sides down to the middle, then a curve narrowing to the point. */
function inShield(x, y) {
  const cx = SIZE / 2;
  const top = 12;
  const half = 46;
  if (y < top || y > SIZE - 8) return false;
  if (y < 64) return Math.abs(x - cx) <= half;
  const t = (y - 64) / (SIZE - 8 - 64);
  return Math.abs(x - cx) <= half * Math.sqrt(1 - t * t);
}

/** Distance from a point to a segment, for the two strokes of the check mark. */
function toSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inCheck(x, y) {
  const a = [40, 64];
  const b = [57, 82];
  const c = [90, 46];
  return Math.min(toSegment(x, y, a, b), toSegment(x, y, b, c)) <= 7;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const colour = inShield(x + 0.5, y + 0.5) ? (inCheck(x + 0.5, y + 0.5) ? WHITE : BLUE) : undefined;
    if (colour) row.set([...colour, 0xff], 1 + x * 4);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows))),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
