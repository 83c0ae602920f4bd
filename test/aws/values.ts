/** Values a program must see exactly: `=`, both quotes, a backslash, unicode and a line break. */
export const AWKWARD = 'p=ss "q" \'s\' \\ é✓😀\nsecond line';
