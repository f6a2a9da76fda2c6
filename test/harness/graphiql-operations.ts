// The operations of a GraphiQL tab as GraphiQL runs them: the chosen operation plus every fragment of the document
// (the other operations left out), and the code an `# expect: <CODE>` line right above an operation names.
import { Kind, parse, print, type DefinitionNode } from 'graphql';

export interface TabOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The extensions.code its `# expect:` line names; null: it must answer without errors. */
  expect: string | null;
  /** What GraphiQL sends for it. */
  document: string;
}

export function tabOperations(query: string): TabOperation[] {
  const definitions = parse(query).definitions;
  const fragments = definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const lines = query.split('\n');
  return definitions.flatMap((definition: DefinitionNode) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) return [];
    const above = lines[definition.loc!.startToken.line - 2] ?? '';
    const expectMatch = /^# expect: ([A-Z_]+)$/.exec(above);
    return [
      {
        name: definition.name.value,
        kind: definition.operation,
        expect: expectMatch ? expectMatch[1]! : null,
        document: print({ kind: Kind.DOCUMENT, definitions: [definition, ...fragments] }),
      },
    ];
  });
}
