/** The theme a person picks; `system` follows the operating system. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** The theme drawn for a choice. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}

/** Reads a stored choice; anything else means `system`. */
export function parseThemeChoice(text: string | null): ThemeChoice {
  return text === 'light' || text === 'dark' ? text : 'system';
}
