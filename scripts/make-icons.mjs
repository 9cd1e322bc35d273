// Draws the app icon (a speech bubble on a blue tile) as PNG files, with no image library.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
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
function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const u = x / size;
      const v = y / size;
      const corner = 0.18;
      const dx = Math.max(corner - u, 0, u - (1 - corner));
      const dy = Math.max(corner - v, 0, v - (1 - corner));
      const inTile = dx * dx + dy * dy <= corner * corner;
      const bubble = ((u - 0.5) / 0.32) ** 2 + ((v - 0.45) / 0.24) ** 2 <= 1;
      const tail = v > 0.6 && v < 0.8 && u > 0.3 && u < 0.45 && u - 0.3 < (0.8 - v) * 0.75;
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      const color = !inTile ? [0, 0, 0, 0] : bubble || tail ? [255, 255, 255, 255] : [35, 87, 198, 255];
      raw.set(color, offset);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
mkdirSync('resources/icons', { recursive: true });
for (const size of [16, 32, 256, 512]) writeFileSync(`resources/icons/${size}x${size}.png`, png(size));
writeFileSync('resources/icons/icon.png', png(512));
