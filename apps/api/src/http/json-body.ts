import secureJson from 'secure-json-parse';

/**
 * Limits on what a JSON body may hold, checked before and after parsing, so that no request
 * can make the service recurse deeply, build huge strings or pollute prototypes.
 */
export const JSON_LIMITS = {
  /** Nesting of objects and arrays. The deepest real body (a rubric) nests 6 levels. */
  maxDepth: 16,
  maxStringLength: 20_000,
  maxArrayLength: 5_000,
  maxKeys: 500,
} as const;

export class BadJsonBody extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'BadJsonBody';
  }
}

/** The deepest nesting in a JSON text, scanning without parsing (strings and escapes skipped). */
function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

function checkSizes(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.length > JSON_LIMITS.maxStringLength) {
      throw new BadJsonBody('VALIDATION_FAILED', `${path || 'body'}: strings are at most ${JSON_LIMITS.maxStringLength} characters`, path || 'body');
    }
  } else if (Array.isArray(value)) {
    if (value.length > JSON_LIMITS.maxArrayLength) {
      throw new BadJsonBody('VALIDATION_FAILED', `${path || 'body'}: arrays hold at most ${JSON_LIMITS.maxArrayLength} items`, path || 'body');
    }
    value.forEach((item, index) => checkSizes(item, `${path}[${index}]`));
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length > JSON_LIMITS.maxKeys) {
      throw new BadJsonBody('VALIDATION_FAILED', `${path || 'body'}: objects hold at most ${JSON_LIMITS.maxKeys} fields`, path || 'body');
    }
    for (const key of keys) {
      checkSizes(key, path ? `${path}.<key>` : '<key>');
      checkSizes((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    }
  }
}

/** Parses a request body, or throws BadJsonBody (HTTP 400) naming what is wrong. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  if (nestingExceeds(text, JSON_LIMITS.maxDepth)) {
    throw new BadJsonBody('BODY_TOO_DEEP', `the body nests objects and arrays more than ${JSON_LIMITS.maxDepth} levels deep`);
  }
  let value: unknown;
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const message = (error as Error).message;
    if (/prototype|constructor/i.test(message)) {
      throw new BadJsonBody('FORBIDDEN_PROPERTY', 'the body may not contain __proto__ or constructor.prototype properties');
    }
    throw new BadJsonBody('INVALID_JSON', `the body is not valid JSON: ${message}`);
  }
  checkSizes(value, '');
  return value;
}
