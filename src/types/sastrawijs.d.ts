// sastrawijs ships its types, but its package.json "exports" does not point at them, so
// TypeScript's NodeNext resolution cannot find them: the part this project uses.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    /** The root of an Indonesian word, or the word itself when no root of the dictionary is left. */
    stem(word: string): string;
    /** Whether the word is one of the dictionary's roots. */
    find(word: string): boolean;
  }
}
