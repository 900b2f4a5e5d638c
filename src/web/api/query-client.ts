import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/**
 * A change the server refused because the database was momentarily busy (503 `unavailable`, e.g. the CLI importing
 * meanwhile) was rolled back whole, so sending it again is safe: twice more, a second apart (its Retry-After).
 */
export function retryWhenBusy(count: number, error: unknown): boolean {
  return isApiError(error) && error.code === 'unavailable' && count < 2;
}

/** Client errors (4xx) are answers, not glitches: never retry them. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: retryWhenBusy, retryDelay: 1000 },
    },
  });
}
