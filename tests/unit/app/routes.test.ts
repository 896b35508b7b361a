import { describe, expect, test } from 'vitest';
import { parseRoute, spaceHash, workbookHash } from '../../../src/app/routes.ts';

describe('routes', () => {
  test.each([
    ['', { kind: 'start' }],
    ['#/', { kind: 'start' }],
    ['#/w/demo', { kind: 'workbook', id: 'demo' }],
    ['#/w/demo?token=owb_x', { kind: 'workbook', id: 'demo', token: 'owb_x' }],
    ['#/s/team', { kind: 'space', id: 'team' }],
    ['#/s/team/?token=owb_y', { kind: 'space', id: 'team', token: 'owb_y' }],
    ['#/join/team?invite=owb_z', { kind: 'join', space: 'team', invite: 'owb_z' }],
    // An invite link without its invite is the space's page (which says how to get in).
    ['#/join/team', { kind: 'space', id: 'team' }],
    ['#/s/%E0%A4%A', { kind: 'start' }],
    ['#/x/team', { kind: 'start' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  test('a page’s own address never holds a token', () => {
    expect(parseRoute(spaceHash('brand b'))).toEqual({ kind: 'space', id: 'brand b' });
    expect(parseRoute(workbookHash('w-1'))).toEqual({ kind: 'workbook', id: 'w-1' });
  });
});
