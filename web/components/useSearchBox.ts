import { useEffect, useState, type ChangeEvent } from 'react';
import { useDebounced } from './hooks';

/**
 * State for a search input that updates the list only once typing pauses.
 * Spread the result onto an antd Input: `<Input {...useSearchBox(filters.q, q => set({ q }))} />`.
 */
export function useSearchBox(current: string | undefined, onSearch: (q: string) => void) {
  const [value, setValue] = useState(current ?? '');
  const settled = useDebounced(value);
  useEffect(() => {
    if ((current ?? '') !== settled) onSearch(settled);
    // Only a settled term triggers a search; `current`/`onSearch` changing on their own must not.
  }, [settled]);
  return { value, onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(e.target.value) };
}
