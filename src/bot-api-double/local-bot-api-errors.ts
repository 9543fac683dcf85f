/**
 * Errors of the local Bot API double, shaped like the Bot API's: an HTTP status
 * that equals `error_code`, a prefixed description, optional `parameters`.
 */
import type { ResponseParameters } from 'grammy/types';

import type { ApiResponse, FaultSpec } from './local-bot-api-types.ts';

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, `Bad Request: ${message}`);

export function faultError(fault: FaultSpec): ApiError {
  switch (fault.status) {
    case 429: {
      const retryAfter = fault.retryAfter ?? 1;
      return new ApiError(429, fault.description ?? `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    case 403:
      return new ApiError(403, fault.description ?? 'Forbidden: bot was blocked by the user');
    case 400:
      return new ApiError(400, fault.description ?? 'Bad Request: injected fault');
    case 500:
      return new ApiError(500, fault.description ?? 'Internal Server Error');
    case 502:
      return new ApiError(502, fault.description ?? 'Bad Gateway');
  }
}

export function toErrorResponse(error: unknown): ApiResponse {
  if (error instanceof ApiError) {
    return {
      ok: false,
      error_code: error.code,
      description: error.description,
      ...(error.parameters !== undefined ? { parameters: error.parameters } : {}),
    };
  }
  // A bug in the double itself: make it loud instead of passing it off as a Telegram error.
  console.error('LocalBotApi: internal error', error);
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error_code: 500, description: `Internal Server Error: ${message}` };
}
