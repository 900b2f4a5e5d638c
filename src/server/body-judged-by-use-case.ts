import type { FastifyRequest } from 'fastify';

/**
 * Route options for a body that its use case parses again with the same schema and judges by its own rules too
 * (`inspect` in core/validate.ts): a JSON object the schema refuses still reaches the handler, so that one answer
 * names every problem, the schema's and the rules' (a mistyped email and a connected-on day in the future).
 * Anything else refused (the path, the headers, a body that is not an object) is answered as before.
 */
export const bodyJudgedByUseCase = {
  attachValidation: true,
  preHandler: async (req: FastifyRequest) => {
    const refused = req.validationError as (Error & { validationContext?: string }) | undefined;
    if (!refused) return;
    const isObject = typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body);
    if (refused.validationContext !== 'body' || !isObject) throw refused;
  },
};
