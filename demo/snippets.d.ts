// Types of demo/snippets.js for the tests that import it.
export declare function linkSnippet(url: string): { text: string; html: string };
export declare function setupSnippet(bundle: string, attrs: [name: string, value: string][]): string;
