import { describe, expect, it } from 'vitest';
import { parseIcu } from './icu';

describe('parseIcu', () => {
  it('lists the arguments of simple, typed and nested messages', () => {
    expect(parseIcu('Use {n} characters or fewer.')).toEqual({ args: ['n'], errors: [] });
    expect(parseIcu('{done} of {total}, {when, date, short}')).toEqual({
      args: ['done', 'total', 'when'],
      errors: [],
    });
    expect(
      parseIcu('{count, plural, =0 {no one} one {# child in {cls}} other {# children}}'),
    ).toEqual({ args: ['cls', 'count'], errors: [] });
    expect(parseIcu('{g, select, a {x {n}} other {y}}')).toEqual({ args: ['g', 'n'], errors: [] });
    expect(parseIcu('{n, plural, offset:1 other {#}}').errors).toEqual([]);
  });

  it('follows ICU quoting', () => {
    expect(parseIcu("Let's go, don't stop")).toEqual({ args: [], errors: [] });
    expect(parseIcu("Write '{name}' here, it''s fine")).toEqual({ args: [], errors: [] });
    expect(parseIcu("a '}' b")).toEqual({ args: [], errors: [] });
  });

  it('reports broken syntax', () => {
    expect(parseIcu('Hello {name').errors).toEqual(['a "{" is never closed']);
    expect(parseIcu('Hello name}').errors).toEqual([`a "}" without "{" (quote it: '}')`]);
    expect(parseIcu('Hello {}').errors[0]).toMatch(/without a name/);
    expect(parseIcu('{n, plurl, other {#}}').errors[0]).toMatch(/unknown type "plurl"/);
    expect(parseIcu('{n, plural, other {#}').errors).toEqual(['a "{" is never closed']);
    expect(parseIcu('{n, plural, lots {#} other {#}}').errors[0]).toMatch(/not a plural case/);
    expect(parseIcu('{n, plural, one {a} one {b} other {c}}').errors[0]).toMatch(/twice/);
  });

  it('requires an other case in plural and select', () => {
    expect(parseIcu('{count, plural, one {# child}}').errors).toEqual([
      '"{count, plural, …}" has no "other" case (every plural and select needs one)',
    ]);
    expect(parseIcu('{g, select, a {x}}').errors[0]).toMatch(/no "other" case/);
  });
});
