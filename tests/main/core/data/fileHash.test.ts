import { describe, expect, it } from 'vitest'
import { sha256File } from '../../../../src/main/core/data/fileHash'
import { useTempDir } from '../../../helpers/tempDir'

describe('sha256File', () => {
  const tmp = useTempDir()

  it('gives the SHA-256 of the file’s bytes in hex (FIPS 180-2 test vectors)', async () => {
    expect(await sha256File(tmp.write('abc.txt', 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
    expect(await sha256File(tmp.write('empty.txt', ''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })

  it('hashes a file larger than one read chunk as one stream', async () => {
    // One million "a": the FIPS 180-2 long-message vector.
    expect(await sha256File(tmp.write('a.txt', 'a'.repeat(1_000_000)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'
    )
  })
})
