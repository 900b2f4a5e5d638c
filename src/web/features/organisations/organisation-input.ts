/** What the organisation forms send; "" clears a field. */
export interface OrganisationInput {
  name?: string;
  website?: string | null;
  notes?: string | null;
}
