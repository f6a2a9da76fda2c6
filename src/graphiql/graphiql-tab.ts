// What a GraphiQL tab is, the demo ids the demo tabs name (app.ts passes them in), and the comment wrapper.

export interface GraphiQLTab {
  query: string;
  variables?: string;
}

/** An upstream failure the demo can cause: the id that causes it and the code the caller sees. */
export interface GraphiQLDemoError {
  id: string;
  gatewayCode: string;
  summary: string;
}

/** The demo upstream's ids the tabs use; they come from src/demo/ through app.ts (GraphiQL knows no fixture). */
export interface GraphiQLDemoIds {
  seedRunId: string;
  nestedRunId: string;
  certificationRunId: string;
  liveRunId: string;
  /** A process with a nested build-time tree and a current run. */
  treeProcessId: string;
  errors: readonly GraphiQLDemoError[];
  /** A process id whose run the demo starts but never answers for (a write with an unknown outcome). */
  writeOutcomeUnknownProcessId: string;
  /** A user id the demo accepts as an assignee. */
  assigneeId: string;
}

/** Comment lines fit the editor's default width without sideways scrolling. */
export const COMMENT_COLUMNS = 60;

/** `text` as `# ` comment lines of at most COMMENT_COLUMNS columns. */
export function comment(text: string): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > COMMENT_COLUMNS && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

/** The line that marks an operation demonstrating an error: the browser test asserts exactly this code. */
export const expectLine = (code: string): string => `# expect: ${code}`;

/** One tab holding several operations (picked with the run button), with every operation's variables merged. */
export function multiOperationTab(intro: string, operations: readonly GraphiQLTab[]): GraphiQLTab {
  const variables = Object.assign(
    {},
    ...operations.map((operation) => (operation.variables ? JSON.parse(operation.variables) : {})),
  );
  return {
    query: `${intro}\n\n${operations.map((operation) => operation.query.trim()).join('\n\n')}\n`,
    ...(Object.keys(variables).length > 0 ? { variables: JSON.stringify(variables, null, 2) } : {}),
  };
}
