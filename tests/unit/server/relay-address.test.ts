/** The address the relay records for the CLI's links, and what the CLI makes of a file it cannot trust. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { recordedRelayAddress, recordRelayAddress, RELAY_ADDRESS_FILE } from '../../../server/relay-address.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'wb-address-'));

describe('relay address: recorded at start, read by the CLI', () => {
  test('what the relay records is what the CLI reads (without a trailing slash); only its owner may read the file', () => {
    const dir = folder();
    expect(recordedRelayAddress(dir)).toBeUndefined();
    recordRelayAddress(dir, 'http://127.0.0.1:41234');
    expect(recordedRelayAddress(dir)).toBe('http://127.0.0.1:41234');
    recordRelayAddress(dir, 'https://sheets.example.com/');
    expect(recordedRelayAddress(dir)).toBe('https://sheets.example.com');
    expect(statSync(join(dir, RELAY_ADDRESS_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, RELAY_ADDRESS_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  test.each([
    ['not JSON', '{"url": "http://127.0.0.1:1'],
    ['not an object', '"http://127.0.0.1:1"'],
    ['no url', '{}'],
    ['a url that is not text', '{"url": 8787}'],
    ['another scheme', '{"url": "javascript:alert(1)"}'],
    ['a file url', '{"url": "file:///etc/passwd"}'],
    ['credentials in it', '{"url": "http://user:pw@127.0.0.1:1"}'],
    ['a query', '{"url": "http://127.0.0.1:1/?x=1"}'],
    ['url only on the prototype', '{"__proto__": {"url": "http://127.0.0.1:1"}}'],
    ['far too long', JSON.stringify({ url: `http://a.example/${'a'.repeat(5000)}` })],
  ])('a file with %s is ignored (the CLI falls back to HOST and PORT)', (_what, text) => {
    const dir = folder();
    writeFileSync(join(dir, RELAY_ADDRESS_FILE), text);
    expect(recordedRelayAddress(dir)).toBeUndefined();
  });
});
