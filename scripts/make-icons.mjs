// Renders the app icon into resources/icons/: icon.svg (the source drawing), icon.png (512 px,
// used for macOS and Linux) and icon.ico (16-256 px, Windows). Pure Node, so the icons can be
// regenerated on any machine: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { projectRoot } from './electron-binary.mjs';

const outDir = path.join(projectRoot, 'resources', 'icons');

// The drawing, in a 512-unit square: a blue tile, a document with text lines, and an amber
// badge with a check mark (a notification that has been assessed).
const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xe8, 0xa3, 0x3d];
const LINE = [0x8f, 0xa9, 0xc4];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const polyline = (points, width) => (x, y) => {
  const h = width / 2;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    if ((x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= h * h) return true;
  }
  return false;
};

const CHECK = [
  [300, 358],
  [328, 386],
  [376, 332],
];

const shapes = [
  { color: BLUE, inside: roundedRect(32, 32, 480, 480, 96) },
  { color: WHITE, inside: roundedRect(140, 100, 348, 396, 20) },
  { color: LINE, inside: roundedRect(180, 152, 308, 172, 10) },
  { color: LINE, inside: roundedRect(180, 200, 308, 220, 10) },
  { color: LINE, inside: roundedRect(180, 248, 260, 268, 10) },
  { color: WHITE, inside: circle(338, 358, 100) },
  { color: AMBER, inside: circle(338, 358, 84) },
  { color: WHITE, inside: polyline(CHECK, 24) },
];

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>Pingyi</title>
  <rect x="32" y="32" width="448" height="448" rx="96" fill="#1f4e79"/>
  <rect x="140" y="100" width="208" height="296" rx="20" fill="#ffffff"/>
  <rect x="180" y="152" width="128" height="20" rx="10" fill="#8fa9c4"/>
  <rect x="180" y="200" width="128" height="20" rx="10" fill="#8fa9c4"/>
  <rect x="180" y="248" width="80" height="20" rx="10" fill="#8fa9c4"/>
  <circle cx="338" cy="358" r="100" fill="#ffffff"/>
  <circle cx="338" cy="358" r="84" fill="#e8a33d"/>
  <polyline points="${CHECK.map((p) => p.join(',')).join(' ')}" fill="none" stroke="#ffffff" stroke-width="24" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;

/** RGBA pixels of the drawing at `size` px, 4x4 supersampled for smooth edges. */
function render(size) {
  const ss = 4;
  const scale = 512 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * scale;
          const y = (py + (sy + 0.5) / ss) * scale;
          let color = null;
          for (const shape of shapes) if (shape.inside(x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over covered samples only, so edges do not darken toward black.
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A classic 32-bit DIB entry: some Windows tools (NSIS among them) want these below 256 px. */
function encodeDib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus the AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    const src = (size - 1 - y) * size * 4; // bottom-up
    for (let x = 0; x < size; x++) {
      const s = src + x * 4;
      const d = (y * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size); // alpha carries transparency
  return Buffer.concat([header, pixels, mask]);
}

function encodeIco(sizes) {
  const images = sizes.map((size) => {
    const rgba = render(size);
    return { size, data: size >= 256 ? encodePng(size, rgba) : encodeDib(size, rgba) };
  });
  const head = Buffer.alloc(6);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([head, ...entries, ...images.map((i) => i.data)]);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'icon.svg'), svg);
writeFileSync(path.join(outDir, 'icon.png'), encodePng(512, render(512)));
writeFileSync(path.join(outDir, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256]));
console.log(`icons written to ${path.relative(projectRoot, outDir)}/`);
