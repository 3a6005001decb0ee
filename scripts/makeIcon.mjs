// Writes resources/icon.png (512×512): a shield-like rupee-blue tile. Run once; the PNG is committed.
import { deflateSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'

const size = 512
const raw = Buffer.alloc((size * 4 + 1) * size)
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0
  for (let x = 0; x < size; x++) {
    const o = y * (size * 4 + 1) + 1 + x * 4
    const dx = (x - size / 2) / (size / 2)
    const dy = (y - size / 2) / (size / 2)
    const inside = Math.abs(dx) < 0.86 && Math.abs(dy) < 0.86 && dx * dx + dy * dy < 1.25
    const bar =
      inside &&
      x > size * 0.3 &&
      x < size * 0.7 &&
      ((y > size * 0.3 && y < size * 0.36) || (y > size * 0.45 && y < size * 0.51))
    const rising =
      inside &&
      Math.abs(y - (size * 0.78 - (x - size * 0.25) * 0.9)) < 14 &&
      x > size * 0.25 &&
      x < size * 0.75
    const [r, g, b, a] = !inside ? [0, 0, 0, 0] : bar || rising ? [255, 255, 255, 255] : [22, 93, 160, 255]
    raw[o] = r
    raw[o + 1] = g
    raw[o + 2] = b
    raw[o + 3] = a
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const c = Buffer.alloc(4)
  c.writeUInt32BE(crc(td))
  return Buffer.concat([len, td, c])
}
const ihdr = Buffer.alloc(13)
ihdr.writeUInt32BE(size, 0)
ihdr.writeUInt32BE(size, 4)
ihdr[8] = 8
ihdr[9] = 6
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0))
])
writeFileSync(new URL('../resources/icon.png', import.meta.url), png)
