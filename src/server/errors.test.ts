import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './errors';

/** A Fastify-style error: a code, a status and a message. */
function fastifyError(code: string, statusCode: number, message: string) {
  return Object.assign(new Error(message), { code, statusCode });
}

describe('toErrorResponse', () => {
  it('keeps the status of a client error Fastify or a plugin raises that is not listed', () => {
    expect(
      toErrorResponse(
        fastifyError(
          'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
          400,
          'Request body size did not match Content-Length',
        ),
      ),
    ).toEqual({
      status: 400,
      code: 'validation',
      message: 'Request body size did not match Content-Length',
      details: {},
    });
    expect(
      toErrorResponse(fastifyError('FST_SOME_PLUGIN_REFUSAL', 415, 'Unsupported Media Type')),
    ).toMatchObject({
      status: 415,
      code: 'validation',
    });
    expect(toErrorResponse(fastifyError('FST_SOME_PLUGIN_GONE', 404, 'gone'))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('answers 500 for our own faults, whatever status they claim', () => {
    expect(toErrorResponse(new Error('boom'))).toEqual({
      status: 500,
      code: 'internal',
      message: 'internal error',
      details: {},
    });
    expect(toErrorResponse(Object.assign(new Error('x'), { statusCode: 404 }))).toMatchObject({
      status: 500,
    });
    expect(toErrorResponse(fastifyError('FST_ERR_SOMETHING', 503, 'down'))).toMatchObject({ status: 500 });
  });
});
