import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { describeSchemaErrors } from './schema-errors.ts';

const Crate = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    size: Type.Integer({ minimum: 1, maximum: 10 }),
    colour: Type.Optional(Type.Enum(['red', 'green'])),
    when: Type.Optional(
      Type.Union([Type.String(), Type.Number()], { description: 'a string or a number' }),
    ),
    either: Type.Optional(Type.Union([Type.String(), Type.Boolean()])),
    tags: Type.Optional(Type.Array(Type.String())),
    address: Type.Optional(
      Type.Object({ city: Type.String(), zip: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
const checkCrate = Compile(Crate);

const explain = (value: unknown) => describeSchemaErrors(checkCrate.Errors(value), Crate);
const crate = (extra: Record<string, unknown> = {}) => ({ name: 'box', size: 3, ...extra });

describe('describeSchemaErrors', () => {
  it('falls back to "item is invalid" when there are no errors to describe', () => {
    expect(checkCrate.Check(crate())).toBe(true);
    expect(explain(crate())).toBe('item is invalid');
    expect(describeSchemaErrors([], Crate)).toBe('item is invalid');
  });

  it('lists every missing required property in one part', () => {
    expect(explain({})).toBe('missing name, size');
  });

  it('names a nested object when its property is missing', () => {
    expect(explain(crate({ address: { zip: '200000' } }))).toBe('missing address.city');
  });

  it('names every unknown property once (not once per "schema is false" twin)', () => {
    expect(explain(crate({ x: 1, y: 2 }))).toBe('unknown property x, y');
  });

  it('lists the allowed values of an enum', () => {
    expect(explain(crate({ colour: 'blue' }))).toBe('colour must be one of red, green');
  });

  it("uses a union's description instead of one error per alternative", () => {
    expect(explain(crate({ when: null }))).toBe('when must be a string or a number');
  });

  it('says "of another type" for a union without a description', () => {
    expect(explain(crate({ either: 3 }))).toBe('either must be of another type');
  });

  it.each([
    ['a minimum', crate({ size: 0 }), 'size must be >= 1'],
    ['a maximum', crate({ size: 11 }), 'size must be <= 10'],
    ['an integer', crate({ size: 1.5 }), 'size must be integer'],
    ['a minimum length', crate({ name: '' }), 'name must not have fewer than 1 characters'],
  ])('prefixes the field to the message for %s', (_label, value, expected) => {
    expect(explain(value)).toBe(expected);
  });

  it('writes a nested path with dots, array indexes included', () => {
    expect(explain(crate({ tags: ['ok', 2] }))).toBe('tags.1 must be string');
  });

  it('joins several problems with "; "', () => {
    expect(explain({ name: '', size: 11 })).toBe(
      'name must not have fewer than 1 characters; size must be <= 10',
    );
  });

  it('calls a wrong root "item"', () => {
    expect(explain(null)).toBe('item must be object');
    expect(explain([])).toBe('item must be object');
  });

  it('says each identical problem only once', () => {
    const errors = checkCrate.Errors(crate({ size: 0 }));
    expect(describeSchemaErrors([...errors, ...errors], Crate)).toBe('size must be >= 1');
  });
});

describe('nested paths', () => {
  const Address = Type.Object({
    address: Type.Object(
      { city: Type.String(), zip: Type.String() },
      { additionalProperties: false },
    ),
  });
  const check = Compile(Address);
  const describe_ = (value: unknown) => describeSchemaErrors(check.Errors(value), Address);

  it('names every missing nested property with its path', () => {
    expect(describe_({ address: {} })).toBe('missing address.city, address.zip');
  });

  it('names an unknown nested property with its path', () => {
    expect(describe_({ address: { city: 'a', zip: 'b', z: 1 } })).toBe(
      'unknown property address.z',
    );
  });

  it('prefixes every path with the document location it is given', () => {
    expect(describeSchemaErrors(check.Errors({ address: {} }), Address, 'body')).toBe(
      'missing body.address.city, body.address.zip',
    );
  });
});
