import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

// Hand-written rather than graphql-scalars: these pass the upstream's strings through untouched (no re-formatting,
// no time-zone conversion), which is what a gateway owes its callers. They are output-only in this schema.
function passthroughString(name: string, description: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => {
      if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
      return value;
    },
    parseValue: (value) => {
      if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
      return value;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be a string`);
      return ast.value;
    },
  });
}

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalToJson(field.value)]));
    case Kind.NULL:
      return null;
    default:
      throw new TypeError('JSON literals cannot hold variables');
  }
}

export const DateScalar = passthroughString('Date', 'A calendar date as the upstream sends it: `YYYY-MM-DD`.');
export const DateTimeScalar = passthroughString('DateTime', 'An instant as the upstream sends it (ISO 8601).');
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value, passed through exactly as the upstream sent it.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
