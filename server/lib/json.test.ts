import { describe, expect, it } from 'vitest';
import { parsedWith } from './json';

describe('parsedWith', () => {
  it('is the parsed object with the fields set over it, as a spread would be', () => {
    const json = '{"department":"总务处","id":"stored","round":1}';
    expect(parsedWith(json, { id: 'e1', kind: 'assigned' })).toEqual({ ...JSON.parse(json), id: 'e1', kind: 'assigned' });
  });

  it('adds nothing for stored JSON that is not an object', () => {
    for (const json of ['null', '[1,2]', '3', '"x"']) expect(parsedWith(json, { id: 'e1' })).toEqual({ id: 'e1' });
  });
});
