// A tiny software rasteriser for looking at the generated layers without a browser: polygons
// (even-odd scanline fill), lines (stamped discs) and points into an RGBA buffer, saved as PNG
// with node:zlib. Preview tooling only; never imported by the generator.
import { deflateSync } from 'node:zlib';
import type { Position } from 'geojson';

export type Rgba = readonly [number, number, number, number]; // alpha 0..1

export class Canvas {
  readonly px: Uint8ClampedArray;
  constructor(readonly width: number, readonly height: number,
    readonly bbox: readonly [number, number, number, number], background: Rgba = [245, 243, 238, 1]) {
    this.px = new Uint8ClampedArray(width * height * 4);
    for (let k = 0; k < width * height; k++) this.px.set([background[0], background[1], background[2], 255], k * 4);
  }

  project(p: Position): [number, number] {
    const [w, s, e, n] = this.bbox;
    return [((p[0] - w) / (e - w)) * this.width, ((n - p[1]) / (n - s)) * this.height];
  }

  private blend(x: number, y: number, c: Rgba): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const k = (y * this.width + x) * 4, a = c[3];
    for (let ch = 0; ch < 3; ch++) this.px[k + ch] = this.px[k + ch] * (1 - a) + c[ch] * a;
  }

  fillPolygon(rings: Position[][], c: Rgba): void {
    const edges: [number, number, number, number][] = [];
    let y0 = Infinity, y1 = -Infinity;
    for (const ring of rings) {
      const pts = ring.map((p) => this.project(p));
      for (let k = 0; k + 1 < pts.length; k++) {
        edges.push([pts[k][0], pts[k][1], pts[k + 1][0], pts[k + 1][1]]);
        y0 = Math.min(y0, pts[k][1]); y1 = Math.max(y1, pts[k][1]);
      }
    }
    const from = Math.max(0, Math.floor(y0)), to = Math.min(this.height - 1, Math.ceil(y1));
    for (let y = from; y <= to; y++) {
      const yc = y + 0.5, xs: number[] = [];
      for (const [ax, ay, bx, by] of edges) {
        if ((ay > yc) !== (by > yc)) xs.push(ax + ((yc - ay) * (bx - ax)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const xa = Math.max(0, Math.round(xs[k])), xb = Math.min(this.width - 1, Math.round(xs[k + 1]) - 1);
        for (let x = xa; x <= xb; x++) this.blend(x, y, c);
      }
    }
  }

  private disc(cx: number, cy: number, r: number, c: Rgba, mark: Set<number>): void {
    const rr = Math.max(0.5, r);
    for (let y = Math.floor(cy - rr); y <= Math.ceil(cy + rr); y++) {
      for (let x = Math.floor(cx - rr); x <= Math.ceil(cx + rr); x++) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > rr * rr) continue;
        const key = y * this.width + x;
        if (mark.has(key)) continue;
        mark.add(key);
        this.blend(x, y, c);
      }
    }
  }

  strokeLine(line: Position[], c: Rgba, widthPx: number): void {
    const mark = new Set<number>();
    const pts = line.map((p) => this.project(p));
    for (let k = 0; k + 1 < pts.length; k++) {
      const [ax, ay] = pts[k], [bx, by] = pts[k + 1];
      const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) * 2));
      for (let t = 0; t <= steps; t++) this.disc(ax + ((bx - ax) * t) / steps, ay + ((by - ay) * t) / steps, widthPx / 2, c, mark);
    }
  }

  point(p: Position, radiusPx: number, c: Rgba): void {
    const [x, y] = this.project(p);
    this.disc(x, y, radiusPx, c, new Set());
  }

  toPng(): Buffer {
    const raw = Buffer.alloc((this.width * 4 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 4 + 1)] = 0;
      Buffer.from(this.px.buffer, y * this.width * 4, this.width * 4).copy(raw, y * (this.width * 4 + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0); ihdr.writeUInt32BE(this.height, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  }
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0); head.write(type, 4, 'ascii');
  let crc = 0xffffffff;
  for (const b of Buffer.concat([head.subarray(4), data])) crc = CRC[(crc ^ b) & 0xff] ^ (crc >>> 8);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}
