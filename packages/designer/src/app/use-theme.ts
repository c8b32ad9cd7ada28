import { useEffect, useState } from 'react';
import { parseThemeChoice, resolveTheme, type ThemeChoice } from './theme';

const storageKey = 'attendflow.theme';
const query = '(prefers-color-scheme: dark)';

/** The theme choice (saved) and the theme drawn, applied to `<html data-theme>`. */
export function useTheme(): {
  choice: ThemeChoice;
  theme: 'light' | 'dark';
  setChoice: (c: ThemeChoice) => void;
} {
  const [choice, setChoiceState] = useState(() =>
    parseThemeChoice(localStorage.getItem(storageKey)),
  );
  const [prefersDark, setPrefersDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setPrefersDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const theme = resolveTheme(choice, prefersDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const setChoice = (next: ThemeChoice) => {
    localStorage.setItem(storageKey, next);
    setChoiceState(next);
  };
  return { choice, theme, setChoice };
}
