/**
 * The error `promise` rejects with, checked to be an instance of `type`. Fails the test (by
 * throwing) when the promise resolves or rejects with anything else.
 */
export async function rejectedWith<E>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  let outcome: { error: unknown } | undefined;
  try {
    await promise;
  } catch (error) {
    outcome = { error };
  }
  if (!outcome) throw new Error(`expected a rejection with ${type.name}, but the promise resolved`);
  if (!(outcome.error instanceof type)) {
    throw new Error(`expected a rejection with ${type.name}, got ${String(outcome.error)}`, {
      cause: outcome.error,
    });
  }
  return outcome.error;
}
