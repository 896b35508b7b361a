import { describe, expect, test } from 'vitest';
import { HttpError } from '../../../server/http/http-error.ts';
import { parseTarget, pathForLog } from '../../../server/http/request-path.ts';

describe('request paths: one guarded decoder', () => {
  test.each([
    ['/', ['']],
    ['/index.html', ['index.html']],
    ['/assets/app-3f2a1b.js?v=1', ['assets', 'app-3f2a1b.js']],
    ['/api/workbooks/plan-2027/state', ['api', 'workbooks', 'plan-2027', 'state']],
    ['/w/%E4%BA%A7%E5%93%81', ['w', '产品']],
    ['/a%20b', ['a b']],
    ['/a//b', ['a', '', 'b']],
    ['http://relay.example/demo?token=x', ['demo']],
    ['http://relay.example', ['']],
  ])('%s → %j', (url, segments) => {
    expect(parseTarget(url).segments).toEqual(segments);
  });

  test('the query is read as it is, the path from the decoded segments', () => {
    const t = parseTarget('/demo?token=owb_abc&x=%zz');
    expect(t.path).toBe('/demo');
    expect(t.query.get('token')).toBe('owb_abc');
  });

  // Each of these ended the process (decodeURIComponent or a NUL in statSync) or could name another file.
  test.each([
    ['/%', 'a "%" that is not followed by two hexadecimal digits'],
    ['/api/workbooks/%', 'a "%" that is not followed'],
    ['/%zz', 'a "%" that is not followed'],
    ['/%4', 'a "%" that is not followed'],
    ['/x%00.js', 'a control character'],
    ['/x%0a.js', 'a control character'],
    ['/x%7f', 'a control character'],
    ['/x%c2%85', 'a control character'],
    ['/assets/%c0%ae%c0%ae/x.js', 'not UTF-8'],
    ['/%ff', 'not UTF-8'],
    ['/%ed%a0%80', 'not UTF-8'],
    ['/..%2f..%2fetc%2fpasswd', 'an escaped "/"'],
    ['/a%5cb', 'an escaped "/" or "\\"'],
    ['/..', 'a "." or ".." segment'],
    ['/assets/../index.html', 'a "." or ".." segment'],
    ['/%2e%2e/x', 'a "." or ".." segment'],
    ['/./x', 'a "." or ".." segment'],
    ['/a\\b', 'a character that must be escaped'],
    ['/a b', 'a character that must be escaped'],
    ['/é', 'a character that must be escaped'],
    ['*', 'it does not start with "/"'],
    ['relative', 'it does not start with "/"'],
    ['/a?b#c', 'a "#"'],
  ])('%s is refused with a 400 (%s)', (url, why) => {
    let err: unknown;
    try {
      parseTarget(url);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    expect((err as HttpError).message).toContain(why);
  });

  test('a path for the log never carries the query, whether or not it decodes', () => {
    expect(pathForLog('/demo?token=owb_secret')).toBe('/demo');
    expect(pathForLog('/%zz?token=owb_secret')).toBe('/%zz');
    expect(pathForLog(`/${'a'.repeat(500)}`)).toHaveLength(200);
    expect(pathForLog('/demo/owb_AbC-123_x/state')).toBe('/demo/owb_…/state');
  });
});
