import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Charts } from '../../api/types';
import { relationshipKeys } from '../relationships/relationship-keys';

/** The series behind the charts, over the last year. */
export function useCharts() {
  return useQuery({
    queryKey: relationshipKeys.charts,
    queryFn: ({ signal }) => api.get<Charts>('/charts', { signal }),
  });
}
