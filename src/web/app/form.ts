// Forms judge what they would send with the server's own request schema (the zod object the route
// validates): the same rules and the same German messages on both sides of the wire. Form values stay
// as the inputs hold them (strings, lists of strings, flags); one function per form turns them into the
// request, and the issues of that request land on the form's fields by path.
import { schemaResolver } from '@mantine/form';
import type { z } from 'zod';
import { installGermanMessages } from '../../domain/validation/german-messages';
import { issuesByField } from '../api/client';

// The schemas' own messages are German already; zod's defaults become German too, as on the server.
installGermanMessages();

/** The values of a form for a request: each field as its input holds it (text, choices, a flag). */
export type FormValues<T> = {
  // keyof T & string: not a homomorphic mapping, so no field is optional and a flag may stay unknown.
  [K in keyof T & string]: NonNullable<T[K]> extends boolean
    ? boolean | undefined
    : NonNullable<T[K]> extends readonly unknown[]
      ? string[]
      : string;
};

/** A request path ("nameVariants.0", "languages.2.level") to the form field that shows it. */
export type FieldOf = (path: string) => string;
const topField: FieldOf = (path) => path.split('.')[0];

function byField(issues: [string, string][], fieldOf: FieldOf): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of issues) {
    const field = fieldOf(path);
    if (!(field in out)) out[field] = message;
  }
  return out;
}

/**
 * A `validate` function for `useForm`: converts the values to the request and checks it with the
 * server's schema (`schemaResolver` of @mantine/form, synchronously), the issues by form field.
 */
export function requestValidator<V, S extends z.ZodType>(
  schema: S,
  toRequest: (values: V) => unknown,
  fieldOf: FieldOf = topField,
): (values: V) => Record<string, string> {
  const resolve = schemaResolver(schema, { sync: true });
  return (values) =>
    byField(
      Object.entries(resolve(toRequest(values))).map(([p, m]) => [p, String(m)]),
      fieldOf,
    );
}

/** The issues of a server's 400 answer by form field (for `form.setErrors`); none for other errors. */
export function serverFieldErrors(err: unknown, fieldOf: FieldOf = topField): Record<string, string> {
  return byField(Object.entries(issuesByField(err)), fieldOf);
}
