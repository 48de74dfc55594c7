import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../shared/api';
import type { CheckinSearch } from '../../../shared/api/checkin';
import { api } from '../../api';

/** Past searches kept for Enter to reuse; cleared after every mark, when statuses change. */
const keptSearches = 200;

export interface DeskSearch {
  query: string;
  /** The answer for the query in the box, once it has come. */
  results: CheckinSearch | null;
  type(text: string): void;
  /** The answer for this query: the one already asked for as it was typed, or a new one. */
  searchFor(query: string): Promise<Result<CheckinSearch>>;
  /** After a mark: statuses changed, so ask again (the box's query too). */
  forget(): void;
}

/**
 * Searches as the operator types (every keystroke; the index lives in main). A scanner types a
 * card faster than answers come back, so answers are matched to the query they were for, and
 * Enter waits for the answer to the whole code.
 */
export function useDeskSearch(congressId: number | null): DeskSearch {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CheckinSearch | null>(null);
  const asked = useRef(new Map<string, Promise<Result<CheckinSearch>>>());
  const inBox = useRef('');

  const searchFor = useCallback(
    (text: string): Promise<Result<CheckinSearch>> => {
      const q = text.trim();
      const known = asked.current.get(q);
      if (known) return known;
      if (asked.current.size >= keptSearches) asked.current.clear();
      const pending =
        congressId === null
          ? Promise.resolve<Result<CheckinSearch>>({
              ok: false,
              error: { code: 'not-found', message: '尚未创建大会，不能报到' },
            })
          : api['checkin.search']({ congressId, query: q });
      asked.current.set(q, pending);
      return pending;
    },
    [congressId],
  );

  const show = useCallback(
    (text: string) => {
      const q = text.trim();
      inBox.current = q;
      if (q === '') {
        setResults(null);
        return;
      }
      void searchFor(q).then((result) => {
        if (result.ok && result.value.query === inBox.current) setResults(result.value);
      });
    },
    [searchFor],
  );

  const type = useCallback(
    (text: string) => {
      setQuery(text);
      show(text);
    },
    [show],
  );

  const forget = useCallback(() => {
    asked.current.clear();
    show(inBox.current);
  }, [show]);

  return { query, results, type, searchFor, forget };
}
